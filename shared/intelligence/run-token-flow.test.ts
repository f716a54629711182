import { importPKCS8, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import type { TokenFlowReport, TokenFlowStep } from './flow-types';
import { REGIONS } from './regions';
import { runTokenFlow, type TokenFlowDeps, type TokenFlowInput } from './run-token-flow';
import { secretMask } from '../exchange/mask-secrets';
import { MASK } from '../exchange/shown-exchange';

const CLIENT = 'sa-0001';
const INVALID_CLIENT_HINT =
  'The key does not match this client id, or the client id belongs to another region. Check the region/discovery URL and that you pasted the key generated with this service account.';

let server: IdpServer;
let key: CryptoKey;
let host: string;

beforeAll(async () => {
  server = await startIdpServer({ clients: { [CLIENT]: testKeyPair().pkcs1PublicPem } });
  key = await importPKCS8(testKeyPair().pkcs8Pem, 'RS256');
  host = new URL(server.baseUrl).host;
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFault('none');
  server.setDiscoveryOverride(null);
  server.requests.length = 0;
});

async function run(
  input: Partial<TokenFlowInput> = {},
  deps: Partial<TokenFlowDeps> = {},
): Promise<{ report: TokenFlowReport; events: TokenFlowStep[] }> {
  const events: TokenFlowStep[] = [];
  const report = await runTokenFlow(
    { clientId: CLIENT, discoveryUrl: server.discoveryUrl('us1'), privateKey: key, ...input },
    { fetch, onStep: (step) => events.push(step), ...deps },
  );
  return { report, events };
}

const statuses = (report: TokenFlowReport) => report.steps.map((step) => step.status);
const errorOf = (report: TokenFlowReport) => (report.outcome.ok ? null : report.outcome.error);

describe('runTokenFlow against the local identity provider', () => {
  describe.each(REGIONS)('region %s', (region) => {
    it.each(['form', 'query'] as const)('gets a token with the %s style', async (style) => {
      const before = Date.now();
      const { report, events } = await run({ discoveryUrl: server.discoveryUrl(region), tokenRequestStyle: style });
      const after = Date.now();
      expect(errorOf(report)).toBeNull();
      expect(statuses(report)).toEqual(['ok', 'ok', 'ok']);
      expect(report.warnings).toEqual([]);
      expect(events.map((e) => `${e.id}:${e.status}`)).toEqual([
        'discovery:running',
        'discovery:ok',
        'assertion:running',
        'assertion:ok',
        'token:running',
        'token:ok',
      ]);
      if (!report.outcome.ok) throw new Error('unreachable');
      const { token } = report.outcome;
      expect(server.hasIssued(token.accessToken)).toBe(true);
      expect(token.expiresIn).toBe(300);
      expect(token.expiresAt).toBeGreaterThanOrEqual(before + 300_000);
      expect(token.expiresAt).toBeLessThanOrEqual(after + 300_000);
      expect(token.tokenEndpoint).toBe(server.tokenUrl(region));
      expect(server.requests.map((r) => [r.endpoint, r.region, r.style, r.status])).toEqual([
        ['discovery', region, null, 200],
        ['token', region, style, 200],
      ]);
      const sent = server.requests[1]!;
      const names = ['grant_type', 'client_assertion_type', 'client_id', 'client_assertion'];
      expect(style === 'form' ? [sent.bodyNames, sent.queryNames] : [sent.queryNames, sent.bodyNames]).toEqual([names, []]);
    });
  });

  it('shows each step: requests with the assertion flagged sensitive, the token masked, the decoded assertion', async () => {
    const { report } = await run();
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    const [discovery, assertion, token] = report.steps;
    expect(discovery?.request).toEqual({
      method: 'GET',
      url: server.discoveryUrl('us1'),
      headers: [{ name: 'Accept', value: 'application/json', sensitive: false }],
      params: [],
    });
    expect(JSON.parse(discovery?.response?.body ?? '')).toMatchObject({ token_endpoint: server.tokenUrl('us1') });
    expect(discovery?.durationMs).toBeGreaterThanOrEqual(0);

    const compact = assertion?.assertion?.compact ?? '';
    expect(assertion?.assertion?.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(assertion?.assertion?.payload).toMatchObject({ iss: CLIENT, sub: CLIENT, aud: 'https://idp.intelligence.salesforce.com' });
    const verified = await jwtVerify(compact, await importSPKI(testKeyPair().publicPem, 'RS256'));
    expect(verified.payload).toEqual(assertion?.assertion?.payload);

    expect(token?.request?.url).toBe(server.tokenUrl('us1'));
    expect(token?.request?.params).toEqual([
      { name: 'grant_type', value: 'client_credentials', sensitive: false },
      { name: 'client_assertion_type', value: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', sensitive: false },
      { name: 'client_id', value: CLIENT, sensitive: false },
      { name: 'client_assertion', value: compact, sensitive: true },
    ]);
    const accessToken = report.outcome.token.accessToken;
    expect(token?.response?.status).toBe(200);
    expect(token?.response?.body).toContain(MASK);
    expect(token?.response?.body).not.toContain(accessToken);
    expect(token?.response?.revealedBody).toContain(accessToken);
    expect(report.outcome.token.curl).toContain(compact);
  });

  it('masks the signed assertion wherever a token endpoint echoes it: the shown body and the error', async () => {
    // A token endpoint that answers 400 with the assertion it received in its error_description.
    const echoing: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith('/token')) return fetch(input, init);
      const sent = new URLSearchParams(typeof init?.body === 'string' ? init.body : url.search).get('client_assertion') ?? '';
      const body = JSON.stringify({ error: 'invalid_grant', error_description: `assertion ${sent} was refused` });
      return new Response(body, { status: 400, headers: { 'content-type': 'application/json' } });
    };
    const { report } = await run({}, { fetch: echoing });
    const compact = report.steps[1]?.assertion?.compact ?? '';
    expect(compact.split('.')).toHaveLength(3);
    const token = report.steps[2];
    expect(token?.response?.body).not.toContain(compact);
    expect(token?.response?.body).toContain(secretMask(compact.length));
    expect(JSON.stringify(errorOf(report))).not.toContain(compact);
    expect(JSON.stringify(token?.error)).not.toContain(compact);
    expect(errorOf(report)?.code).toBe('ERR_OAUTH_INVALID_GRANT');
  });

  it('keeps going when a progress listener throws', async () => {
    const { report } = await run(
      {},
      {
        onStep: () => {
          throw new Error('listener bug');
        },
      },
    );
    expect(report.outcome.ok).toBe(true);
    expect(statuses(report)).toEqual(['ok', 'ok', 'ok']);
  });

  it('never puts the private key in the report', async () => {
    const { report } = await run();
    const pair = testKeyPair();
    const text = JSON.stringify(report);
    for (const pem of [pair.pkcs8Pem, pair.pkcs1Pem]) expect(text).not.toContain(pemBody(pem).slice(0, 40));
  });

  it('a wrong key: invalid_client with the key/region hint, token step failed with the 401 shown', async () => {
    const { report, events } = await run({ privateKey: await importPKCS8(testKeyPair('other').pkcs8Pem, 'RS256') });
    expect(errorOf(report)).toEqual({
      code: 'ERR_OAUTH_INVALID_CLIENT',
      message: 'invalid_client: client_assertion signature is invalid for this client',
      hint: INVALID_CLIENT_HINT,
    });
    expect(statuses(report)).toEqual(['ok', 'ok', 'failed']);
    expect(report.steps[2]?.error).toEqual(errorOf(report));
    expect(report.steps[2]?.response?.status).toBe(401);
    expect(events.at(-1)).toMatchObject({ id: 'token', status: 'failed' });
  });

  it('an unknown client id: invalid_client', async () => {
    const { report } = await run({ clientId: 'sa-9999' });
    expect(errorOf(report)).toMatchObject({
      code: 'ERR_OAUTH_INVALID_CLIENT',
      message: 'invalid_client: unknown client_id',
      hint: INVALID_CLIENT_HINT,
    });
  });

  it('a replayed jti: invalid_grant on the second run', async () => {
    const sameUuid = () => '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    expect((await run({}, { randomUUID: sameUuid })).report.outcome.ok).toBe(true);
    const { report } = await run({}, { randomUUID: sameUuid });
    expect(errorOf(report)).toMatchObject({ code: 'ERR_OAUTH_INVALID_GRANT', message: 'invalid_grant: jti has already been used' });
  });

  describe('fault modes', () => {
    it('slow discovery: ERR_TIMEOUT naming the step and the time allowed; later steps stay pending', async () => {
      server.setFault('slow', { delayMs: 5_000 });
      const { report, events } = await run({ timeoutMs: 300 });
      const error = {
        code: 'ERR_TIMEOUT',
        message: `The discovery endpoint (${host}) did not answer within 0.3 s: check the network/VPN or try again.`,
      };
      expect(errorOf(report)).toEqual(error);
      expect(statuses(report)).toEqual(['failed', 'pending', 'pending']);
      expect(report.steps[0]?.error).toEqual(error);
      expect(events.map((e) => `${e.id}:${e.status}`)).toEqual(['discovery:running', 'discovery:failed']);
    });

    it('slow token endpoint: ERR_TIMEOUT on the token step', async () => {
      server.setFault('slow', { delayMs: 5_000, only: 'token' });
      const { report } = await run({ timeoutMs: 300 });
      expect(errorOf(report)).toEqual({
        code: 'ERR_TIMEOUT',
        message: `The token endpoint (${host}) did not answer within 0.3 s: check the network/VPN or try again.`,
      });
      expect(statuses(report)).toEqual(['ok', 'ok', 'failed']);
    });

    it('cancel while the token request is in flight: the step is cancelled, ERR_CANCELLED', async () => {
      server.setFault('slow', { delayMs: 5_000, only: 'token' });
      const controller = new AbortController();
      const events: TokenFlowStep[] = [];
      const { report } = await run(
        { signal: controller.signal },
        {
          onStep: (step) => {
            events.push(step);
            if (step.id === 'token' && step.status === 'running') setTimeout(() => controller.abort(), 50);
          },
        },
      );
      const error = { code: 'ERR_CANCELLED', message: 'Cancelled: the request to the token endpoint was stopped before it finished.' };
      expect(errorOf(report)).toEqual(error);
      expect(statuses(report)).toEqual(['ok', 'ok', 'cancelled']);
      expect(report.steps[2]?.error).toEqual(error);
      expect(events.at(-1)).toMatchObject({ id: 'token', status: 'cancelled' });
    });

    it('cancelled before it starts: discovery cancelled, nothing else runs', async () => {
      const { report } = await run({ signal: AbortSignal.abort() });
      expect(errorOf(report)?.code).toBe('ERR_CANCELLED');
      expect(statuses(report)).toEqual(['cancelled', 'pending', 'pending']);
    });

    it('server error on discovery: ERR_DISCOVERY_HTTP with the 500 shown', async () => {
      server.setFault('server-error');
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_DISCOVERY_HTTP',
        message: 'The discovery endpoint answered HTTP 500: the service may be down; try again later.',
      });
      expect(report.steps[0]?.response).toMatchObject({ status: 500, body: 'Internal Server Error' });
      expect(statuses(report)).toEqual(['failed', 'pending', 'pending']);
    });

    it('server error on the token endpoint: ERR_TOKEN_ENDPOINT_HTTP', async () => {
      server.setFault('server-error', { only: 'token' });
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_TOKEN_ENDPOINT_HTTP',
        message: 'The token endpoint answered HTTP 500 without an OAuth error: the service may be down. Try again later.',
      });
      expect(statuses(report)).toEqual(['ok', 'ok', 'failed']);
    });

    it('an HTML page from discovery: ERR_DISCOVERY_NOT_JSON says it is HTML', async () => {
      server.setFault('html', { status: 200 });
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_DISCOVERY_NOT_JSON',
        message:
          'The discovery URL returned an HTML page, not the JSON discovery document: check the URL (a login page, a proxy or a wrong address?).',
      });
    });

    it('an HTML page from the token endpoint: ERR_TOKEN_ENDPOINT_NOT_JSON', async () => {
      server.setFault('html', { only: 'token' });
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_TOKEN_ENDPOINT_NOT_JSON',
        message:
          'The token endpoint answered HTTP 502 with what looks like an HTML page, not JSON: a proxy may be in the way, or the URL is wrong. Check the discovery URL.',
      });
      expect(report.steps[2]?.response?.status).toBe(502);
    });

    it.each([
      ['discovery', ['failed', 'pending', 'pending']],
      ['token', ['ok', 'ok', 'failed']],
    ] as const)('a reset connection on %s: ERR_NETWORK', async (only, expected) => {
      server.setFault('reset', { only });
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_NETWORK',
        message: `Could not reach ${host}: the connection was reset before an answer came. Check the URL, the network or VPN, then try again.`,
      });
      expect(statuses(report)).toEqual(expected);
    });

    it('server clock 2 minutes ahead: the token comes, with WARN_CLOCK_SKEW saying by how much', async () => {
      server.setFault('clock-skew', { skewSeconds: 120 });
      const { report } = await run();
      expect(report.outcome.ok).toBe(true);
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]?.code).toBe('WARN_CLOCK_SKEW');
      expect(report.warnings[0]?.message).toMatch(
        /^This computer's clock is (1 min 5\d s|2 min|2 min [12] s) behind the server's \(its Date header\)\. The assertion's iat comes from this clock, and a skewed iat gets assertions rejected: set the system clock to sync automatically\.$/,
      );
    });

    it('server clock 10 minutes behind: WARN_CLOCK_SKEW and the assertion rejected (invalid_grant)', async () => {
      server.setFault('clock-skew', { skewSeconds: -600 });
      const { report } = await run();
      expect(report.warnings.map((w) => w.code)).toEqual(['WARN_CLOCK_SKEW']);
      expect(report.warnings[0]?.message).toMatch(/^This computer's clock is (9 min 5\d s|10 min|10 min [12] s) ahead of the server's/);
      expect(errorOf(report)).toMatchObject({
        code: 'ERR_OAUTH_INVALID_GRANT',
        message: 'invalid_grant: iat is too far from the server time',
      });
    });

    it('a skewed local clock (injected) is caught the same way', async () => {
      const { report } = await run({}, { now: () => Date.now() - 3_600_000 });
      expect(report.warnings.map((w) => w.code)).toEqual(['WARN_CLOCK_SKEW']);
      expect(errorOf(report)?.code).toBe('ERR_OAUTH_INVALID_GRANT');
    });
  });

  describe('checks before sending', () => {
    it('preflight stops a bad assertion before the token request is sent', async () => {
      const { report, events } = await run({}, { randomUUID: () => 'not-a-uuid' });
      expect(errorOf(report)).toEqual({
        code: 'ERR_ASSERTION_PREFLIGHT',
        message: 'jti is "notauuid": use a random UUID without its dashes (32 lowercase hex characters).',
      });
      expect(statuses(report)).toEqual(['ok', 'failed', 'pending']);
      expect(events.map((e) => `${e.id}:${e.status}`)).toEqual([
        'discovery:running',
        'discovery:ok',
        'assertion:running',
        'assertion:failed',
      ]);
      expect(server.requests.map((r) => r.endpoint)).toEqual(['discovery']);
    });

    it('an invalid client id is refused before any step or request', async () => {
      const { report, events } = await run({ clientId: '  ' });
      expect(errorOf(report)?.code).toBe('ERR_CLIENT_ID_INVALID');
      expect(statuses(report)).toEqual(['pending', 'pending', 'pending']);
      expect(events).toEqual([]);
      expect(server.requests).toEqual([]);
    });

    it('an http discovery URL off loopback is refused before any connection', async () => {
      const { report } = await run({ discoveryUrl: 'http://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration' });
      expect(errorOf(report)).toEqual({
        code: 'ERR_URL_INSECURE',
        message:
          'The discovery URL uses http:// on idp.intelligence.salesforce.com: only https:// is allowed (http only for localhost). Use the https:// address.',
      });
      expect(statuses(report)).toEqual(['pending', 'pending', 'pending']);
    });

    it('an insecure token_endpoint from discovery fails discovery; nothing is sent to it', async () => {
      server.setDiscoveryOverride((document) => ({ ...document, token_endpoint: 'http://attacker.example/token' }));
      const { report } = await run();
      expect(errorOf(report)).toEqual({
        code: 'ERR_URL_INSECURE',
        message:
          'The token endpoint from the discovery document uses http:// on attacker.example: only https:// is allowed (http only for localhost). Use the https:// address.',
      });
      expect(statuses(report)).toEqual(['failed', 'pending', 'pending']);
      expect(report.steps[0]?.response?.status).toBe(200);
    });

    it('a token_endpoint on another origin fails discovery: nothing is signed, and the other origin gets nothing', async () => {
      const elsewhere = await startIdpServer({ clients: { [CLIENT]: testKeyPair().pkcs1PublicPem } });
      try {
        server.setDiscoveryOverride((document) => ({ ...document, token_endpoint: elsewhere.tokenUrl('us1') }));
        const { report, events } = await run();
        expect(errorOf(report)).toEqual({
          code: 'ERR_DISCOVERY_FOREIGN_TOKEN_ENDPOINT',
          message: `The discovery document sends the token request to another site (${new URL(elsewhere.baseUrl).host}, not ${host}), which was refused before anything was signed: check that the discovery URL is the one Salesforce gave you.`,
        });
        expect(statuses(report)).toEqual(['failed', 'pending', 'pending']);
        expect(events.some((e) => e.id === 'assertion')).toBe(false);
        expect(elsewhere.requests).toEqual([]);
      } finally {
        await elsewhere.close();
      }
    });

    it('a discovery document without token_endpoint', async () => {
      server.setDiscoveryOverride(() => ({ issuer: 'x' }));
      const { report } = await run();
      expect(errorOf(report)?.code).toBe('ERR_DISCOVERY_NO_TOKEN_ENDPOINT');
    });
  });
});
