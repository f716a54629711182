import { describe, expect, it } from 'vitest';
import { preflightAssertion } from './preflight';

const good = () => ({
  iss: 'sa-1',
  sub: 'sa-1',
  aud: 'https://idp.intelligence.salesforce.com',
  iat: 1_700_000_000,
  jti: '0123456789abcdef0123456789abcdef',
});
const header = { alg: 'RS256', typ: 'JWT' };

function expectPreflight(h: Record<string, unknown>, claims: Record<string, unknown>, message: string): void {
  expect(() => preflightAssertion(h, claims, 'sa-1')).toThrow(expect.objectContaining({ code: 'ERR_ASSERTION_PREFLIGHT', message }));
}

describe('preflightAssertion', () => {
  it('passes the documented claims', () => {
    expect(() => preflightAssertion(header, good(), 'sa-1')).not.toThrow();
  });

  it('names alg when it is not RS256', () => {
    expectPreflight({ alg: 'HS256' }, good(), 'alg is "HS256": Intelligence assertions are signed RS256.');
    expectPreflight({}, good(), 'alg is undefined: Intelligence assertions are signed RS256.');
  });

  it.each([
    [
      'https://idp.intelligence.salesforce.com"',
      'aud has a stray quote ("https://idp.intelligence.salesforce.com\\""), the typo in the docs\' sample: use exactly https://idp.intelligence.salesforce.com.',
    ],
    [
      '"https://idp.intelligence.salesforce.com"',
      'aud has a stray quote ("\\"https://idp.intelligence.salesforce.com\\""), the typo in the docs\' sample: use exactly https://idp.intelligence.salesforce.com.',
    ],
    [
      'https://idp.intelligence.salesforce.com/',
      'aud ends with a slash ("https://idp.intelligence.salesforce.com/"): use exactly https://idp.intelligence.salesforce.com.',
    ],
    [
      'http://idp.intelligence.salesforce.com',
      'aud uses http:// ("http://idp.intelligence.salesforce.com"): use exactly https://idp.intelligence.salesforce.com.',
    ],
    [
      ' https://idp.intelligence.salesforce.com',
      'aud has spaces around it (" https://idp.intelligence.salesforce.com"): use exactly https://idp.intelligence.salesforce.com.',
    ],
    [
      'https://idp.intelligence.salesforce.com/us1/token',
      'aud is "https://idp.intelligence.salesforce.com/us1/token": use exactly https://idp.intelligence.salesforce.com.',
    ],
    [['https://idp.intelligence.salesforce.com'], 'aud is a list: use exactly https://idp.intelligence.salesforce.com as a single string.'],
    [undefined, 'aud is missing: use exactly https://idp.intelligence.salesforce.com.'],
    [42, 'aud is not a string: use exactly https://idp.intelligence.salesforce.com.'],
  ])('catches aud %j', (aud, message) => {
    expectPreflight(header, { ...good(), aud }, message);
  });

  it('names iss and sub when they are not the client id', () => {
    expectPreflight(header, { ...good(), iss: 'sa-2' }, 'iss is "sa-2": it must be the client id (service account id) "sa-1".');
    expectPreflight(
      header,
      { ...good(), sub: 'someone@example.com' },
      'sub is "someone@example.com": it must be the client id (service account id) "sa-1", like iss.',
    );
  });

  it.each([
    [
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      'jti is "3f2504e0-4f89-11d3-9a0c-0305e82c3301": use a random UUID without its dashes (32 lowercase hex characters).',
    ],
    [
      '3F2504E04F8911D39A0C0305E82C3301',
      'jti is "3F2504E04F8911D39A0C0305E82C3301": use a random UUID without its dashes (32 lowercase hex characters).',
    ],
    ['abc', 'jti is "abc": use a random UUID without its dashes (32 lowercase hex characters).'],
    [undefined, 'jti is undefined: use a random UUID without its dashes (32 lowercase hex characters).'],
  ])('catches jti %j', (jti, message) => {
    expectPreflight(header, { ...good(), jti }, message);
  });

  it.each([
    [1_700_000_000_123, 'iat looks like milliseconds (1700000000123): divide by 1000 and use whole seconds since the epoch.'],
    [1_700_000_000.5, 'iat has a fraction (1700000000.5): use whole seconds since the epoch.'],
    ['1700000000', 'iat is missing or not a number: use the current time in whole seconds since the epoch.'],
    [undefined, 'iat is missing or not a number: use the current time in whole seconds since the epoch.'],
    [0, 'iat is 0: use the current time in whole seconds since the epoch.'],
  ])('catches iat %j', (iat, message) => {
    expectPreflight(header, { ...good(), iat }, message);
  });

  it('truncates a long claim value in its message', () => {
    const iss = 'x'.repeat(200);
    expect(() => preflightAssertion(header, { ...good(), iss }, 'sa-1')).toThrow(
      expect.objectContaining({
        code: 'ERR_ASSERTION_PREFLIGHT',
        message: `iss is "${'x'.repeat(79)}…: it must be the client id (service account id) "sa-1".`,
      }),
    );
  });
});
