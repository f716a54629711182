// The token cache through the IPC router, with the REAL keychain and local servers counting token requests: a saved
// profile's "Get token" (intelligence:run, engagement:token) refreshes the cache, profiles:token-states says what is cached and
// until when (never the token), profiles:copy-token hands out the cached token or gets and caches a new one, and the token
// crosses the router only in copy-token and run replies, never into a file of the user-data folder. Web and public apps
// (engagement-web) too: Copy token spends the stored refresh token under the profile's lock, and no refresh token crosses.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementFlowReport } from '../../../shared/engagement/flow-types';
import type { TokenFlowReport } from '../../../shared/intelligence/flow-types';
import type { CopiedToken, TokenCacheState } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  WEB_APP,
  startAuthorizationServer,
  type AuthorizationServer,
  type WebAppPackage,
} from '../../../test/support/authorization-server';
import { signedIn } from '../../../test/support/authorization-server/saved-sign-in';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../../test/support/engagement-server';
import { startIdpServer, type IdpServer } from '../../../test/support/idp-server';
import { testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { filesHoldingTokens } from '../../../test/support/files-holding';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import { profileSecretAccount, profileTokenAccount } from '../profiles/profile-secret-account';
import { recordingCaller } from './test-support/recording-caller';

const CLIENT_ID = 'sa-router-token-cache-41c2';

describe.skipIf(!isolated)(`the token cache through the router${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keys = testKeyPair('router-token-cache');
  const keychainService = `mctw-test-router-cache-${randomUUID()}`;
  const { wire, call, value } = recordingCaller(() => services);
  let userDataDir: string;
  let idp: IdpServer;
  let engagement: EngagementServer;
  let services: WorkbenchServices;
  let intelligence: Profile;
  let mc: Profile;
  const tokens: string[] = [];
  const requests = () => ({
    intelligence: idp.requests.filter((r) => r.endpoint === 'token').length,
    engagement: engagement.requests.filter((r) => r.endpoint === 'token').length,
  });
  const states = () => value<Record<string, TokenCacheState>>('profiles:token-states', null);
  const copy = async (profileId: string) => {
    const copied = await value<CopiedToken>('profiles:copy-token', { profileId });
    tokens.push(copied.accessToken);
    return copied;
  };

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-router-token-cache-'));
    idp = await startIdpServer({ clients: { [CLIENT_ID]: keys.publicPem } });
    engagement = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
    intelligence = await value<Profile>('profiles:save', {
      name: 'cache intel',
      product: 'intelligence',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      privateKeyPem: keys.pkcs8Pem,
    });
    mc = await value<Profile>('profiles:save', {
      name: 'cache mc',
      product: 'engagement',
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: engagement.authBaseUrl,
    });
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await idp?.close();
    await engagement?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('nothing cached at first: both profiles say so, and the SSO-only kind of profile cannot copy a token', async () => {
    expect(await states()).toEqual({ [intelligence.id]: { cached: false }, [mc.id]: { cached: false } });
    const sso = await value<Profile>('profiles:save', { name: 'sso only', product: 'engagement', clientId: '', signingSecret: 's3cret' });
    const refused = await call('profiles:copy-token', { profileId: sso.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ERR_PROFILE_INVALID' } });
    expect(await call('profiles:copy-token', { profileId: 'no-such-id' })).toMatchObject({
      ok: false,
      error: { code: 'ERR_PROFILE_NOT_FOUND' },
    });
    await value('profiles:delete', { id: sso.id });
    expect(requests()).toEqual({ intelligence: 0, engagement: 0 });
  });

  it('Intelligence: Get token (intelligence:run) caches its token; Copy token reuses it without a request', async () => {
    const report = await value<TokenFlowReport>('intelligence:run', { runId: 'get-intel', profileId: intelligence.id });
    if (!report.outcome.ok) throw new Error('the run failed');
    tokens.push(report.outcome.token.accessToken);
    expect((await states())[intelligence.id]).toEqual({ cached: true, expiresAt: report.outcome.token.expiresAt });
    const copied = await copy(intelligence.id);
    expect(copied).toEqual({ accessToken: report.outcome.token.accessToken, expiresAt: report.outcome.token.expiresAt, cached: true });
    expect(requests().intelligence).toBe(1);
    // Get token always runs the whole flow, and the cache follows it.
    const again = await value<TokenFlowReport>('intelligence:run', { runId: 'get-intel-2', profileId: intelligence.id });
    if (!again.outcome.ok) throw new Error('the run failed');
    tokens.push(again.outcome.token.accessToken);
    expect(requests().intelligence).toBe(2);
    expect((await copy(intelligence.id)).accessToken).toBe(again.outcome.token.accessToken);
  });

  it('Engagement: Copy token with nothing cached gets one (cached for the next copy and for mctoken)', async () => {
    const first = await copy(mc.id);
    expect(first.cached).toBe(false);
    expect(await copy(mc.id)).toEqual({ ...first, cached: true });
    expect(requests().engagement).toBe(1);
    expect((await states())[mc.id]).toEqual({ cached: true, expiresAt: first.expiresAt });
    // The same cache the CLI's service call reads (mctoken token --profile goes here past its lean cached path).
    const viaService = await services.profileTokens.obtain({ ref: { name: 'CACHE MC' } });
    expect(viaService).toMatchObject({ ok: true, cached: true, token: { accessToken: first.accessToken } });
    // Get token with who-am-I refreshes it too.
    const report = await value<EngagementFlowReport>('engagement:token', { runId: 'get-mc', profileId: mc.id, whoami: true });
    if (!report.outcome.ok) throw new Error('the run failed');
    tokens.push(report.outcome.token.accessToken);
    expect((await copy(mc.id)).accessToken).toBe(report.outcome.token.accessToken);
  });

  it('saving the profile with other values drops its token: the state says none, the next copy is new', async () => {
    const { id, name, clientId, authUrl } = mc;
    await value<Profile>('profiles:save', { id, name, product: 'engagement', clientId, authUrl, scope: 'email_read' });
    expect(await services.secrets.list()).not.toContain(profileTokenAccount(mc.id));
    expect((await states())[mc.id]).toEqual({ cached: false });
    const before = requests().engagement;
    expect((await copy(mc.id)).cached).toBe(false);
    expect(requests().engagement).toBe(before + 1);
  });

  it('a failed exchange is an error, not a token; nothing is cached for it', async () => {
    await services.secrets.delete(profileTokenAccount(intelligence.id));
    idp.setFault('server-error', { only: 'token' });
    try {
      const failed = await call('profiles:copy-token', { profileId: intelligence.id });
      expect(failed).toMatchObject({ ok: false, error: { code: 'ERR_TOKEN_ENDPOINT_HTTP' } });
    } finally {
      idp.setFault('none');
    }
    expect((await states())[intelligence.id]).toEqual({ cached: false });
  });

  it('the token is in no file under HOME or the user-data folder, and in no token-states reply', async () => {
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    expect(filesHoldingTokens(userDataDir, tokens)).toEqual([]);
    const stateReplies = wire.filter((line) => line.includes('"cached"') && !line.includes('accessToken'));
    expect(stateReplies.length).toBeGreaterThan(0);
    for (const token of tokens) for (const line of stateReplies) expect(line).not.toContain(token);
  });
});

describe.skipIf(!isolated)(`web and public apps' tokens through the router${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-router-web-${randomUUID()}`;
  const { wire, call, value } = recordingCaller(() => services);
  let userDataDir: string;
  let server: AuthorizationServer;
  let services: WorkbenchServices;
  const refreshTokens: string[] = [];
  const states = () => value<Record<string, TokenCacheState>>('profiles:token-states', null);
  const saved = async (name: string, pkg: WebAppPackage): Promise<Profile> => {
    const fields = await signedIn(server, pkg, SIGN_IN_USER, 'email_read offline');
    refreshTokens.push(fields.refreshToken);
    return services.profiles.saveWebApp({ name, ...fields });
  };
  const stored = async (profile: Profile) => {
    const refreshToken = await services.secrets.get(profileSecretAccount(profile.id));
    refreshTokens.push(refreshToken);
    return refreshToken;
  };

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-router-web-'));
    server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP], users: [SIGN_IN_USER] });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('Copy token spends the refresh token once (the rotated one stored), then reuses the cached token; states follow', async () => {
    const [web, pub] = [await saved('web app', WEB_APP), await saved('public app', PUBLIC_APP)];
    expect(await states()).toEqual({ [web.id]: { cached: false }, [pub.id]: { cached: false } });
    for (const profile of [web, pub]) {
      const before = await stored(profile);
      const refreshes = server.issued.refresh_token;
      const first = await value<CopiedToken>('profiles:copy-token', { profileId: profile.id });
      expect(first.cached).toBe(false);
      expect(server.hasIssued(first.accessToken)).toBe(true);
      expect(await stored(profile)).not.toBe(before);
      expect(await value<CopiedToken>('profiles:copy-token', { profileId: profile.id })).toEqual({ ...first, cached: true });
      expect(server.issued.refresh_token).toBe(refreshes + 1);
      expect((await states())[profile.id]).toEqual({ cached: true, expiresAt: first.expiresAt });
    }
  });

  it('a refused refresh token: Copy token says to sign in again (coded), and the state stays as it was', async () => {
    const web = (await services.profiles.list()).profiles.find((profile) => profile.name === 'web app')!;
    await services.secrets.delete(profileTokenAccount(web.id));
    await services.secrets.set(profileSecretAccount(web.id), refreshTokens[0]!);
    const refused = await call('profiles:copy-token', { profileId: web.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'ERR_REFRESH_TOKEN_REFUSED', hint: expect.stringContaining('mctoken login') },
    });
    expect((await states())[web.id]).toEqual({ cached: false });
  });

  it('no refresh token crossed the router or reached a file', () => {
    expect(refreshTokens.length).toBeGreaterThanOrEqual(6);
    for (const refreshToken of refreshTokens) for (const line of wire) expect(line).not.toContain(refreshToken);
    expect(filesHoldingTokens(userDataDir, refreshTokens)).toEqual([]);
  });
});
