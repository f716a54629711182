import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGIONS } from './regions';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { DISCOVERY_REQUEST, readTokenEndpoint } from './discovery';
import { timedRequest, type TimedResponse } from '../exchange/timed-request';
import { timedResponse } from '../../test/support/timed-response';

/** The flow's discovery step (run-token-flow.ts): its request through timedRequest, then readTokenEndpoint. */
async function fetchDiscovery(discoveryUrl: URL): Promise<{ response: TimedResponse; tokenEndpoint: URL }> {
  const answer = await timedRequest(discoveryUrl, { ...DISCOVERY_REQUEST }, 'discovery endpoint', { fetch });
  return { response: answer, tokenEndpoint: readTokenEndpoint(answer) };
}

const response = (status: number, body: string, contentType?: string): TimedResponse =>
  timedResponse(status, body, contentType, 'https://idp.example.com/us1/.well-known/openid-configuration');

describe('readTokenEndpoint', () => {
  it('returns the checked token endpoint', () => {
    expect(readTokenEndpoint(response(200, '{"token_endpoint":"https://idp.intelligence.salesforce.com/us1/token"}')).href).toBe(
      'https://idp.intelligence.salesforce.com/us1/token',
    );
  });

  it.each([
    [404, 'The discovery endpoint answered HTTP 404: check the discovery URL (or the region) you were given.'],
    [403, 'The discovery endpoint answered HTTP 403: access was denied, perhaps by a proxy or firewall; check the network settings.'],
    [503, 'The discovery endpoint answered HTTP 503: the service may be down; try again later.'],
  ])('reports HTTP %d as ERR_DISCOVERY_HTTP', (status, message) => {
    expect(() => readTokenEndpoint(response(status, '{"token_endpoint":"https://x.example/token"}'))).toThrow(
      expect.objectContaining({ code: 'ERR_DISCOVERY_HTTP', message }),
    );
  });

  it('says so when the discovery URL returns an HTML page', () => {
    expect(() => readTokenEndpoint(response(200, '<!DOCTYPE html><html><body>Sign in</body></html>', 'text/html'))).toThrow(
      expect.objectContaining({
        code: 'ERR_DISCOVERY_NOT_JSON',
        message:
          'The discovery URL returned an HTML page, not the JSON discovery document: check the URL (a login page, a proxy or a wrong address?).',
      }),
    );
  });

  it('reports other non-JSON bodies as ERR_DISCOVERY_NOT_JSON', () => {
    expect(() => readTokenEndpoint(response(200, 'token_endpoint=https://x', 'text/plain'))).toThrow(
      expect.objectContaining({
        code: 'ERR_DISCOVERY_NOT_JSON',
        message: 'The discovery URL did not return JSON: check that it is the discovery URL you were given.',
      }),
    );
  });

  it.each(['{}', '[]', '"https://x.example/token"', '{"token_endpoint":""}', '{"token_endpoint":42}', '{"issuer":"https://x"}'])(
    'reports ERR_DISCOVERY_NO_TOKEN_ENDPOINT for %s',
    (body) => {
      expect(() => readTokenEndpoint(response(200, body))).toThrow(
        expect.objectContaining({
          code: 'ERR_DISCOVERY_NO_TOKEN_ENDPOINT',
          message: 'The discovery document has no token_endpoint: check that the URL is the Intelligence discovery URL you were given.',
        }),
      );
    },
  );

  it("accepts a token endpoint on the discovery URL's own origin", () => {
    expect(readTokenEndpoint(response(200, '{"token_endpoint":"https://idp.example.com/us1/token"}')).href).toBe(
      'https://idp.example.com/us1/token',
    );
  });

  it.each([
    'https://evil.example/token',
    'https://idp.example.com:8443/us1/token',
    'https://example.com/us1/token',
    'https://idp.intelligence.salesforce.com.evil.example/token',
  ])('refuses a token endpoint on another origin (%s) with ERR_DISCOVERY_FOREIGN_TOKEN_ENDPOINT', (endpoint) => {
    expect(() => readTokenEndpoint(response(200, JSON.stringify({ token_endpoint: endpoint })))).toThrow(
      expect.objectContaining({
        code: 'ERR_DISCOVERY_FOREIGN_TOKEN_ENDPOINT',
        message: `The discovery document sends the token request to another site (${new URL(endpoint).host}, not idp.example.com), which was refused before anything was signed: check that the discovery URL is the one Salesforce gave you.`,
      }),
    );
  });

  it('applies the https rule to the token endpoint it returns', () => {
    expect(() => readTokenEndpoint(response(200, '{"token_endpoint":"http://evil.example/token"}'))).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INSECURE',
        message:
          'The token endpoint from the discovery document uses http:// on evil.example: only https:// is allowed (http only for localhost). Use the https:// address.',
      }),
    );
    expect(() => readTokenEndpoint(response(200, '{"token_endpoint":"/us1/token"}'))).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INVALID',
        message: 'The token endpoint from the discovery document is not a valid URL: paste the full address, starting with https://.',
      }),
    );
  });
});

describe('fetchDiscovery against the local identity provider', () => {
  let server: IdpServer;
  beforeAll(async () => {
    server = await startIdpServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.setFault('none');
    server.setDiscoveryOverride(null);
  });

  it.each(REGIONS)('finds the token endpoint of %s', async (region) => {
    const { tokenEndpoint, response: answer } = await fetchDiscovery(new URL(server.discoveryUrl(region)));
    expect(tokenEndpoint.href).toBe(server.tokenUrl(region));
    expect(answer.status).toBe(200);
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', endpoint: 'discovery', region, status: 200 });
  });

  it('reports an HTML page served with 200', async () => {
    server.setFault('html', { status: 200 });
    await expect(fetchDiscovery(new URL(server.discoveryUrl('us1')))).rejects.toMatchObject({ code: 'ERR_DISCOVERY_NOT_JSON' });
  });

  it('reports a document without token_endpoint', async () => {
    server.setDiscoveryOverride(({ token_endpoint: _dropped, ...rest }) => rest);
    await expect(fetchDiscovery(new URL(server.discoveryUrl('us2')))).rejects.toMatchObject({
      code: 'ERR_DISCOVERY_NO_TOKEN_ENDPOINT',
    });
  });

  it('reports an unknown path as ERR_DISCOVERY_HTTP 404', async () => {
    await expect(fetchDiscovery(new URL(`${server.baseUrl}/us9/.well-known/openid-configuration`))).rejects.toMatchObject({
      code: 'ERR_DISCOVERY_HTTP',
      message: 'The discovery endpoint answered HTTP 404: check the discovery URL (or the region) you were given.',
    });
  });
});
