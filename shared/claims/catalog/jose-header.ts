// JOSE header parameters (RFC 7515 §4.1, RFC 7797) and the extra one Engagement access tokens carry.
import type { ClaimEntry } from '../claim-entry';
import { interpretAlg } from '../interpret/jose-algorithm';

/** The registered JWS header parameters. */
export const JOSE_HEADER_PARAMS: readonly ClaimEntry[] = [
  {
    path: 'alg',
    explanation:
      'Algorithm: how the token is signed (RFC 7515 §4.1.1). Verify with the algorithm you expect, never the one the token names.',
    interpret: interpretAlg,
  },
  { path: 'typ', explanation: 'Type of the whole token, usually JWT (RFC 7515 §4.1.9).' },
  { path: 'cty', explanation: 'Content type of the payload; JWT here means a nested JWT (RFC 7515 §4.1.10).' },
  { path: 'kid', explanation: 'Key ID: a hint which key signed the token (RFC 7515 §4.1.4).' },
  { path: 'jku', explanation: 'JWK Set URL: where the signing key can be fetched; never trust it blindly (RFC 7515 §4.1.2).' },
  { path: 'jwk', explanation: 'The public key itself, embedded in the header; never trust it blindly (RFC 7515 §4.1.3).', subtree: true },
  { path: 'x5u', explanation: 'X.509 certificate URL for the signing key (RFC 7515 §4.1.5).' },
  { path: 'x5c', explanation: 'X.509 certificate chain of the signing key, base64 DER (RFC 7515 §4.1.6).', subtree: true },
  { path: 'x5t', explanation: 'SHA-1 thumbprint of the signing certificate (RFC 7515 §4.1.7).' },
  { path: 'x5t#S256', explanation: 'SHA-256 thumbprint of the signing certificate (RFC 7515 §4.1.8).' },
  { path: 'crit', explanation: 'Header parameters the recipient must understand, or reject the token (RFC 7515 §4.1.11).', subtree: true },
  { path: 'b64', explanation: 'Whether the payload is base64url encoded; false means it is sent as is (RFC 7797).' },
];

/** Header parameters seen on Engagement access tokens beyond the registered ones. */
export const ENGAGEMENT_ACCESS_TOKEN_HEADER: readonly ClaimEntry[] = [
  {
    path: 'ver',
    undocumented: true,
    explanation:
      'Seen in real tokens, not documented: Engagement access tokens carry it (apparently a format version); it is not a registered header parameter.',
  },
];
