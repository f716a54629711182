// The profile service against the REAL keychain (gnome-keyring of scripts/with-keyring.sh) and real keys.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import { PRIVATE_KEY_MESSAGES } from '../../../shared/keys/private-key-errors';
import { makeProfile } from '../../../test/support/profiles';
import { pemBody, testKeyPair } from '../../../test/support/test-keys';
import { nodeKeyDecryptor } from '../node-key-decryptor';
import { KEYCHAIN_MESSAGES } from '../secret-store/keychain-errors';
import { createKeytarSecretStore } from '../secret-store/keytar-secret-store';
import { createProfileService, type ProfileService } from './profile-service';
import { PROFILE_MESSAGES } from './profile-service-errors';
import { createProfileStore } from './profile-store';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';

const US1 = 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration';
const T0 = new Date('2025-02-01T08:00:00.000Z');
const pair = testKeyPair();

function sshFingerprint(): string {
  const der = pair.publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/** Every 40-character run of the key's base64 body: a leak scan that also catches a re-wrapped or partial copy. */
function keyChunks(pem: string): string[] {
  const body = pemBody(pem);
  const chunks: string[] = [];
  for (let i = 0; i + 40 <= body.length; i += 40) chunks.push(body.slice(i, i + 40));
  return chunks;
}

const intelligence = (overrides: Partial<SaveProfileRequest> = {}): SaveProfileRequest => ({
  name: 'US1 service account',
  product: 'intelligence',
  clientId: 'svc-account-1',
  region: 'us1',
  privateKeyPem: pair.pkcs1Escaped,
  ...overrides,
});

describe.skipIf(!isolated)(`profile service on the real keyring${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const secrets = createKeytarSecretStore({ service: `mctw-test-${randomBytes(6).toString('hex')}` });
  const dirs: string[] = [];
  let dir: string;
  let clock: Date;
  let ids: number;
  let service: ProfileService;

  const open = (userDataDir = dir) =>
    createProfileService({
      store: createProfileStore({ dir: userDataDir }),
      secrets,
      decryptor: nodeKeyDecryptor,
      now: () => clock,
      newId: () => `id-${++ids}`,
    });
  const fileText = () => readFile(join(dir, 'profiles.json'), 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mctw-profile-service-'));
    dirs.push(dir);
    clock = T0;
    ids = 0;
    for (const account of await secrets.list()) await secrets.delete(account);
    service = open();
  });

  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('saves an Intelligence profile from a PKCS#1 key pasted with literal \\n: PKCS#8 in the keychain, no key material in profiles.json', async () => {
    const saved = await service.save(intelligence());
    expect(saved).toEqual(
      makeProfile({
        id: 'id-1',
        name: 'US1 service account',
        clientId: 'svc-account-1',
        discoveryUrl: US1,
        keyInfo: { type: 'RSA', bits: 2048, fingerprint: sshFingerprint(), format: 'pkcs1' },
        createdAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
      }),
    );
    const stored = await secrets.get('profile:id-1');
    expect(stored).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pemBody(stored)).toBe(pemBody(pair.pkcs8Pem));
    const text = await fileText();
    // The keychain entry is recorded as written by this folder (what `profiles prune` may remove once no profile stores it).
    expect(JSON.parse(text)).toEqual({ version: 1, profiles: [saved], keychainEntries: [{ account: 'profile:id-1', profileId: 'id-1' }] });
    for (const chunk of [...keyChunks(pair.pkcs1Pem), ...keyChunks(pair.pkcs8Pem)]) expect(text).not.toContain(chunk);
    expect(await service.list()).toEqual({ profiles: [saved], problems: [], keychain: { 'id-1': { secret: 'present' } }, foreign: [] });
  });

  it('hands out a non-extractable CryptoKey that signs for the key pair, also after reopening', async () => {
    await service.save(intelligence());
    const key = (await open().runnable('id-1', 'intelligence')).privateKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5' });
    const jwt = await new SignJWT({ sub: 'svc-account-1' }).setProtectedHeader({ alg: 'RS256' }).sign(key);
    await expect(jwtVerify(jwt, pair.publicKey)).resolves.toMatchObject({ payload: { sub: 'svc-account-1' } });
    await expect(jwtVerify(jwt, testKeyPair('other').publicKey)).rejects.toThrow();
  });

  it('needs the passphrase of an encrypted key, says so, and stores nothing without it', async () => {
    await expect(service.save(intelligence({ privateKeyPem: pair.pkcs8EncryptedPem }))).rejects.toMatchObject({
      code: 'ERR_KEY_ENCRYPTED',
      message: PRIVATE_KEY_MESSAGES.encryptedNoPassphrase,
    });
    await expect(service.save(intelligence({ privateKeyPem: pair.pkcs8EncryptedPem, passphrase: 'wrong' }))).rejects.toMatchObject({
      code: 'ERR_KEY_PASSPHRASE',
      message: PRIVATE_KEY_MESSAGES.wrongPassphrase,
    });
    expect(await secrets.list()).toEqual([]);
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
  });

  it.each([
    ['PKCS#8', 'pkcs8EncryptedPem', 'pkcs8-encrypted'],
    ['legacy PKCS#1', 'pkcs1EncryptedPem', 'pkcs1-encrypted'],
  ] as const)(
    'decrypts an encrypted %s key with its passphrase and stores it unencrypted; the passphrase is kept nowhere',
    async (_what, field, format) => {
      const saved = await service.save(intelligence({ privateKeyPem: pair[field], passphrase: pair.passphrase }));
      expect(saved.keyInfo).toEqual({ type: 'RSA', bits: 2048, fingerprint: sshFingerprint(), format });
      const stored = await secrets.get('profile:id-1');
      expect(stored).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(pemBody(stored)).toBe(pemBody(pair.pkcs8Pem));
      const text = await fileText();
      expect(text).not.toContain(pair.passphrase);
      for (const chunk of [...keyChunks(pair[field]), ...keyChunks(pair.pkcs8Pem)]) expect(text).not.toContain(chunk);
      await expect(service.runnable('id-1')).resolves.toMatchObject({ product: 'intelligence', privateKey: { extractable: false } });
    },
  );

  it('asks for the key again (ERR_PROFILE_KEY_REQUIRED) when an update without one changes the client id or the discovery site', async () => {
    const saved = await service.save(intelligence());
    const before = await fileText();
    await expect(service.save(intelligence({ id: 'id-1', clientId: 'svc-attacker', privateKeyPem: undefined }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_KEY_REQUIRED',
      message: 'The client id changed: paste the private key again. A stored key only signs for the client id it was saved with.',
    });
    await expect(
      service.save(
        intelligence({
          id: 'id-1',
          region: null,
          discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
          privateKeyPem: undefined,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'ERR_PROFILE_KEY_REQUIRED',
      message:
        'The discovery URL now points to another site: paste the private key again. A stored key only signs for the site it was saved with.',
    });
    expect(await fileText()).toBe(before);
    expect(await service.get('id-1')).toEqual(saved);
    const withKey = await service.save(intelligence({ id: 'id-1', clientId: 'svc-2', privateKeyPem: pair.pkcs8Pem }));
    expect(withKey.clientId).toBe('svc-2');
  });

  it('keeps the stored key when an update brings none, and replaces it when it brings one', async () => {
    await service.save(intelligence());
    clock = new Date('2025-02-02T08:00:00.000Z');
    const updated = await service.save(intelligence({ id: 'id-1', name: 'Renamed', region: 'eu1', privateKeyPem: undefined }));
    expect(updated).toMatchObject({
      id: 'id-1',
      name: 'Renamed',
      clientId: 'svc-account-1',
      region: 'eu1',
      keyInfo: { format: 'pkcs1', fingerprint: sshFingerprint() },
      hasSecret: true,
      createdAt: T0.toISOString(),
      updatedAt: '2025-02-02T08:00:00.000Z',
    });
    expect(pemBody(await secrets.get('profile:id-1'))).toBe(pemBody(pair.pkcs8Pem));
    const other = testKeyPair('other');
    const replaced = await service.save(intelligence({ id: 'id-1', privateKeyPem: other.pkcs8Pem }));
    expect(replaced.keyInfo?.format).toBe('pkcs8');
    expect(replaced.keyInfo?.fingerprint).not.toBe(sshFingerprint());
    expect(pemBody(await secrets.get('profile:id-1'))).toBe(pemBody(other.pkcs8Pem));
    expect(await secrets.list()).toEqual(['profile:id-1']);
  });

  it('takes a pasted discovery URL (loopback http allowed) over the region, and refuses insecure or unknown ones', async () => {
    const local = 'http://127.0.0.1:4567/us1/.well-known/openid-configuration';
    expect(await service.save(intelligence({ region: null, discoveryUrl: local, tokenRequestStyle: 'query' }))).toMatchObject({
      region: null,
      discoveryUrl: local,
      tokenRequestStyle: 'query',
    });
    expect(await service.save(intelligence({ name: 'Same as region', region: 'us1', discoveryUrl: US1 }))).toMatchObject({
      region: 'us1',
      discoveryUrl: US1,
    });
    await expect(
      service.save(intelligence({ name: 'Insecure', region: null, discoveryUrl: 'http://idp.example.com/x' })),
    ).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
      message:
        'The discovery URL uses http:// on idp.example.com: only https:// is allowed (http only for localhost). Use the https:// address.',
    });
    await expect(service.save(intelligence({ name: 'Unknown', region: 'us9' as 'us1' }))).rejects.toMatchObject({
      code: 'ERR_REGION_UNKNOWN',
    });
    expect(await secrets.list()).toEqual(['profile:id-1', 'profile:id-2']);
  });

  it('says exactly what a new Intelligence profile is missing', async () => {
    await expect(service.save({ name: 'Empty', product: 'intelligence', clientId: ' ' })).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message:
        'This Marketing Cloud Intelligence profile is missing the service account id (client id), a region or a discovery URL, the private key: fill them in and save again.',
    });
    await expect(service.save(intelligence({ privateKeyPem: '  ' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: 'This Marketing Cloud Intelligence profile is missing the private key: fill them in and save again.',
    });
    await expect(service.save(intelligence({ clientId: 'has spaces' }))).rejects.toMatchObject({ code: 'ERR_CLIENT_ID_INVALID' });
    await expect(service.save(intelligence({ privateKeyPem: pair.publicPem }))).rejects.toMatchObject({
      code: 'ERR_KEY_PUBLIC',
      message: PRIVATE_KEY_MESSAGES.publicKey,
    });
    expect(await secrets.list()).toEqual([]);
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
  });

  it('checks names: 1 to 80 characters, unique ignoring case; rename follows the same rules', async () => {
    await service.save(intelligence({ name: 'Prod' }));
    await expect(service.save(intelligence({ name: 'PROD' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_NAME_TAKEN',
      message: 'A profile named "PROD" already exists: choose another name.',
    });
    await expect(service.save(intelligence({ name: ' ' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: PROFILE_MESSAGES.nameLength,
    });
    await expect(service.save(intelligence({ name: 'x'.repeat(81) }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: PROFILE_MESSAGES.nameLength,
    });
    await service.save({ name: 'Engagement app', product: 'engagement', clientId: '' });
    await expect(service.rename('id-2', 'prod')).rejects.toMatchObject({
      code: 'ERR_PROFILE_NAME_TAKEN',
      message: 'A profile named "prod" already exists: choose another name.',
    });
    clock = new Date('2025-02-03T00:00:00.000Z');
    expect(await service.rename('id-1', ' pROD ')).toMatchObject({ id: 'id-1', name: 'pROD', updatedAt: '2025-02-03T00:00:00.000Z' });
    await expect(service.rename('nope', 'x')).rejects.toMatchObject({ code: 'ERR_PROFILE_NOT_FOUND', message: PROFILE_MESSAGES.notFound });
    await expect(service.save(intelligence({ id: 'nope', name: 'New' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_NOT_FOUND',
      message: PROFILE_MESSAGES.notFound,
    });
  });

  it('lets only one of two concurrent saves with the same name through', async () => {
    const results = await Promise.allSettled([
      service.save({ name: 'Twin', product: 'engagement', clientId: 'a' }),
      service.save({ name: 'twin', product: 'engagement', clientId: 'b' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['Twin']);
  });

  it('stores an Engagement signing secret with its encoding, only in the keychain, and gives it back to the main process', async () => {
    const secret = 'engagement-signing-secret-ÄÖ-42';
    const saved = await service.save({ name: 'SSO app', product: 'engagement', clientId: ' pkg-client ', signingSecret: secret });
    expect(saved).toMatchObject({
      product: 'engagement',
      clientId: 'pkg-client',
      region: null,
      discoveryUrl: null,
      keyInfo: null,
      secretEncoding: 'text',
      hasSecret: true,
    });
    expect(await service.getSigningSecret('id-1')).toEqual({ secret, encoding: 'text' });
    expect(await fileText()).not.toContain(secret);
    await service.save({
      id: 'id-1',
      name: 'SSO app',
      product: 'engagement',
      clientId: '',
      signingSecret: 'a1b2c3',
      secretEncoding: 'hex',
    });
    expect(await service.getSigningSecret('id-1')).toEqual({ secret: 'a1b2c3', encoding: 'hex' });
    await expect(
      service.save({ name: 'Bad hex', product: 'engagement', clientId: '', signingSecret: 'xyz', secretEncoding: 'hex' }),
    ).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: PROFILE_MESSAGES.secretHex,
    });
    const noSecret = await service.save({ name: 'No secret yet', product: 'engagement', clientId: '' });
    expect(noSecret).toMatchObject({ hasSecret: false, secretEncoding: null });
    await expect(service.getSigningSecret(noSecret.id)).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: 'Profile "No secret yet" has no JWT signing secret stored: edit it and paste the JWT signing secret.',
    });
    expect(await secrets.list()).toEqual(['profile:id-1']);
  });

  it('refuses to hand out the wrong kind of secret, and says when the keychain entry has gone', async () => {
    await service.save(intelligence());
    await service.save({ name: 'SSO app', product: 'engagement', clientId: '', signingSecret: 's3cret' });
    await expect(service.getSigningSecret('id-1')).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: 'Profile "US1 service account" is a Marketing Cloud Intelligence profile: it has no JWT signing secret.',
    });
    await expect(service.runnable('id-2', 'intelligence')).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: 'This profile is for Marketing Cloud Engagement: getting this token needs a Marketing Cloud Intelligence profile.',
    });
    await secrets.delete('profile:id-1');
    await expect(service.runnable('id-1')).rejects.toMatchObject({
      code: 'ERR_KEYCHAIN_NOT_FOUND',
      message:
        'The private key of profile "US1 service account" is not in the OS keychain (it may have been deleted there): edit the profile and paste the private key again.',
    });
    await expect(service.runnable('nope')).rejects.toMatchObject({ code: 'ERR_PROFILE_NOT_FOUND', message: PROFILE_MESSAGES.notFound });
  });

  it('switching a profile to the other product drops the old secret from the keychain', async () => {
    await service.save(intelligence());
    const switched = await service.save({ id: 'id-1', name: 'Now Engagement', product: 'engagement', clientId: '' });
    expect(switched).toMatchObject({ product: 'engagement', keyInfo: null, hasSecret: false, region: null, discoveryUrl: null });
    expect(await secrets.list()).toEqual([]);
    await expect(service.save({ id: 'id-1', ...intelligence({ privateKeyPem: undefined }) })).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message: 'This Marketing Cloud Intelligence profile is missing the private key: fill them in and save again.',
    });
  });

  it('delete removes the keychain entry, then the profile; a keychain entry already gone does not block it', async () => {
    await service.save(intelligence());
    await service.save(intelligence({ name: 'Second' }));
    expect(await service.delete('id-1')).toEqual({ id: 'id-1' });
    expect(await secrets.list()).toEqual(['profile:id-2']);
    expect((await service.list()).profiles.map((p) => p.id)).toEqual(['id-2']);
    await secrets.delete('profile:id-2');
    expect(await service.delete('id-2')).toEqual({ id: 'id-2' });
    expect(await service.list()).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
    await expect(service.delete('id-2')).rejects.toMatchObject({ code: 'ERR_PROFILE_NOT_FOUND', message: PROFILE_MESSAGES.notFound });
  });

  it.skipIf(!existsSync('/sys/kernel'))(
    'leaves no key behind when the profile cannot be written (a folder that takes no files, not even the lock)',
    async () => {
      const failing = open('/sys');
      await expect(failing.save(intelligence())).rejects.toMatchObject({
        code: 'ERR_PROFILES_IO',
        message: expect.stringMatching(
          /^Could not take the lock \/sys\/profiles\.json\.lock \((EACCES|EPERM)\): make sure its folder exists and is writable; the saved profiles are unchanged\.$/,
        ),
      });
      expect(await secrets.list()).toEqual([]);
    },
  );

  it('never removes keychain entries no profile here refers to (another user-data folder may own them), only its own', async () => {
    await secrets.set('profile:saved-elsewhere', "another folder's key");
    await secrets.set('not-a-profile-entry', 'someone else');
    await service.save(intelligence());
    await service.delete('id-1');
    expect((await secrets.list()).sort()).toEqual(['not-a-profile-entry', 'profile:saved-elsewhere']);
  });

  it("keeps every secret when profiles.json has an entry it cannot read (that entry's secret is never touched)", async () => {
    await service.save(intelligence());
    const text = JSON.parse(await fileText()) as { profiles: unknown[] };
    text.profiles.push({ id: 'unreadable-entry', name: 42 });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(text));
    await secrets.set('profile:unreadable-entry', 'its key');
    await service.save(intelligence({ name: 'Second' }));
    await service.delete('id-1');
    expect((await secrets.list()).sort()).toEqual(['profile:id-2', 'profile:unreadable-entry']);
  });

  it('waits for a lock another process holds, and takes over a stale one left by a process that died', async () => {
    const { lock } = await import('proper-lockfile');
    const { mkdir, utimes } = await import('node:fs/promises');
    const path = join(dir, 'profiles.json');
    const release = await lock(path, { realpath: false, lockfilePath: `${path}.lock` });
    let saved = false;
    const pending = service.save(intelligence()).then((profile) => {
      saved = true;
      return profile;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(saved).toBe(false);
    await release();
    await expect(pending).resolves.toMatchObject({ id: 'id-1' });

    await mkdir(`${path}.lock`);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, longAgo, longAgo);
    await expect(service.save(intelligence({ name: 'After a crash' }))).resolves.toMatchObject({ id: 'id-2' });
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('refuses to save when profiles.json cannot be read, before touching the keychain', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'profiles.json'));
    await expect(service.save(intelligence())).rejects.toMatchObject({
      code: 'ERR_PROFILES_IO',
      message: expect.stringMatching(/^Could not read .*profiles\.json \(EISDIR\)/),
    });
    expect(await secrets.list()).toEqual([]);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });
});

describe('profile service when the keychain fails', () => {
  it('writes no profile and returns the keychain error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mctw-profile-nokeychain-'));
    try {
      const secrets = createKeytarSecretStore({
        service: 'mctw-test-unused',
        importKeytar: () => import('./no-such-keytar-module' as string),
      });
      const service = createProfileService({ store: createProfileStore({ dir }), secrets, decryptor: nodeKeyDecryptor });
      await expect(service.save(intelligence())).rejects.toMatchObject({
        code: 'ERR_KEYCHAIN_UNAVAILABLE',
        message: KEYCHAIN_MESSAGES.moduleFailed,
      });
      await expect(service.save({ name: 'SSO', product: 'engagement', clientId: '', signingSecret: 'x' })).rejects.toMatchObject({
        code: 'ERR_KEYCHAIN_UNAVAILABLE',
      });
      // No profile is written, and no entry recorded (none reached the keychain): the folder is as it was.
      expect(await readdir(dir)).toEqual([]);
      expect(await service.list()).toEqual({ profiles: [], problems: [], keychain: {}, foreign: [] });
      // Without a secret to store, the keychain is not needed.
      expect(await service.save({ name: 'No secret', product: 'engagement', clientId: '' })).toMatchObject({ hasSecret: false });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
