// The claims of an Intelligence client assertion, exactly as the docs list them.
import { INTELLIGENCE_AUDIENCE } from '../decode/intelligence-audience';

/** The claims set of a client assertion: iss = sub = client id, the fixed audience, iat in seconds and a dashless jti. The docs list no exp. */
export interface AssertionClaims {
  iss: string;
  sub: string;
  aud: string;
  /** Seconds since the epoch. */
  iat: number;
  /** A random UUID without its dashes: 32 lowercase hex characters. */
  jti: string;
}

/** The protected header of a client assertion. */
export interface AssertionHeader {
  alg: string;
  typ?: string;
}

/** The header every assertion is signed with. */
export const ASSERTION_HEADER: Readonly<AssertionHeader> = { alg: 'RS256', typ: 'JWT' };

/** Builds the claims for `clientId` at `nowMs` (milliseconds; iat becomes whole seconds) with a jti from `randomUUID` (dashes removed, lowercased). */
export function buildAssertionClaims(clientId: string, nowMs: number, randomUUID: () => string): AssertionClaims {
  return {
    iss: clientId,
    sub: clientId,
    aud: INTELLIGENCE_AUDIENCE,
    iat: Math.floor(nowMs / 1000),
    jti: randomUUID().replace(/-/g, '').toLowerCase(),
  };
}
