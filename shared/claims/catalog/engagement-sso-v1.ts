// App Center SSO JWT, claims version 1 (legacy): what it adds to (or reads differently from) version 2.
import type { ClaimEntry, Interpreter } from '../claim-entry';
import { interpretExpiresIn } from '../interpret/numeric-date';
import { ENGAGEMENT_V1_ISSUER } from '../../decode/detect-token-kind';

const interpretV1Issuer: Interpreter = (value) =>
  value === ENGAGEMENT_V1_ISSUER ? 'The documented issuer of legacy App Center SSO JWTs.' : `Not the documented issuer (${ENGAGEMENT_V1_ISSUER}).`;

/** Claims version 1 entries; they replace the version 2 entries of the same path. */
export const ENGAGEMENT_SSO_V1_CLAIMS: readonly ClaimEntry[] = [
  { path: 'iss', explanation: 'Issuer of the legacy SSO JWT, e.g. https://imh.exacttarget.com.', interpret: interpretV1Issuer },
  {
    path: 'request.user.oauthToken',
    explanation: 'A live REST API access token, valid 1 hour: anyone holding this JWT can call the REST API as this user.',
  },
  {
    path: 'request.user.internalOauthToken',
    explanation: 'A live SOAP API token (the "legacy token"): anyone holding this JWT can call the SOAP API as this user.',
  },
  {
    path: 'request.user.refreshToken',
    explanation: 'Refresh token for a new oauthToken: valid up to 700 days or until used once; each refresh returns a new one to use next time.',
  },
  { path: 'request.user.expiresIn', explanation: 'Lifetime of oauthToken in seconds, e.g. 1200.', interpret: interpretExpiresIn },
];
