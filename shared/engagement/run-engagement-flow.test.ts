import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../../test/support/idp-server';
import { OTHER_MID, SAMPLE_MID, SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import type { EngagementStep } from './flow-types';
import { MASK } from '../exchange/shown-exchange';
import { runEngagementFlow, type EngagementFlowInput } from './run-engagement-flow';

let server: EngagementServer;
beforeAll(async () => {
  server = await startEngagementServer({
    packages: [
      SAMPLE_PACKAGE,
      { clientId: 'web-app-client', clientSecret: 'web-secret-1', scopes: ['email_read'], accounts: ['1'], integration: 'web-app' },
      { clientId: 'no-api-client', clientSecret: 'none-secret-1', scopes: [], accounts: ['1'], integration: 'none' },
    ],
  });
});
afterAll(() => server.close());
beforeEach(() => server.setFault('none'));

const input = (extra: Partial<EngagementFlowInput> = {}): EngagementFlowInput => ({
  clientId: SAMPLE_PACKAGE.clientId,
  clientSecret: SAMPLE_PACKAGE.clientSecret,
  authUrl: server.authBaseUrl,
  ...extra,
});

describe('runEngagementFlow', () => {
  it('gets a token, names the granted scopes, and shows the request with the secret flagged and the token masked', async () => {
    const seen: EngagementStep[] = [];
    const report = await runEngagementFlow(input(), { fetch, onStep: (step) => seen.push(step), now: () => 1_000_000 });
    expect(report.outcome.ok).toBe(true);
    if (!report.outcome.ok) return;
    const { token } = report.outcome;
    expect(server.hasIssued(token.accessToken)).toBe(true);
    expect(token).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 1079,
      expiresAt: 1_000_000 + 1_079_000,
      grantedScopes: ['email_read', 'email_write', 'data_extensions_read'],
      requestedScopes: null,
      missingScopes: [],
      restInstanceUrl: server.restBaseUrl,
      soapInstanceUrl: server.soapBaseUrl,
      tokenEndpoint: `${server.authBaseUrl}v2/token`,
    });
    expect(report.outcome.whoami).toBeNull();
    expect(seen.map((step) => `${step.id}:${step.status}`)).toEqual(['token:running', 'token:ok']);
    const step = report.steps[0]!;
    expect(step.request?.params).toContainEqual({
      name: 'client_secret',
      value: MASK,
      sensitive: true,
      maskedLength: SAMPLE_PACKAGE.clientSecret.length,
    });
    expect(JSON.stringify(report)).not.toContain(SAMPLE_PACKAGE.clientSecret);
    expect(step.request?.params.map((field) => field.name)).toEqual(['grant_type', 'client_id', 'client_secret']);
    expect(step.response?.body).toContain(`"access_token": "${MASK}"`);
    expect(step.response?.body).not.toContain(token.accessToken);
    expect(server.requests.at(-1)).toMatchObject({
      contentType: 'application/json',
      bodyNames: ['grant_type', 'client_id', 'client_secret'],
    });
  });

  it('sends scope and account_id, and names each requested scope that was not granted', async () => {
    const report = await runEngagementFlow(input({ scope: 'email_read journeys_read sms_send', accountId: OTHER_MID }), { fetch });
    expect(report.outcome).toMatchObject({
      ok: true,
      token: { grantedScopes: ['email_read'], missingScopes: ['journeys_read', 'sms_send'] },
    });
    expect(report.warnings).toContainEqual({
      code: 'WARN_SCOPES_MISSING',
      message: "Requested but not granted: journeys_read, sms_send. The package's API Integration lacks these permissions.",
      hint: 'If you just added them to the package, wait: the docs say permission changes take up to five minutes to reach new tokens. Then get a new token.',
    });
    expect(server.requests.at(-1)?.bodyNames).toEqual(['grant_type', 'client_id', 'client_secret', 'scope', 'account_id']);
  });

  it('runs who-am-I and the SOAP endpoint with the token: MID, enterprise, stack, region, user and both URLs', async () => {
    const report = await runEngagementFlow(input({ whoami: true }), { fetch });
    expect(report.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['token:ok', 'userinfo:ok', 'soap-endpoint:ok']);
    expect(report.outcome).toMatchObject({
      ok: true,
      whoami: {
        summary: {
          mid: SAMPLE_MID,
          enterpriseId: '514000001',
          stack: 'S7',
          region: 'NA1',
          userName: 'Test User',
          userEmail: 'test.user@example.com',
        },
        endpoints: { rest: server.restBaseUrl, soap: server.soapBaseUrl },
        userinfo: { organization: { member_id: Number(SAMPLE_MID) } },
      },
    });
    expect(report.steps[1]?.request?.headers).toContainEqual(expect.objectContaining({ name: 'Authorization', sensitive: true }));
  });

  it.each([
    [
      'a wrong secret',
      { clientSecret: 'wrong-secret' },
      'ERR_OAUTH_INVALID_CLIENT',
      'invalid_client: Invalid client ID or secret.',
      'no server-to-server API Integration',
    ],
    [
      'a package without API Integration',
      { clientId: 'no-api-client', clientSecret: 'none-secret-1' },
      'ERR_OAUTH_INVALID_CLIENT',
      'invalid_client: The package has no API Integration component.',
      'Server-to-Server',
    ],
    [
      'a web-app package',
      { clientId: 'web-app-client', clientSecret: 'web-secret-1' },
      'ERR_OAUTH_UNAUTHORIZED_CLIENT',
      'unauthorized_client: The client is not authorized for the client_credentials grant.',
      'web or public app',
    ],
    ['an unknown scope', { scope: 'email_reed' }, 'ERR_OAUTH_INVALID_SCOPE', 'invalid_scope: Unknown scope: email_reed.', 'misspelled'],
    [
      'an unreachable business unit',
      { accountId: '999' },
      'ERR_OAUTH_ACCESS_DENIED',
      'access_denied: The client does not have access to this account.',
      'cannot reach the business unit',
    ],
  ])('explains %s with a code, the server description and a hint', async (_what, extra, code, message, hint) => {
    const report = await runEngagementFlow(input(extra), { fetch });
    expect(report.outcome).toMatchObject({ ok: false, error: { code, message, hint: expect.stringContaining(hint) } });
    expect(report.steps[0]).toMatchObject({ status: 'failed', error: { code } });
  });

  it('explains a 500, an HTML page, a reset, a timeout and a body that never ends', async () => {
    server.setFault('server-error');
    expect((await runEngagementFlow(input(), { fetch })).outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_TOKEN_ENDPOINT_HTTP',
        message: 'The token endpoint answered HTTP 500 without an OAuth error: the service may be down. Try again later.',
      },
    });
    server.setFault('html');
    expect((await runEngagementFlow(input(), { fetch })).outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_TOKEN_ENDPOINT_NOT_JSON',
        message:
          'The token endpoint answered HTTP 502 with what looks like an HTML page, not JSON: a proxy may be in the way, or the URL is wrong. Check the subdomain or auth base URL.',
      },
    });
    server.setFault('reset');
    expect((await runEngagementFlow(input(), { fetch })).outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_NETWORK',
        message:
          'Could not reach 127.0.0.1:' +
          new URL(server.authBaseUrl).port +
          ': the connection was reset before an answer came. Check the URL, the network or VPN, then try again.',
      },
    });
    server.setFault('slow', { delayMs: 5_000 });
    expect((await runEngagementFlow(input({ timeoutMs: 200 }), { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_TIMEOUT' },
    });
    server.setFault('endless-body');
    const endless = await runEngagementFlow(input({ timeoutMs: 10_000 }), { fetch });
    // The body is read through a byte cap, so a body that never ends is refused long before the deadline.
    expect(endless.outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_RESPONSE_TOO_LARGE',
        message: expect.stringMatching(
          /^The token endpoint \(127\.0\.0\.1:\d+\) sent more than 1 MiB, which no answer of this kind needs: check the URL\.$/,
        ),
      },
    });
  });

  it('keeps the token when who-am-I fails afterwards', async () => {
    server.setFault('server-error', { only: 'userinfo' });
    const report = await runEngagementFlow(input({ whoami: true }), { fetch });
    expect(report.steps.map((step) => step.status)).toEqual(['ok', 'failed', 'pending']);
    expect(report.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_API_HTTP', message: 'The userinfo endpoint answered HTTP 500: the service may be down. Try again later.' },
    });
    expect(!report.outcome.ok && report.outcome.token !== undefined && server.hasIssued(report.outcome.token.accessToken)).toBe(true);
  });

  it('says that a subdomain does not resolve', async () => {
    const dnsFailure: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) }));
    const report = await runEngagementFlow(input({ authUrl: null, subdomain: 'mcnosuchtenantxxxxxxxxxxxxxx' }), { fetch: dnsFailure });
    expect(report.outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_SUBDOMAIN_NOT_FOUND',
        message:
          'mcnosuchtenantxxxxxxxxxxxxxx.auth.marketingcloudapis.com does not resolve (no DNS entry): the subdomain is probably mistyped.',
      },
    });
  });

  it('refuses bad input before any request, and reports a refused connection', async () => {
    const before = server.requests.length;
    expect((await runEngagementFlow(input({ clientSecret: ' ' }), { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_CLIENT_SECRET_INVALID' },
    });
    expect((await runEngagementFlow(input({ accountId: 'x' }), { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_ACCOUNT_ID_INVALID' },
    });
    expect((await runEngagementFlow(input({ authUrl: 'http://example.com/' }), { fetch })).outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_URL_INSECURE' },
    });
    expect(server.requests.length).toBe(before);
    const closed = await runEngagementFlow(input({ authUrl: await closedPortUrl() }), { fetch });
    expect(closed.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_NETWORK', message: expect.stringContaining('the connection was refused') },
    });
  });

  it('is cancelled by its signal', async () => {
    server.setFault('slow', { delayMs: 5_000 });
    const controller = new AbortController();
    const running = runEngagementFlow(input({ signal: controller.signal }), { fetch });
    setTimeout(() => controller.abort(), 100);
    const report = await running;
    expect(report.steps[0]?.status).toBe('cancelled');
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });
  });
});
