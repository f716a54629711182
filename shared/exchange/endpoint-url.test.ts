import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, isLoopbackHost } from './endpoint-url';

describe('checkEndpointUrl', () => {
  it('accepts https anywhere and returns the parsed URL (trimmed)', () => {
    const url = checkEndpointUrl('  https://idp.intelligence.salesforce.com/us1/token\n', 'token endpoint');
    expect(url.href).toBe('https://idp.intelligence.salesforce.com/us1/token');
  });

  it.each([
    ['http://127.0.0.1:8080/us1/token', '127.0.0.1'],
    ['http://127.45.6.7/x', '127.45.6.7'],
    ['http://127.1/x', '127.0.0.1'],
    ['http://localhost:3000/x', 'localhost'],
    ['http://LOCALHOST/x', 'localhost'],
    ['http://[::1]:9000/x', '[::1]'],
    ['http://[0:0:0:0:0:0:0:1]/x', '[::1]'],
  ])('allows http on loopback: %s', (input, host) => {
    expect(checkEndpointUrl(input, 'discovery URL').hostname).toBe(host);
  });

  it.each([
    ['http://example.com/.well-known/openid-configuration', 'example.com'],
    ['http://idp.intelligence.salesforce.com/us1/token', 'idp.intelligence.salesforce.com'],
    ['http://127.0.0.1.nip.io/x', '127.0.0.1.nip.io'],
    ['http://localhost.example.com/x', 'localhost.example.com'],
    ['http://0.0.0.0/x', '0.0.0.0'],
    ['http://10.0.0.1/x', '10.0.0.1'],
    ['http://[::2]/x', '[::2]'],
  ])('refuses http off loopback: %s', (input, host) => {
    expect(() => checkEndpointUrl(input, 'discovery URL')).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INSECURE',
        message: `The discovery URL uses http:// on ${host}: only https:// is allowed (http only for localhost). Use the https:// address.`,
      }),
    );
  });

  it.each(['', 'not a url', 'idp.intelligence.salesforce.com/us1/token', 'https://'])('refuses an unparsable URL: %j', (input) => {
    expect(() => checkEndpointUrl(input, 'discovery URL')).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INVALID',
        message: 'The discovery URL is not a valid URL: paste the full address, starting with https://.',
      }),
    );
  });

  it('refuses other schemes', () => {
    expect(() => checkEndpointUrl('ftp://example.com/x', 'token endpoint')).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INVALID',
        message: 'The token endpoint must start with https:// (it uses ftp:).',
      }),
    );
    expect(() => checkEndpointUrl('javascript:alert(1)', 'token endpoint')).toThrow(expect.objectContaining({ code: 'ERR_URL_INVALID' }));
  });

  it('refuses a URL with a user name or password, without echoing them', () => {
    const call = () => checkEndpointUrl('https://user:hunter2@example.com/x', 'discovery URL');
    expect(call).toThrow(
      expect.objectContaining({
        code: 'ERR_URL_INVALID',
        message: 'The discovery URL must not contain a user name or password: remove the part before "@".',
      }),
    );
  });

  it('accepts every https URL and refuses every http URL on a non-loopback domain (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'] }), (url) => {
        expect(checkEndpointUrl(url, 'x').protocol).toBe('https:');
      }),
    );
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['http'] }).filter((url) => !isLoopbackHost(new URL(url).hostname)),
        (url) => {
          expect(() => checkEndpointUrl(url, 'x')).toThrow(expect.objectContaining({ code: 'ERR_URL_INSECURE' }));
        },
      ),
    );
  });
});
