// Engagement server-to-server profiles against the REAL keychain: the client secret beside the signing secret, and the
// one "runnable profile" check used by every token run.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import { testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { nodeKeyDecryptor } from '../node-key-decryptor';
import { createKeytarSecretStore } from '../secret-store/keytar-secret-store';
import { createProfileService, type ProfileService } from './profile-service';
import { PROFILE_MESSAGES } from './profile-service-errors';
import { createProfileStore } from './profile-store';

const SUB = 'mc563885gzs27c5t9-63k636ttgm';
const CLIENT_SECRET = 'client-secret-Zq81-never-in-files';

const s2s = (overrides: Partial<SaveProfileRequest> = {}): SaveProfileRequest => ({
  name: 'Engagement prod',
  product: 'engagement',
  clientId: 'pkg-client-1',
  subdomain: SUB,
  clientSecret: CLIENT_SECRET,
  ...overrides,
});

describe.skipIf(!isolated)(`Engagement profiles on the real keyring${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const secrets = createKeytarSecretStore({ service: `mctw-test-${randomBytes(6).toString('hex')}` });
  const dirs: string[] = [];
  let dir: string;
  let ids: number;
  let service: ProfileService;
  const fileText = () => readFile(join(dir, 'profiles.json'), 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mctw-engagement-profile-'));
    dirs.push(dir);
    ids = 0;
    for (const account of await secrets.list()) await secrets.delete(account);
    service = createProfileService({
      store: createProfileStore({ dir }),
      secrets,
      decryptor: nodeKeyDecryptor,
      newId: () => `id-${++ids}`,
    });
  });

  afterAll(async () => {
    for (const account of await secrets.list()) await secrets.delete(account);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('keeps the client secret only in the keychain, beside a signing secret, and hands both out in the main process', async () => {
    const saved = await service.save(
      s2s({ signingSecret: 'sso-signing-secret', scope: ' email_read  journeys_read ', accountId: ' 510001234 ' }),
    );
    expect(saved).toMatchObject({
      clientId: 'pkg-client-1',
      subdomain: SUB,
      authUrl: null,
      scope: 'email_read journeys_read',
      accountId: '510001234',
      hasSecret: true,
      hasClientSecret: true,
    });
    expect((await secrets.list()).sort()).toEqual(['profile:id-1', 'profile:id-1:client-secret']);
    expect(await fileText()).not.toContain(CLIENT_SECRET);
    expect(await service.runnable('id-1')).toEqual({ product: 'engagement', profile: saved, clientSecret: CLIENT_SECRET });
    expect(await service.getSigningSecret('id-1')).toEqual({ secret: 'sso-signing-secret', encoding: 'text' });
  });

  it('keeps the stored client secret on an update without one, takes an auth URL instead of the subdomain, and drops it when the settings go', async () => {
    await service.save(s2s());
    const sameHost = `https://${SUB}.auth.marketingcloudapis.com/v2/token`;
    const updated = await service.save(s2s({ id: 'id-1', subdomain: null, authUrl: sameHost, clientSecret: '', scope: 'email_read' }));
    expect(updated).toMatchObject({ subdomain: null, authUrl: `https://${SUB}.auth.marketingcloudapis.com/`, hasClientSecret: true });
    expect(await service.runnable('id-1')).toMatchObject({ clientSecret: CLIENT_SECRET });
    const intelligence = await service.save({
      id: 'id-1',
      name: 'Engagement prod',
      product: 'intelligence',
      clientId: 'svc-1',
      region: 'us1',
      privateKeyPem: testKeyPair().pkcs8Pem,
    });
    expect(intelligence).toMatchObject({ hasClientSecret: false, subdomain: null, authUrl: null });
    expect(await secrets.list()).toEqual(['profile:id-1']);
  });

  it('asks for the client secret again (ERR_PROFILE_KEY_REQUIRED) when an update without one changes the client id or the auth host', async () => {
    await service.save(s2s());
    const elsewhere = s2s({ id: 'id-1', subdomain: null, authUrl: 'http://127.0.0.1:4000/v2/token', clientSecret: undefined });
    await expect(service.save(elsewhere)).rejects.toMatchObject({
      code: 'ERR_PROFILE_KEY_REQUIRED',
      message: PROFILE_MESSAGES.clientSecretForAuthHost,
    });
    await expect(service.save(s2s({ id: 'id-1', subdomain: 'mc000000000000000000000000zz', clientSecret: '' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_KEY_REQUIRED',
      message: PROFILE_MESSAGES.clientSecretForAuthHost,
    });
    await expect(service.save(s2s({ id: 'id-1', clientId: 'other-client', clientSecret: undefined }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_KEY_REQUIRED',
      message: PROFILE_MESSAGES.clientSecretForClientId,
    });
    expect(await service.get('id-1')).toMatchObject({ subdomain: SUB, authUrl: null, clientId: 'pkg-client-1' });
    // With the secret given again, the re-point is the user's own choice.
    expect(await service.save({ ...elsewhere, clientSecret: 'a-new-secret' })).toMatchObject({ authUrl: 'http://127.0.0.1:4000/' });
    expect(await service.runnable('id-1')).toMatchObject({ clientSecret: 'a-new-secret' });
  });

  it('says what a server-to-server profile is missing, and refuses bad values before touching the keychain', async () => {
    await expect(service.save(s2s({ subdomain: null, clientSecret: undefined, clientId: '', accountId: '1' }))).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message:
        'This Marketing Cloud Engagement profile is missing the client id, the subdomain or auth base URL, the client secret: fill them in and save again.',
    });
    await expect(service.save(s2s({ authUrl: 'http://example.com/', subdomain: null }))).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
    });
    await expect(service.save(s2s({ accountId: 'BU1' }))).rejects.toMatchObject({ code: 'ERR_ACCOUNT_ID_INVALID' });
    await expect(service.save(s2s({ clientSecret: 'has space' }))).rejects.toMatchObject({ code: 'ERR_CLIENT_SECRET_INVALID' });
    expect(await secrets.list()).toEqual([]);
  });

  it('runnable: one check for both products, naming what is missing', async () => {
    await service.save({ name: 'SSO only', product: 'engagement', clientId: '', signingSecret: 'x' });
    await expect(service.runnable('id-1')).rejects.toMatchObject({
      code: 'ERR_PROFILE_INVALID',
      message:
        'Profile "SSO only" has no client secret and subdomain stored: it can verify SSO JWTs but not get a token. Edit it and add the client id, client secret and subdomain.',
    });
    await service.save({ name: 'Intel', product: 'intelligence', clientId: 'svc-1', region: 'eu1', privateKeyPem: testKeyPair().pkcs1Pem });
    const intel = await service.runnable('id-2');
    expect(intel.product).toBe('intelligence');
    expect(intel.product === 'intelligence' && intel.privateKey.extractable).toBe(false);
    await secrets.delete('profile:id-2');
    await expect(service.runnable('id-2')).rejects.toMatchObject({ code: 'ERR_KEYCHAIN_NOT_FOUND' });
    await expect(service.runnable('nope')).rejects.toMatchObject({ code: 'ERR_PROFILE_NOT_FOUND' });
  });

  it('delete removes both keychain entries and the profile', async () => {
    await service.save(s2s({ signingSecret: 'sso' }));
    await service.delete('id-1');
    expect(await secrets.list()).toEqual([]);
    expect((await service.list()).profiles).toEqual([]);
  });
});
