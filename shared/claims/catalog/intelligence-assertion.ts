// Intelligence (formerly Datorama) client assertion claims, from Salesforce Help "Generate a JSON Web Token (JWT)".
import type { ClaimEntry } from '../claim-entry';
import { interpretIat } from '../interpret/numeric-date';
import { interpretIntelligenceJti } from '../interpret/jti-shape';
import { interpretIntelligenceAudience, interpretIssEqualsSub } from '../interpret/intelligence-assertion';

/** The documented claims of an Intelligence client assertion; they replace the registered-claim entries. */
export const INTELLIGENCE_ASSERTION_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'iss',
    explanation: 'The service account id (the client id) that signs the assertion; must equal sub.',
    interpret: interpretIssEqualsSub,
  },
  { path: 'sub', explanation: 'The service account id (the client id); must equal iss.', interpret: interpretIssEqualsSub },
  {
    path: 'aud',
    explanation: 'Must be exactly https://idp.intelligence.salesforce.com, the Intelligence identity provider.',
    interpret: interpretIntelligenceAudience,
  },
  {
    path: 'iat',
    explanation:
      'When the assertion was signed, in seconds since 1970-01-01 UTC. The docs list no exp and do not state the allowed clock skew: sign just before the request.',
    interpret: interpretIat,
  },
  {
    path: 'jti',
    explanation:
      'A random id: a UUID with the dashes removed (32 lowercase hex digits). Whether one may be reused is not documented: use a new one each time.',
    interpret: interpretIntelligenceJti,
  },
];
