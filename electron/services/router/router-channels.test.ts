// Every channel with valid input, through the router built by createWorkbenchServices: the real profile store in a temp
// folder, the real keychain (isolated gnome-keyring from scripts/with-keyring.sh), real keys and tokens.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ProfilesListing } from '../../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Profile } from '../../../shared/profiles/profile';
import type { VerificationResult } from '../../../shared/verify/verification';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementSsoJwt } from '../../../test/support/engagement-tokens';
import { RFC7520_HMAC_JWK, RFC7520_VECTORS, serialize } from '../../../test/support/rfc7520-vectors';
import { testKeyPair } from '../../../test/support/test-keys';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import type { RouterContext } from './router-types';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';

const context: RouterContext = { emit: () => undefined };
const keys = testKeyPair('router-channels');
const NOT_FOUND = 'No saved profile has this id: reload the profile list and pick one.';

/** The OpenSSH-style fingerprint of a key, computed independently with node:crypto. */
function expectedFingerprint(): string {
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(spki).digest('base64').replace(/=+$/, '')}`;
}

let userDataDir: string;
let services: WorkbenchServices;
const keychainService = `mctw-test-channels-${randomUUID()}`;

beforeAll(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'mctw-router-channels-'));
  services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test', platform: 'linux' });
});

afterAll(async () => {
  if (isolated) for (const account of await services.secrets.list()) await services.secrets.delete(account);
  await rm(userDataDir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<IpcResult<T>> {
  return (await services.router.handle(channel, payload, context)) as IpcResult<T>;
}

describe.skipIf(!isolated)('channels that use the keychain (isolated gnome-keyring)', () => {
  it('app:info: the injected version, the platform, and a keychain that answers', async () => {
    await expect(call<AppInfo>('app:info', null)).resolves.toEqual({
      ok: true,
      value: { version: '0.1.0-test', platform: 'linux', keychain: { available: true } },
    });
  });

  it('profiles:save, profiles:list, profiles:rename and profiles:delete', async () => {
    await expect(call<ProfilesListing>('profiles:list', null)).resolves.toEqual({
      ok: true,
      value: { profiles: [], problems: [], keychain: {}, foreign: [] },
    });

    const saved = await call<Profile>('profiles:save', {
      name: 'Channels',
      product: 'intelligence',
      clientId: 'svc-1',
      region: 'us1',
      privateKeyPem: keys.pkcs8Pem,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        name: 'Channels',
        region: 'us1',
        discoveryUrl: 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration',
        hasSecret: true,
      },
    });
    expect(saved.ok && saved.value.keyInfo).toEqual({ type: 'RSA', bits: 2048, fingerprint: expectedFingerprint(), format: 'pkcs8' });
    if (!saved.ok) return;
    expect(JSON.stringify(saved)).not.toContain('PRIVATE KEY');

    const renamed = await call<Profile>('profiles:rename', { id: saved.value.id, name: 'Channels renamed' });
    expect(renamed).toMatchObject({ ok: true, value: { id: saved.value.id, name: 'Channels renamed' } });

    const taken = await call('profiles:save', { name: 'channels RENAMED', product: 'engagement', clientId: '', signingSecret: 's' });
    expect(taken).toEqual({
      ok: false,
      error: { code: 'ERR_PROFILE_NAME_TAKEN', message: 'A profile named "channels RENAMED" already exists: choose another name.' },
    });

    const listed = await call<ProfilesListing>('profiles:list', null);
    expect(listed.ok && listed.value.profiles.map((p) => p.name)).toEqual(['Channels renamed']);

    await expect(call('profiles:delete', { id: saved.value.id })).resolves.toEqual({ ok: true, value: { id: saved.value.id } });
    await expect(call('profiles:delete', { id: saved.value.id })).resolves.toEqual({
      ok: false,
      error: { code: 'ERR_PROFILE_NOT_FOUND', message: NOT_FOUND },
    });
    expect(await services.secrets.list()).toEqual([]);
  });

  it('verify:with-profile checks an Engagement SSO JWT with the stored signing secret, which never comes back', async () => {
    const saved = await call<Profile>('profiles:save', {
      name: 'Engagement SSO',
      product: 'engagement',
      clientId: '',
      signingSecret: ENGAGEMENT_SIGNING_SECRET,
      secretEncoding: 'text',
    });
    expect(saved).toMatchObject({ ok: true, value: { hasSecret: true, secretEncoding: 'text' } });
    if (!saved.ok) return;
    const profileId = saved.value.id;

    const good = await call<VerificationResult>('verify:with-profile', { profileId, token: await makeEngagementSsoJwt({ version: 2 }) });
    expect(good).toEqual({ ok: true, value: { status: 'valid', alg: 'HS256' } });

    const forged = await call<VerificationResult>('verify:with-profile', {
      profileId,
      token: await makeEngagementSsoJwt({ version: 2, secret: 'some other secret' }),
    });
    expect(forged).toEqual({
      ok: true,
      value: {
        status: 'invalid',
        alg: 'HS256',
        error: {
          code: 'ERR_VERIFY_SIGNATURE_INVALID',
          message: 'The signature does not match: the secret is wrong (check its encoding: text, base64 or hex) or the token was altered.',
        },
      },
    });

    const pasted = await call<VerificationResult>('verify:with-profile', {
      profileId,
      token: `jwt=${await makeEngagementSsoJwt({ version: 1 })}`,
    });
    expect(pasted).toEqual({ ok: true, value: { status: 'valid', alg: 'HS256' } });

    const garbage = await call('verify:with-profile', { profileId, token: 'not a token' });
    expect(garbage).toEqual({
      ok: false,
      error: {
        code: 'ERR_TOKEN_SEGMENTS',
        message:
          'Found 1 segment (no dots); expected 3 (header.payload.signature), or 4 for an Engagement access token. Paste the whole token.',
      },
    });

    const nobody = await call('verify:with-profile', { profileId: 'missing', token: await makeEngagementSsoJwt({ version: 2 }) });
    expect(nobody).toEqual({ ok: false, error: { code: 'ERR_PROFILE_NOT_FOUND', message: NOT_FOUND } });

    const all = JSON.stringify([good, forged, pasted, garbage, nobody]);
    expect(all).not.toContain(ENGAGEMENT_SIGNING_SECRET);
  });

  it('verify:with-profile reports each signature of a general JWS (RFC 7520 4.8) checked with the stored secret', async () => {
    const saved = await call<Profile>('profiles:save', {
      name: 'RFC 7520 HMAC key',
      product: 'engagement',
      clientId: '',
      signingSecret: RFC7520_HMAC_JWK.k,
      secretEncoding: 'base64',
    });
    if (!saved.ok) throw new Error('profile not saved');
    const multiple = RFC7520_VECTORS.find((v) => v.signatures.length > 1)!;
    const checked = await call<VerificationResult>('verify:with-profile', {
      profileId: saved.value.id,
      token: JSON.stringify(JSON.parse(serialize(multiple, 'general'))),
    });
    expect(checked).toMatchObject({ ok: true, value: { status: 'valid', alg: 'HS256' } });
    if (!checked.ok) return;
    expect(checked.value.signatures?.map((s) => [s.alg, s.status, s.error?.code])).toEqual([
      ['RS256', 'invalid', 'ERR_VERIFY_ALG_MISMATCH'],
      ['ES512', 'invalid', 'ERR_VERIFY_ALG_MISMATCH'],
      ['HS256', 'valid', undefined],
    ]);
    expect(JSON.stringify(checked)).not.toContain(RFC7520_HMAC_JWK.k);
  });
});

// Only where the throwaway keychain is missing: a visible skip saying why the keychain tests did not run.
if (!isolated) {
  describe('channels that use the keychain (skipped)', () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => undefined);
  });
}
