// The profile token service for web and public apps (engagement-web), against the strict local authorization server, on an
// in-memory keychain: a token through the service, reused from the cache, the rotated refresh token stored, --no-cache
// still under the profile's lock (so concurrent refreshes never spend one refresh token twice), state() without the
// token, and a refused refresh token as ERR_REFRESH_TOKEN_REFUSED saying how to sign in again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { Profile } from '../../../shared/profiles/profile';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  WEB_APP,
  startAuthorizationServer,
  type AuthorizationServer,
} from '../../../test/support/authorization-server';
import type { WebAppPackage } from '../../../test/support/authorization-server';
import { signedIn } from '../../../test/support/authorization-server/saved-sign-in';
import { makeEngagementProfile } from '../../../test/support/profiles';
import { profileClientSecretAccount, profileSecretAccount, profileTokenAccount } from '../profiles/profile-secret-account';
import type { RunnableOf } from '../profiles/profile-service';
import { createWebAppPort } from '../web-app/web-app-refresh';
import { createProfileTokenService, type ProfileTokenService } from './profile-token-service';
import { createTokenCache } from './token-cache';
import { withTokenLock } from './token-cache-lock';

const dir = mkdtempSync(join(tmpdir(), 'mctw-profile-token-service-'));
let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP], users: [SIGN_IN_USER], tokenDelayMs: 20 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function memoryKeychain() {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account: string) => {
      const value = entries.get(account);
      if (value === undefined) throw new WorkbenchError('ERR_KEYCHAIN_NOT_FOUND', 'none');
      return value;
    },
    set: async (account: string, value: string) => void entries.set(account, value),
    delete: async (account: string) => entries.delete(account),
  };
}

/** An engagement-web profile of `pkg` signed in, and services over it (`serviceWith(0)` gives up at once on a held lock). */
async function setup(pkg: WebAppPackage, id: string) {
  const keychain = memoryKeychain();
  const profile: Profile = makeEngagementProfile({
    id,
    name: `web ${id}`,
    product: 'engagement-web',
    clientId: pkg.clientId,
    subdomain: null,
    authUrl: server.authBaseUrl,
    scope: 'email_read offline',
    hasSecret: true,
    hasClientSecret: pkg.clientSecret !== null,
    redirectUri: 'https://127.0.0.1:80/',
    tokenBaseUrl: server.authBaseUrl,
  });
  keychain.entries.set(profileSecretAccount(id), (await signedIn(server, pkg, SIGN_IN_USER, 'email_read offline')).refreshToken);
  if (pkg.clientSecret !== null) keychain.entries.set(profileClientSecretAccount(id), pkg.clientSecret);
  const runnable: RunnableOf<'engagement-web'> = {
    product: 'engagement-web',
    profile,
    clientSecret: pkg.clientSecret,
    tokenBaseUrl: server.authBaseUrl,
  };
  const unused = () => Promise.reject(new Error('not this product'));
  const serviceWith = (lockWaitMs?: number): ProfileTokenService =>
    createProfileTokenService({
      profiles: { runnable: async () => runnable },
      secrets: keychain,
      cache: createTokenCache({ secrets: keychain, userDataDir: dir, ...(lockWaitMs === undefined ? {} : { lockWaitMs }) }),
      intelligence: { runProfile: unused },
      engagement: { tokenForProfile: unused },
      webApp: createWebAppPort({ secrets: keychain, fetch }),
    });
  const stored = () => keychain.entries.get(profileSecretAccount(id));
  return { keychain, profile, service: serviceWith(), serviceWith, stored };
}

describe('engagement-web profiles through the profile token service', () => {
  it('a new token from the refresh token, the rotated one stored first; then the cached token, and state() says until when', async () => {
    const { service, profile, stored, keychain } = await setup(WEB_APP, 'w-1');
    const first = stored();
    const [before, live] = [server.issued.refresh_token, server.liveRefreshTokens(WEB_APP.clientId)];
    expect(await service.state(profile)).toEqual({ cached: false });
    const got = await service.obtain({ ref: profile.id });
    if (!got.ok || got.cached) throw new Error('expected a new token');
    expect(server.hasIssued(got.token.accessToken)).toBe(true);
    expect(got).toMatchObject({ stored: true, clientSecret: WEB_APP.clientSecret, token: { scope: 'email_read offline' } });
    expect(got.run?.steps.map((step) => [step.id, step.status])).toEqual([['refresh-token', 'ok']]);
    expect(stored()).not.toBe(first);
    // One spent, one issued (the stored one); the cache entry holds no refresh token.
    expect(server.liveRefreshTokens(WEB_APP.clientId)).toBe(live);
    expect(keychain.entries.get(profileTokenAccount(profile.id))).not.toContain(stored()!);
    const again = await service.obtain({ ref: profile.id });
    expect(again).toMatchObject({ ok: true, cached: true, token: { accessToken: got.token.accessToken }, run: null });
    expect(server.issued.refresh_token - before).toBe(1);
    expect(await service.state(profile)).toEqual({ cached: true, expiresAt: got.token.expiresAt });
  });

  it('a public app: no client secret sent or needed, state() works without one', async () => {
    const { service, profile } = await setup(PUBLIC_APP, 'p-1');
    const got = await service.obtain({ ref: profile.id });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.clientSecret).toBeNull();
    expect(await service.state(profile)).toEqual({ cached: true, expiresAt: got.token.expiresAt });
  });

  it('--no-cache takes the profile lock: refused while another holds it, and concurrent refreshes spend each token once', async () => {
    const { service, serviceWith, profile, keychain } = await setup(WEB_APP, 'w-2');
    const before = server.issued.refresh_token;
    const impatient = serviceWith(0);
    const blocked = await withTokenLock(dir, profile.id, { waitMs: 0 }, () =>
      impatient.obtain({ ref: profile.id, noCache: true }).catch((error: unknown) => error),
    );
    expect(blocked).toMatchObject({ code: 'ERR_TOKEN_CACHE_LOCKED' });
    expect(server.issued.refresh_token).toBe(before);
    // Waiting for the lock: four at once, one after another, each spending the refresh token the one before stored.
    const runs = await Promise.all(Array.from({ length: 4 }, () => service.obtain({ ref: profile.id, noCache: true })));
    expect(runs.map((run) => [run.ok, run.ok && !run.cached && run.stored])).toEqual(runs.map(() => [true, false]));
    expect(server.issued.refresh_token - before).toBe(4);
    expect(keychain.entries.has(profileTokenAccount(profile.id))).toBe(false);
  });

  it('a refused refresh token is ERR_REFRESH_TOKEN_REFUSED with the command to sign in again; nothing is cached', async () => {
    const { service, profile, keychain } = await setup(WEB_APP, 'w-3');
    const spent = keychain.entries.get(profileSecretAccount(profile.id))!;
    expect((await service.obtain({ ref: profile.id, noCache: true })).ok).toBe(true);
    keychain.entries.set(profileSecretAccount(profile.id), spent);
    const refused = await service.obtain({ ref: profile.id, fresh: true });
    if (refused.ok) throw new Error('expected the refresh token to be refused');
    expect(refused.error).toMatchObject({ code: 'ERR_REFRESH_TOKEN_REFUSED' });
    expect(refused.error.hint).toContain(`mctoken login --client-id ${WEB_APP.clientId} --client-secret-env VAR`);
    expect(keychain.entries.has(profileTokenAccount(profile.id))).toBe(false);
    keychain.entries.delete(profileSecretAccount(profile.id));
    const none = await service.obtain({ ref: profile.id });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'ERR_REFRESH_TOKEN_REFUSED', message: expect.stringContaining('no refresh token') },
    });
  });
});
