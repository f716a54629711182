// The sign-in and refresh against the strict local authorization server: the steps, the masking, and each refusal's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  TSSD_APP,
  WEB_APP,
  startAuthorizationServer,
  tssdFetch,
  type AuthorizationServer,
} from '../../test/support/authorization-server';
import { finishWebSignIn } from './run-web-sign-in';
import { runWebRefresh } from './run-web-refresh';
import { planWebSignIn, type WebSignInPlan } from './web-sign-in-plan';

let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP, TSSD_APP], users: [SIGN_IN_USER] });
});
afterAll(() => server.close());

async function signedIn(clientId: string, scope = 'email_read offline'): Promise<{ plan: WebSignInPlan; pasted: string }> {
  const plan = planWebSignIn({ clientId, authUrl: server.authBaseUrl, scope });
  const outcome = await server.signIn(plan.authorizeUrl, SIGN_IN_USER);
  if (!('redirect' in outcome)) throw new Error(`sign-in failed: ${outcome.status}`);
  return { plan, pasted: outcome.redirect };
}

describe('finishWebSignIn', () => {
  it('exchanges the code: the token, its refresh token, granted vs requested scopes, and three steps with secrets masked', async () => {
    const { plan, pasted } = await signedIn(WEB_APP.clientId, 'email_read offline journeys_read');
    const report = await finishWebSignIn(plan, { pasted, clientSecret: WEB_APP.clientSecret }, { fetch });
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    const { token } = report.outcome;
    expect(server.hasIssued(token.accessToken)).toBe(true);
    expect(token).toMatchObject({
      grantedScopes: ['email_read', 'offline'],
      missingScopes: ['journeys_read'],
      hasRefreshToken: true,
      tssd: null,
    });
    expect(report.warnings.find((w) => w.code === 'WARN_SCOPES_MISSING')?.message).toContain('up to five minutes');
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['authorize', 'ok'],
      ['redirect', 'ok'],
      ['code-exchange', 'ok'],
    ]);
    const code = new URL(pasted).searchParams.get('code')!;
    const shown = JSON.stringify(report.steps);
    for (const secret of [code, WEB_APP.clientSecret!, token.refreshToken!]) expect(shown).not.toContain(secret);
    const params = report.steps[2]!.request!.params;
    expect(params.map((p) => p.name)).toEqual(['grant_type', 'code', 'client_id', 'client_secret', 'redirect_uri']);
    expect(params.find((p) => p.name === 'code')).toMatchObject({ sensitive: true, maskedLength: code.length });
  });

  it('a public app sends no client_secret; without offline no refresh token comes, and a warning says so', async () => {
    const { plan, pasted } = await signedIn(PUBLIC_APP.clientId, 'email_read');
    const report = await finishWebSignIn(plan, { pasted, clientSecret: null }, { fetch });
    expect(report.outcome).toMatchObject({ ok: true, token: { hasRefreshToken: false, refreshToken: null } });
    expect(report.steps[2]!.request!.params.map((p) => p.name)).not.toContain('client_secret');
    expect(report.warnings.filter((w) => w.code === 'WARN_NO_REFRESH_TOKEN')).toHaveLength(2);
  });

  it('a reused code is ERR_AUTH_CODE_REFUSED saying it works once; a late one says it has most likely expired', async () => {
    const { plan, pasted } = await signedIn(WEB_APP.clientId);
    expect((await finishWebSignIn(plan, { pasted, clientSecret: WEB_APP.clientSecret }, { fetch })).outcome.ok).toBe(true);
    const again = await finishWebSignIn(
      plan,
      { pasted, clientSecret: WEB_APP.clientSecret, signInAgain: 'run mctoken login again.' },
      { fetch },
    );
    expect(again.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_AUTH_CODE_REFUSED', hint: expect.stringContaining('works once') },
    });
    expect(again.steps[2]).toMatchObject({ status: 'failed' });
    const late = await signedIn(WEB_APP.clientId);
    server.advanceClock(6 * 60_000);
    const report = await finishWebSignIn(
      late.plan,
      { pasted: late.pasted, clientSecret: WEB_APP.clientSecret },
      { fetch, now: () => Date.now() + 6 * 60_000 },
    );
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_CODE_REFUSED', hint: expect.stringContaining('expired') } });
  });

  it('a state mismatch never reaches the token endpoint', async () => {
    const { pasted } = await signedIn(WEB_APP.clientId);
    const other = planWebSignIn({ clientId: WEB_APP.clientId, authUrl: server.authBaseUrl, scope: 'email_read offline' });
    const before = server.requests.length;
    const report = await finishWebSignIn(other, { pasted, clientSecret: WEB_APP.clientSecret }, { fetch });
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_STATE_MISMATCH' } });
    expect(server.requests.slice(before).filter((r) => r.path === '/v2/token')).toEqual([]);
  });

  it('with a tssd the exchange and the refresh go to the tssd host (and only there would they work)', async () => {
    const { plan, pasted } = await signedIn(TSSD_APP.clientId);
    const report = await finishWebSignIn(plan, { pasted, clientSecret: TSSD_APP.clientSecret }, { fetch: tssdFetch(server.authBaseUrl) });
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    const base = `https://${TSSD_APP.tssd}.auth.marketingcloudapis.com/`;
    expect(report.outcome.token).toMatchObject({ tssd: TSSD_APP.tssd, tokenBaseUrl: base, tokenEndpoint: `${base}v2/token` });
    expect(report.warnings.map((w) => w.code)).toContain('WARN_TSSD');
    const refreshed = await runWebRefresh(
      {
        tokenBaseUrl: base,
        clientId: TSSD_APP.clientId,
        clientSecret: TSSD_APP.clientSecret,
        refreshToken: report.outcome.token.refreshToken!,
        requestedScopes: null,
        signInAgain: 'x',
      },
      { fetch: tssdFetch(server.authBaseUrl) },
    );
    expect(refreshed.outcome.ok).toBe(true);
  });
});

describe('runWebRefresh', () => {
  it('spends the refresh token for the next one; the spent one is ERR_REFRESH_TOKEN_REFUSED saying to sign in again', async () => {
    const { plan, pasted } = await signedIn(WEB_APP.clientId);
    const signIn = await finishWebSignIn(plan, { pasted, clientSecret: WEB_APP.clientSecret }, { fetch });
    if (!signIn.outcome.ok) throw new Error(signIn.outcome.error.message);
    const input = {
      tokenBaseUrl: signIn.outcome.token.tokenBaseUrl,
      clientId: WEB_APP.clientId,
      clientSecret: WEB_APP.clientSecret,
      refreshToken: signIn.outcome.token.refreshToken!,
      requestedScopes: null,
      signInAgain: 'Sign in again: mctoken login … --save web.',
    };
    const first = await runWebRefresh(input, { fetch });
    if (!first.outcome.ok) throw new Error(first.outcome.error.message);
    expect(first.outcome.token.refreshToken).not.toBe(input.refreshToken);
    const shown = JSON.stringify(first.steps);
    for (const secret of [input.refreshToken, first.outcome.token.refreshToken!, WEB_APP.clientSecret!])
      expect(shown).not.toContain(secret);
    const spent = await runWebRefresh(input, { fetch });
    expect(spent.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_REFRESH_TOKEN_REFUSED', hint: expect.stringContaining('mctoken login') },
    });
    expect(JSON.stringify(spent)).not.toContain(input.refreshToken);
  });
});
