import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_GRACE_MS, SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { MASK } from '../exchange/shown-exchange';
import { runLegacyRefresh } from './run-legacy-refresh';

let server: EngagementServer;
beforeAll(async () => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
});
afterAll(() => server.close());
beforeEach(() => server.setFault('none'));

const creds = { clientId: SAMPLE_PACKAGE.clientId, clientSecret: SAMPLE_PACKAGE.clientSecret };
const source = () => ({ authEndpoint: server.refreshUrl, refreshToken: server.issueRefreshToken(SAMPLE_PACKAGE.clientId) });

describe('runLegacyRefresh', () => {
  it('spends the refresh token for a new access token and the next refresh token, masking secrets in the step', async () => {
    const from = source();
    const report = await runLegacyRefresh({ source: from, ...creds }, { fetch, now: () => 5_000 });
    expect(report.outcome).toMatchObject({
      ok: true,
      token: { expiresIn: 3600, expiresAt: 5_000 + 3_600_000, authEndpoint: server.refreshUrl },
    });
    if (!report.outcome.ok) return;
    const { token } = report.outcome;
    expect(server.hasIssued(token.accessToken)).toBe(true);
    expect(token.refreshToken).not.toBe(from.refreshToken);
    const step = report.steps[0]!;
    expect(step.status).toBe('ok');
    expect(step.request?.params.filter((field) => field.sensitive)).toEqual([
      { name: 'clientSecret', value: MASK, sensitive: true, maskedLength: SAMPLE_PACKAGE.clientSecret.length },
      { name: 'refreshToken', value: MASK, sensitive: true, maskedLength: from.refreshToken.length },
    ]);
    expect(JSON.stringify(report)).not.toContain(SAMPLE_PACKAGE.clientSecret);
    expect(JSON.stringify(report)).not.toContain(from.refreshToken);
    expect(step.response?.body).not.toContain(token.accessToken);
    expect(step.response?.body).toContain(`"refreshToken": "${MASK}"`);
    expect(server.requests.at(-1)?.bodyNames).toEqual(['clientId', 'clientSecret', 'refreshToken', 'accessType']);
  });

  it('explains the {message, errorcode} refusal of a refresh token spent outside its grace period', async () => {
    const from = source();
    expect((await runLegacyRefresh({ source: from, ...creds }, { fetch })).outcome.ok).toBe(true);
    server.advanceClock(REFRESH_GRACE_MS + 1000);
    const second = await runLegacyRefresh({ source: from, ...creds }, { fetch });
    expect(second.outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_REFRESH_REJECTED',
        message: 'The auth endpoint refused the refresh with HTTP 401: Unauthorized (errorcode 1).',
        hint: expect.stringContaining('it works once, with a 5-minute grace'),
      },
    });
    expect(second.steps[0]?.status).toBe('failed');
  });

  it('explains a wrong secret, an HTML page and a 500', async () => {
    expect((await runLegacyRefresh({ source: source(), ...creds, clientSecret: 'wrong' }, { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_REFRESH_REJECTED' },
    });
    server.setFault('html', { only: 'refresh' });
    expect((await runLegacyRefresh({ source: source(), ...creds }, { fetch })).outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_TOKEN_ENDPOINT_NOT_JSON',
        message:
          'The auth endpoint answered HTTP 502 with an HTML page, not JSON: a proxy may be in the way, or the authEndpoint is wrong.',
      },
    });
    server.setFault('server-error');
    expect((await runLegacyRefresh({ source: source(), ...creds }, { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_TOKEN_ENDPOINT_HTTP', message: 'The auth endpoint answered HTTP 500: the service may be down. Try again later.' },
    });
  });

  it('refuses an insecure authEndpoint or an empty secret before sending anything', async () => {
    const before = server.requests.length;
    const insecure = await runLegacyRefresh(
      { source: { authEndpoint: 'http://example.com/v1/requestToken', refreshToken: 'r' }, ...creds },
      { fetch },
    );
    expect(insecure.outcome).toMatchObject({ ok: false, error: { code: 'ERR_URL_INSECURE' } });
    expect(insecure.steps[0]?.status).toBe('pending');
    expect((await runLegacyRefresh({ source: source(), ...creds, clientSecret: '' }, { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_CLIENT_SECRET_INVALID' },
    });
    expect(server.requests.length).toBe(before);
  });
});
