// App Center SSO JWT, claims version 1 (legacy): what it adds to (or reads differently from) version 2.
import type { ClaimEntry, Interpreter } from '../claim-entry';
import { interpretExpiresIn } from '../interpret/numeric-date';
import { ENGAGEMENT_V1_ISSUER } from '../../decode/detect-token-kind';

const interpretV1Issuer: Interpreter = (value) =>
  value === ENGAGEMENT_V1_ISSUER
    ? 'The issuer seen in legacy App Center SSO JWTs (Salesforce does not document one).'
    : `Not the issuer seen in legacy App Center SSO JWTs (${ENGAGEMENT_V1_ISSUER}); Salesforce does not document one.`;

/** Claims version 1 entries; they replace the version 2 entries of the same path. */
export const ENGAGEMENT_SSO_V1_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'iss',
    explanation:
      'Issuer (RFC 7519 §4.1.1). Salesforce does not document an issuer for SSO JWTs; legacy ones were seen with https://imh.exacttarget.com.',
    interpret: interpretV1Issuer,
  },
  {
    path: 'request.user.oauthToken',
    explanation: 'A live REST API access token, valid 1 hour: anyone holding this JWT can call the REST API as this user.',
    secret: 'credential',
  },
  {
    path: 'request.user.internalOauthToken',
    explanation: 'A live SOAP API token (the "legacy token"): anyone holding this JWT can call the SOAP API as this user.',
    secret: 'credential',
  },
  {
    path: 'request.user.refreshToken',
    explanation:
      'Refresh token for a new oauthToken: valid up to 700 days or until used once; each refresh returns a new one to use next time.',
    secret: 'credential',
  },
  {
    path: 'request.user.expiresIn',
    explanation:
      'A lifetime in seconds, e.g. 1200. The docs are ambiguous: the older page ties it to internalOauthToken, while the SDKs apply it to oauthToken, counted from when the JWT arrives (these JWTs carry no iat).',
    interpret: interpretExpiresIn,
  },
];
