// Secrets and tokens against hostile local token servers, through the app's own safe-fetch: a redirected token POST is
// refused, a foreign rest_instance_url gets no token, and echoed secrets come back masked with their true length.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEngagementFlow } from '../../../shared/engagement/run-engagement-flow';
import { runLegacyRefresh } from '../../../shared/engagement/run-legacy-refresh';
import { secretMask } from '../../../shared/exchange/mask-secrets';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../../test/support/engagement-server';
import { createSafeFetch } from '../net/safe-fetch';

const fetch = createSafeFetch();
const secret = SAMPLE_PACKAGE.clientSecret;
let server: EngagementServer;
let foreign: EngagementServer;
beforeAll(async () => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  foreign = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
});
afterAll(async () => {
  await server.close();
  await foreign.close();
});
beforeEach(() => {
  server.setFault('none');
  foreign.requests.length = 0;
});

const tokenRun = (whoami = false) =>
  runEngagementFlow({ clientId: SAMPLE_PACKAGE.clientId, clientSecret: secret, authUrl: server.authBaseUrl, whoami }, { fetch });
const refreshRun = (refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId)) =>
  runLegacyRefresh(
    { source: { authEndpoint: server.refreshUrl, refreshToken }, clientId: SAMPLE_PACKAGE.clientId, clientSecret: secret },
    { fetch },
  );

describe('redirected token POSTs', () => {
  it('refuses a 302 answer to v2/token: the redirect target gets nothing and no token is accepted', async () => {
    server.setFault('redirect', { only: 'token', location: `${foreign.authBaseUrl}v2/token` });
    const report = await tokenRun();
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_REDIRECT_POST' } });
    expect(report.outcome).not.toHaveProperty('token');
    expect(foreign.requests).toEqual([]);
  });

  it('refuses a 302 answer to the legacy v1/requestToken', async () => {
    server.setFault('redirect', { only: 'refresh', location: `${foreign.authBaseUrl}v1/requestToken` });
    expect((await refreshRun()).outcome).toMatchObject({ ok: false, error: { code: 'ERR_REDIRECT_POST' } });
    expect(foreign.requests).toEqual([]);
  });
});

describe('the access token and the REST instance', () => {
  it('sends no token to a rest_instance_url on another origin, naming the host', async () => {
    server.setFault('foreign-rest', { location: foreign.restBaseUrl });
    const report = await tokenRun(true);
    expect(report.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['token:ok', 'userinfo:ok', 'soap-endpoint:failed']);
    expect(report.outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_REST_HOST_REFUSED',
        message: expect.stringContaining(`named ${new URL(foreign.restBaseUrl).host} as the REST instance`),
      },
    });
    expect(foreign.requests).toEqual([]);
  });
});

describe('echoed secrets', () => {
  it('masks the client secret quoted in error_description, in the error and the shown body', async () => {
    server.setFault('echo-secret', { only: 'token' });
    const report = await tokenRun();
    const text = JSON.stringify(report);
    expect(text).not.toContain(secret);
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_OAUTH_INVALID_CLIENT' } });
    expect(text).toContain(secretMask(secret.length));
    expect(report.steps[0]?.response?.body).toContain(secretMask(secret.length));
  });

  it('masks the client secret echoed in scope', async () => {
    server.setFault('echo-scope');
    const report = await tokenRun();
    expect(report.outcome.ok).toBe(true);
    if (!report.outcome.ok) return;
    expect(report.outcome.token.scope).toBe(`email_read ${secretMask(secret.length)}`);
    expect(report.outcome.token.grantedScopes).toEqual(['email_read', secretMask(secret.length)]);
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('masks the client secret and the spent refresh token a refresh endpoint quotes back', async () => {
    server.setFault('echo-secret', { only: 'refresh' });
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    const report = await refreshRun(refreshToken);
    const text = JSON.stringify(report);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(refreshToken);
    expect(report.outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_REFRESH_REJECTED',
        message: expect.stringContaining(`${secretMask(secret.length)} / ${secretMask(refreshToken.length)}`),
      },
    });
  });
});
