// RFC 7519 §4.1 registered claims: documented for every kind of JWT.
import type { ClaimEntry } from '../claim-entry';
import { interpretExp, interpretIat, interpretNbf } from '../interpret/numeric-date';
import { interpretJti } from '../interpret/jti-shape';

/** The registered JWT claims (RFC 7519 §4.1), with generic explanations. */
export const REGISTERED_CLAIMS: readonly ClaimEntry[] = [
  { path: 'iss', explanation: 'Issuer: who created and signed the token (RFC 7519 §4.1.1).' },
  { path: 'sub', explanation: 'Subject: whom the token is about (RFC 7519 §4.1.2).' },
  {
    path: 'aud',
    explanation: 'Audience: who the token is meant for; a recipient must reject a token not addressed to it (RFC 7519 §4.1.3).',
  },
  {
    path: 'exp',
    explanation: 'Expiration time, in seconds since 1970-01-01 UTC: the token must not be accepted on or after it (RFC 7519 §4.1.4).',
    interpret: interpretExp,
  },
  {
    path: 'nbf',
    explanation: 'Not before, in seconds since 1970-01-01 UTC: the token must not be accepted before it (RFC 7519 §4.1.5).',
    interpret: interpretNbf,
  },
  {
    path: 'iat',
    explanation: 'Issued at, in seconds since 1970-01-01 UTC: when the token was created (RFC 7519 §4.1.6).',
    interpret: interpretIat,
  },
  {
    path: 'jti',
    explanation: 'JWT ID: a unique id for this token, which lets a server refuse a replay (RFC 7519 §4.1.7).',
    interpret: interpretJti,
  },
];
