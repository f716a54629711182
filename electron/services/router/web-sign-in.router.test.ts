// Web and public app sign-ins through the IPC router with the REAL keychain and the strict local authorization server:
// begin, finish, save as a profile, who-am-I; a state mismatch, access_denied, an expired code, a sign-in used twice,
// another sender; and a scan proving the refresh token, the code and the client secret crossed no response or event.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebAppReport } from '../../../shared/engagement/web-app-types';
import type { WhoamiReport } from '../../../shared/engagement/whoami-calls';
import type { ProfilesListing, WebSignInStarted } from '../../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Profile } from '../../../shared/profiles/profile';
import { SIGN_IN_USER, WEB_APP, startAuthorizationServer, type AuthorizationServer } from '../../../test/support/authorization-server';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import type { RouterContext } from './router-types';

describe.skipIf(!isolated)(`Web sign-ins through the router, with the real keychain${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-web-sign-in-${randomUUID()}`;
  const wire: string[] = [];
  const codes: string[] = [];
  let userDataDir: string;
  let server: AuthorizationServer;
  let services: WorkbenchServices;

  /** A caller as one window: its own sender key, everything that crosses recorded. */
  const window = (senderKey?: string) => {
    const steps: string[] = [];
    const context: RouterContext = {
      emit: (event, payload) => {
        wire.push(JSON.stringify({ event, payload }));
        steps.push(`${payload.step.id}:${payload.step.status}`);
      },
      ...(senderKey === undefined ? {} : { senderKey }),
    };
    const call = async <T>(channel: string, payload: unknown): Promise<IpcResult<T>> => {
      const result = (await services.router.handle(channel, payload, context)) as IpcResult<T>;
      wire.push(JSON.stringify(result));
      return result;
    };
    const value = async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await call<T>(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    return { steps, call, value };
  };
  const main = window('app:main');

  const begin = (caller = main, scope = 'email_read offline') =>
    caller.value<WebSignInStarted>('webapp:begin', {
      clientId: WEB_APP.clientId,
      clientSecret: WEB_APP.clientSecret,
      authUrl: server.authBaseUrl,
      scope,
    });
  const browse = async (authorizeUrl: string, deny = false): Promise<string> => {
    const outcome = await server.signIn(authorizeUrl, { ...SIGN_IN_USER, deny });
    if (!('redirect' in outcome)) throw new Error(`sign-in failed: ${outcome.status}`);
    const code = new URL(outcome.redirect).searchParams.get('code');
    if (code !== null) codes.push(code);
    return outcome.redirect;
  };
  const finish = (signInId: string, pasted: string, caller = main) =>
    caller.call<WebAppReport>('webapp:finish', { runId: randomUUID(), signInId, pasted });

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-web-sign-in-router-'));
    server = await startAuthorizationServer({ packages: [WEB_APP], users: [SIGN_IN_USER] });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('begin, finish and save: steps as events, the token without its refresh token, then the profile listed', async () => {
    const started = await begin(main, 'email_read offline journeys_read');
    expect(started).toMatchObject({ redirectUri: 'https://127.0.0.1:80/', opened: false });
    const pasted = await browse(started.authorizeUrl);
    const result = await finish(started.signInId, pasted);
    if (!result.ok || !result.value.outcome.ok) throw new Error('the sign-in failed');
    expect(main.steps).toEqual(['authorize:ok', 'redirect:running', 'redirect:ok', 'code-exchange:running', 'code-exchange:ok']);
    expect(result.value.outcome.token).toMatchObject({
      refreshToken: null,
      hasRefreshToken: true,
      grantedScopes: ['email_read', 'offline'],
      missingScopes: ['journeys_read'],
      restInstanceUrl: `${server.authBaseUrl}rest/`,
    });
    expect(result.value.warnings.find((w) => w.code === 'WARN_SCOPES_MISSING')?.hint).toContain('up to five minutes');

    const profile = await main.value<Profile>('webapp:save', { signInId: started.signInId, name: 'Web app router' });
    expect(profile).toMatchObject({ product: 'engagement-web', clientId: WEB_APP.clientId, hasClientSecret: true });
    const listing = await main.value<ProfilesListing>('profiles:list', null);
    expect(listing.profiles.map((p) => p.name)).toEqual(['Web app router']);
    expect(await services.secrets.get(`profile:${profile.id}:client-secret`)).toBe(WEB_APP.clientSecret);
    expect(server.liveRefreshTokens(WEB_APP.clientId)).toBeGreaterThanOrEqual(1);
  });

  it('a state mismatch uses nothing; access_denied, an expired code and a second finish each end with their code', async () => {
    const mine = await begin();
    const other = await begin();
    const mismatch = await finish(mine.signInId, await browse(other.authorizeUrl));
    expect(mismatch).toMatchObject({ ok: true, value: { outcome: { ok: false, error: { code: 'ERR_AUTH_STATE_MISMATCH' } } } });

    const denied = await finish(other.signInId, await browse(other.authorizeUrl, true));
    expect(denied).toMatchObject({ ok: true, value: { outcome: { ok: false, error: { code: 'ERR_AUTH_DENIED' } } } });

    const pasted = await browse(mine.authorizeUrl);
    server.advanceClock(6 * 60_000);
    const expired = await finish(mine.signInId, pasted);
    expect(expired).toMatchObject({
      ok: true,
      value: { outcome: { ok: false, error: { code: 'ERR_AUTH_CODE_REFUSED', hint: expect.stringContaining('Open sign-in page') } } },
    });
    const again = await finish(mine.signInId, pasted);
    expect(again).toMatchObject({ ok: false, error: { code: 'ERR_SIGN_IN_NOT_FOUND' } });
  });

  it('another window cannot finish or save a sign-in, and a caller without a window cannot begin one', async () => {
    const started = await begin();
    const pasted = await browse(started.authorizeUrl);
    const tab = window('ui:other-tab');
    expect(await finish(started.signInId, pasted, tab)).toMatchObject({ ok: false, error: { code: 'ERR_SIGN_IN_NOT_FOUND' } });
    expect(tab.steps).toEqual([]);
    const done = await finish(started.signInId, pasted);
    expect(done).toMatchObject({ ok: true, value: { outcome: { ok: true } } });
    expect(await tab.call('webapp:save', { signInId: started.signInId, name: 'stolen' })).toMatchObject({
      ok: false,
      error: { code: 'ERR_SIGN_IN_NOT_FOUND' },
    });
    expect(await window().call('webapp:begin', { clientId: WEB_APP.clientId, authUrl: server.authBaseUrl })).toMatchObject({
      ok: false,
      error: { code: 'ERR_IPC_FORBIDDEN_SENDER' },
    });
  });

  it('who-am-I of a finished sign-in: its steps as events, userinfo summarized; another window or an unknown id is refused', async () => {
    const started = await begin();
    expect(await main.call('webapp:whoami', { runId: 'w0', signInId: started.signInId })).toMatchObject({
      ok: false,
      error: { code: 'ERR_SIGN_IN_NOT_FOUND' },
    });
    await finish(started.signInId, await browse(started.authorizeUrl));
    const caller = window('app:main');
    const result = await caller.call<WhoamiReport>('webapp:whoami', { runId: 'w1', signInId: started.signInId });
    if (!result.ok || !result.value.outcome.ok) throw new Error('who-am-I failed');
    expect(caller.steps).toEqual(['userinfo:running', 'userinfo:ok', 'soap-endpoint:running', 'soap-endpoint:ok']);
    expect(result.value.outcome.whoami.summary).toMatchObject({ mid: SIGN_IN_USER.mid, applicationScopes: WEB_APP.scopes });
    expect(result.value.outcome.whoami.endpoints.soap).toBe(`${server.authBaseUrl}soap/`);

    const tab = window('ui:other-tab');
    expect(await tab.call('webapp:whoami', { runId: 'w2', signInId: started.signInId })).toMatchObject({
      ok: false,
      error: { code: 'ERR_SIGN_IN_NOT_FOUND' },
    });
    expect(tab.steps).toEqual([]);
    expect(await main.call('webapp:whoami', { runId: 'w3', signInId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'ERR_SIGN_IN_NOT_FOUND' },
    });
    expect(await window().call('webapp:whoami', { runId: 'w4', signInId: started.signInId })).toMatchObject({
      ok: false,
      error: { code: 'ERR_IPC_FORBIDDEN_SENDER' },
    });
  });

  it('no refresh token, code or client secret ever crossed: not in a response, not in an event', async () => {
    const stored = await Promise.all(
      (await services.secrets.list()).filter((a) => !a.endsWith(':client-secret')).map((a) => services.secrets.get(a)),
    );
    expect(stored.length).toBe(1);
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const crossed = wire.join('\n');
    expect(crossed).toContain('code-exchange');
    for (const secret of [...stored, ...codes, WEB_APP.clientSecret!]) expect(crossed).not.toContain(secret);
  });
});
