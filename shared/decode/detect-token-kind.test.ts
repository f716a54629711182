import { describe, expect, it } from 'vitest';
import { makeEngagementAccessToken, makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from './decode-token';
import { RECORDED_EXECUTE_PAYLOAD, makeActivityCall } from '../../test/support/custom-activity-calls';
import { detectTokenKind, isIntelligenceAudience } from './detect-token-kind';

const AUD = 'https://idp.intelligence.salesforce.com';
const assertion = { iss: 'svc-123', sub: 'svc-123', aud: AUD, iat: 1_700_000_000, jti: '0123456789abcdef0123456789abcdef' };

describe('detectTokenKind', () => {
  it('recognizes App Center SSO JWTs by claims version', async () => {
    expect(decodeToken(await makeEngagementSsoJwt({ version: 2 })).kind).toBe('engagement-sso-v2');
    expect(decodeToken(await makeEngagementSsoJwt({ version: 1 })).kind).toBe('engagement-sso-v1');
  });

  it('calls a payload that is not a JSON object a plain JWS, whatever the header', () => {
    expect(detectTokenKind({ alg: 'HS256', typ: 'JWT' }, null)).toBe('jws');
    expect(detectTokenKind({ alg: 'HS256', kid: '4' }, null, 4)).toBe('jws');
  });

  it('recognizes the version 1 shape without claimsVersion', () => {
    expect(detectTokenKind({ alg: 'HS256' }, { request: { user: { oauthToken: 'x' } } })).toBe('engagement-sso-v1');
    expect(detectTokenKind({ alg: 'HS256' }, { iss: 'https://imh.exacttarget.com', request: { user: {} } })).toBe('engagement-sso-v1');
    expect(detectTokenKind({ alg: 'HS256' }, { request: { claimsVersion: '2' } })).toBe('engagement-sso-v2');
  });

  it('does not call any token with a request claim an SSO JWT', () => {
    expect(detectTokenKind({ alg: 'HS256' }, { request: { user: { id: 1 } } })).toBe('generic');
    expect(detectTokenKind({ alg: 'HS256' }, { request: 'GET /' })).toBe('generic');
  });

  it('recognizes an Intelligence client assertion (RS256, iss = sub, the IdP audience)', () => {
    expect(decodeToken(makeGenericJwt(assertion, { alg: 'RS256' })).kind).toBe('intelligence-assertion');
    expect(detectTokenKind({ alg: 'RS256' }, { ...assertion, aud: `${AUD}"` })).toBe('intelligence-assertion');
    expect(detectTokenKind({ alg: 'RS256' }, { ...assertion, aud: [AUD] })).toBe('intelligence-assertion');
  });

  it('does not call it an assertion when one of the rules fails', () => {
    expect(detectTokenKind({ alg: 'HS256' }, assertion)).toBe('generic');
    expect(detectTokenKind({ alg: 'RS256' }, { ...assertion, sub: 'other' })).toBe('generic');
    expect(detectTokenKind({ alg: 'RS256' }, { ...assertion, aud: 'https://idp.intelligence.salesforce.com.evil.example' })).toBe(
      'generic',
    );
  });

  it('recognizes the four-segment access token and nothing else with four segments', () => {
    expect(decodeToken(makeEngagementAccessToken()).kind).toBe('engagement-access-token');
    expect(detectTokenKind({ alg: 'HS256' }, { eid: 1 }, 4)).toBe('engagement-access-token');
    expect(detectTokenKind({ alg: 'HS256' }, { sub: 'x' }, 4)).toBe('generic');
    expect(detectTokenKind({ alg: 'HS256' }, { eid: 1 }, 3)).toBe('generic');
  });

  it('recognizes a Journey Builder custom-activity call by its fields', () => {
    expect(decodeToken(makeActivityCall()).kind).toBe('custom-activity');
    const { inArguments, activityObjectID, journeyId, keyValue } = RECORDED_EXECUTE_PAYLOAD;
    // A lifecycle call may carry fewer fields than execute: three of them, or inArguments and one more, are enough.
    expect(detectTokenKind({ alg: 'HS256' }, { activityObjectID, journeyId, keyValue })).toBe('custom-activity');
    expect(detectTokenKind({ alg: 'HS256' }, { inArguments, activityObjectID })).toBe('custom-activity');
    expect(detectTokenKind({ alg: 'HS256' }, { inArguments: [], mode: 0, exp: 1, custom: 'x' })).toBe('custom-activity');
  });

  it('does not call a token with one or two activity-like fields an activity call', () => {
    expect(detectTokenKind({ alg: 'HS256' }, { sub: 'x', mode: 0 })).toBe('generic');
    expect(detectTokenKind({ alg: 'HS256' }, { activityId: 'a', journeyId: 'b' })).toBe('generic');
    expect(detectTokenKind({ alg: 'HS256' }, { inArguments: 'not an array', keyValue: 'k' })).toBe('generic');
    // An SSO JWT stays an SSO JWT, whatever else it carries.
    expect(detectTokenKind({ alg: 'HS256' }, { ...RECORDED_EXECUTE_PAYLOAD, request: { claimsVersion: 2 } })).toBe('engagement-sso-v2');
  });

  it('falls back to generic', () => {
    expect(decodeToken(makeGenericJwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })).kind).toBe('generic');
  });

  it('checks the Intelligence audience strictly apart from the documented typo', () => {
    expect(isIntelligenceAudience(AUD)).toBe(true);
    expect(isIntelligenceAudience(`${AUD}/`)).toBe(true);
    expect(isIntelligenceAudience(`${AUD}"`)).toBe(true);
    expect(isIntelligenceAudience(`${AUD}/us1`)).toBe(false);
    expect(isIntelligenceAudience(42)).toBe(false);
  });
});
