// The app's sign-ins against the strict local authorization server: kept per sender, the state checked, the code exchanged,
// the refresh token held in main for the save and never in a report, who-am-I with the access token held in main, and
// sign-ins that end (used, refused, expired).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSignInBeginRequest } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import { workbenchRejection } from '../../../test/support/rejection';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  TSSD_APP,
  WEB_APP,
  startAuthorizationServer,
  tssdFetch,
  type AuthorizationServer,
} from '../../../test/support/authorization-server';
import type { SaveWebAppRequest } from '../profiles/web-app-fields';
import { MAX_SIGN_INS_PER_SENDER, SIGN_IN_LIFETIME_MS, createWebSignInService, type WebSignInServiceDeps } from './web-sign-in-service';

let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP, TSSD_APP], users: [SIGN_IN_USER] });
});
afterAll(() => server.close());

let clock = 0;
let saved: SaveWebAppRequest[] = [];
beforeEach(() => {
  clock = Date.now();
  saved = [];
});

function service(extra: Partial<WebSignInServiceDeps> = {}) {
  return createWebSignInService({
    fetch,
    now: () => clock,
    profiles: {
      saveWebApp: (request) => {
        saved.push(request);
        return Promise.resolve({ id: 'p1', name: request.name, product: 'engagement-web' } as Profile);
      },
    },
    ...extra,
  });
}

const webApp = (extra: Partial<WebSignInBeginRequest> = {}): WebSignInBeginRequest => ({
  clientId: WEB_APP.clientId,
  clientSecret: WEB_APP.clientSecret,
  authUrl: server.authBaseUrl,
  scope: 'email_read offline journeys_read',
  ...extra,
});

/** Signs in on the server's login form as a browser would; the address the browser ends on. */
async function redirectOf(authorizeUrl: string, deny = false): Promise<string> {
  const outcome = await server.signIn(authorizeUrl, { ...SIGN_IN_USER, deny });
  if (!('redirect' in outcome)) throw new Error(`sign-in failed: ${outcome.status}`);
  return outcome.redirect;
}

describe('the web sign-in service', () => {
  it('begins, finishes and saves: the refresh token goes to saveWebApp and never into the report', async () => {
    const signIns = service();
    const started = await signIns.begin('window-1', webApp());
    expect(started).toMatchObject({ redirectUri: 'https://127.0.0.1:80/', opened: false, expiresAt: clock + SIGN_IN_LIFETIME_MS });
    expect(new URL(started.authorizeUrl).searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pasted = await redirectOf(started.authorizeUrl);
    const steps: string[] = [];
    const report = await signIns.finish('window-1', { runId: 'r1', signInId: started.signInId, pasted }, (step) =>
      steps.push(`${step.id}:${step.status}`),
    );
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    expect(report.outcome.token).toMatchObject({ refreshToken: null, hasRefreshToken: true, missingScopes: ['journeys_read'] });
    expect(steps).toContain('code-exchange:ok');
    expect(server.hasIssued(report.outcome.token.accessToken)).toBe(true);

    const profile = await signIns.save('window-1', { signInId: started.signInId, name: 'web' });
    expect(profile.name).toBe('web');
    const [request] = saved;
    expect(request).toMatchObject({
      clientId: WEB_APP.clientId,
      authUrl: server.authBaseUrl,
      clientSecret: WEB_APP.clientSecret,
      redirectUri: 'https://127.0.0.1:80/',
      scope: 'email_read offline journeys_read',
      tokenBaseUrl: server.authBaseUrl,
    });
    expect(request?.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const code = new URL(pasted).searchParams.get('code')!;
    for (const secret of [request!.refreshToken!, code, WEB_APP.clientSecret!]) expect(JSON.stringify(report)).not.toContain(secret);
    // Saved once: the refresh token is gone from the service.
    await expect(signIns.save('window-1', { signInId: started.signInId, name: 'again' })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
    });
  });

  it('a public app sends no secret; its refresh token is held just the same', async () => {
    const signIns = service();
    const started = await signIns.begin('w', { clientId: PUBLIC_APP.clientId, authUrl: server.authBaseUrl, scope: 'email_read offline' });
    const report = await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted: await redirectOf(started.authorizeUrl) });
    expect(report.outcome).toMatchObject({ ok: true, token: { hasRefreshToken: true, refreshToken: null } });
    await signIns.save('w', { signInId: started.signInId, name: 'public' });
    expect(saved[0]).toMatchObject({ clientSecret: null, refreshToken: expect.any(String) });
  });

  it('another sender cannot finish or save it: it looks like no sign-in at all, and the owner still can', async () => {
    const signIns = service();
    const started = await signIns.begin('window-1', webApp());
    const pasted = await redirectOf(started.authorizeUrl);
    const theirs = await workbenchRejection(signIns.finish('tab-2', { runId: 'r', signInId: started.signInId, pasted }));
    expect(theirs).toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND', message: expect.stringContaining('started in another window') });
    const report = await signIns.finish('window-1', { runId: 'r', signInId: started.signInId, pasted });
    expect(report.outcome.ok).toBe(true);
    await expect(signIns.save('tab-2', { signInId: started.signInId, name: 'x' })).rejects.toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND' });
    expect(saved).toEqual([]);
  });

  it('a pasted address of another sign-in (state mismatch) uses nothing: the sign-in stays open for the right one', async () => {
    const signIns = service();
    const mine = await signIns.begin('w', webApp());
    const other = await signIns.begin('w', webApp());
    const wrong = await signIns.finish('w', { runId: 'r', signInId: mine.signInId, pasted: await redirectOf(other.authorizeUrl) });
    expect(wrong.outcome).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_STATE_MISMATCH' } });
    expect(wrong.steps.find((s) => s.id === 'code-exchange')?.status).toBe('pending');
    const right = await signIns.finish('w', { runId: 'r', signInId: mine.signInId, pasted: await redirectOf(mine.authorizeUrl) });
    expect(right.outcome.ok).toBe(true);
  });

  it('error=access_denied ends the sign-in', async () => {
    const signIns = service();
    const started = await signIns.begin('w', webApp());
    const pasted = await redirectOf(started.authorizeUrl, true);
    const report = await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted });
    expect(report.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_AUTH_DENIED', message: expect.stringContaining('access_denied') },
    });
    await expect(signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
    });
  });

  it('an expired code is refused with a hint to sign in again, and a finished sign-in is never finished twice', async () => {
    const signIns = service();
    const late = await signIns.begin('w', webApp());
    const latePaste = await redirectOf(late.authorizeUrl);
    server.advanceClock(6 * 60_000);
    clock += 6 * 60_000;
    const report = await signIns.finish('w', { runId: 'r', signInId: late.signInId, pasted: latePaste });
    expect(report.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_AUTH_CODE_REFUSED', hint: expect.stringContaining('6 minutes') },
    });
    expect(report.outcome.ok ? '' : report.outcome.error.hint).toContain('Open sign-in page');

    const used = await signIns.begin('w', webApp());
    const pasted = await redirectOf(used.authorizeUrl);
    expect((await signIns.finish('w', { runId: 'r', signInId: used.signInId, pasted })).outcome.ok).toBe(true);
    await expect(signIns.finish('w', { runId: 'r', signInId: used.signInId, pasted })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
    });
  });

  it("a cancelled exchange (the call's signal) ends as ERR_CANCELLED, and the sign-in with it", async () => {
    const signIns = service();
    const started = await signIns.begin('w', webApp());
    const pasted = await redirectOf(started.authorizeUrl);
    const report = await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted }, undefined, AbortSignal.abort());
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });
    await expect(signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
    });
  });

  it('sign-ins expire: one waiting for its paste, and one holding its refresh token for the save', async () => {
    const signIns = service();
    const waiting = await signIns.begin('w', webApp());
    const finished = await signIns.begin('w', webApp());
    await signIns.finish('w', { runId: 'r', signInId: finished.signInId, pasted: await redirectOf(finished.authorizeUrl) });
    const pasted = await redirectOf(waiting.authorizeUrl);
    clock += SIGN_IN_LIFETIME_MS;
    await expect(signIns.finish('w', { runId: 'r', signInId: waiting.signInId, pasted })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
      message: expect.stringContaining('15 minutes'),
    });
    await expect(signIns.save('w', { signInId: finished.signInId, name: 'late' })).rejects.toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND' });
    expect(saved).toEqual([]);
  });

  it('checks the inputs before keeping anything, and keeps at most a few sign-ins per sender', async () => {
    const signIns = service();
    await expect(signIns.begin('w', webApp({ clientId: 'has space' }))).rejects.toMatchObject({ code: 'ERR_CLIENT_ID_INVALID' });
    await expect(signIns.begin('w', webApp({ redirectUri: 'ftp://127.0.0.1/' }))).rejects.toMatchObject({
      code: 'ERR_REDIRECT_URI_INVALID',
    });
    await expect(signIns.begin('w', webApp({ clientSecret: 'bad secret' }))).rejects.toMatchObject({ code: 'ERR_CLIENT_SECRET_INVALID' });
    const first = await signIns.begin('w', webApp());
    for (let i = 0; i < MAX_SIGN_INS_PER_SENDER; i++) await signIns.begin('w', webApp());
    await expect(signIns.finish('w', { runId: 'r', signInId: first.signInId, pasted: 'code=x&state=y' })).rejects.toMatchObject({
      code: 'ERR_SIGN_IN_NOT_FOUND',
    });
  });

  it('opens the sign-in page through the host when asked and able; a failed open leaves it to the page', async () => {
    const openSignInPage = vi.fn((_url: string) => Promise.resolve());
    const opened = await service({ openSignInPage }).begin('w', webApp({ open: true }));
    expect(opened.opened).toBe(true);
    expect(openSignInPage).toHaveBeenCalledExactlyOnceWith(opened.authorizeUrl);
    expect((await service({ openSignInPage }).begin('w', webApp())).opened).toBe(false);
    const failing = service({ openSignInPage: () => Promise.reject(new Error('no browser')) });
    expect((await failing.begin('w', webApp({ open: true }))).opened).toBe(false);
    expect((await service().begin('w', webApp({ open: true }))).opened).toBe(false);
  });

  it('who-am-I after the sign-in: userinfo and the SOAP endpoint with the token it got, before and after the save', async () => {
    const signIns = service();
    const started = await signIns.begin('w', webApp());
    const finished = await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted: await redirectOf(started.authorizeUrl) });
    if (!finished.outcome.ok) throw new Error(finished.outcome.error.message);
    const { accessToken } = finished.outcome.token;
    const steps: string[] = [];
    const report = await signIns.whoami('w', { runId: 'r2', signInId: started.signInId }, (step) =>
      steps.push(`${step.id}:${step.status}`),
    );
    expect(steps).toEqual(['userinfo:running', 'userinfo:ok', 'soap-endpoint:running', 'soap-endpoint:ok']);
    expect(report.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['userinfo:ok', 'soap-endpoint:ok']);
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    expect(report.outcome.whoami.summary).toMatchObject({
      mid: SIGN_IN_USER.mid,
      applicationScopes: WEB_APP.scopes,
      redirectUrls: WEB_APP.redirectUris,
      userName: 'Web App User',
    });
    expect(report.outcome.whoami.endpoints).toEqual({ rest: `${server.authBaseUrl}rest/`, soap: `${server.authBaseUrl}soap/` });
    // The calls carried the token the exchange issued (the server refuses any other), flagged sensitive as in the s2s run.
    expect(report.steps[0]?.request?.headers).toContainEqual({ name: 'Authorization', value: `Bearer ${accessToken}`, sensitive: true });

    await signIns.save('w', { signInId: started.signInId, name: 'web' });
    expect((await signIns.whoami('w', { runId: 'r3', signInId: started.signInId })).outcome.ok).toBe(true);
  });

  it('who-am-I needs a finished sign-in of this sender; a refused or cancelled call comes back coded', async () => {
    const signIns = service();
    const started = await signIns.begin('w', webApp());
    const whoami = (sender = 'w', signal?: AbortSignal) =>
      signIns.whoami(sender, { runId: 'r', signInId: started.signInId }, undefined, signal);
    const waiting = await workbenchRejection(whoami());
    expect(waiting).toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND', message: expect.stringContaining('no longer open') });
    await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted: await redirectOf(started.authorizeUrl) });
    await expect(whoami('tab-2')).rejects.toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND' });
    await expect(signIns.whoami('w', { runId: 'r', signInId: 'no-such-sign-in' })).rejects.toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND' });
    expect((await whoami('w', AbortSignal.abort())).outcome).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });

    server.advanceClock(1080 * 1000);
    const expired = await whoami();
    expect(expired.outcome).toMatchObject({ ok: false, error: { code: 'ERR_API_UNAUTHORIZED' } });
    expect(expired.steps.map((step) => step.status)).toEqual(['failed', 'pending']);
    clock += SIGN_IN_LIFETIME_MS;
    await expect(whoami()).rejects.toMatchObject({ code: 'ERR_SIGN_IN_NOT_FOUND' });
  });

  it("who-am-I with a tssd sign-in asks the tssd host, and never sends the token to a REST host not that tenant's", async () => {
    const signIns = service({ fetch: tssdFetch(server.authBaseUrl) });
    const started = await signIns.begin('w', { ...webApp(), clientId: TSSD_APP.clientId, clientSecret: TSSD_APP.clientSecret });
    const finished = await signIns.finish('w', { runId: 'r', signInId: started.signInId, pasted: await redirectOf(started.authorizeUrl) });
    expect(finished.outcome.ok).toBe(true);
    const before = server.requests.length;
    const report = await signIns.whoami('w', { runId: 'r', signInId: started.signInId });
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_REST_HOST_REFUSED' } });
    const calls = server.requests.slice(before).map((request) => `${request.host} ${request.path}`);
    expect(calls).toEqual([`${TSSD_APP.tssd}.auth.marketingcloudapis.com /v2/userinfo`]);
  });
});
