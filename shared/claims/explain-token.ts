// shared/claims: what every claim of a token means. Start here: explainToken walks the decoded token (explain-leaves.ts)
// against the catalog for its kind (claim-catalog.ts assembles catalog/*, one file per kind of token), reads values with
// interpret/*, and adds the warnings and notes of token-warnings.ts. Output types are in explained-claim.ts.
// Explains a decoded token: every header parameter and payload leaf in plain words, with readings, warnings and notes.
import type { DecodedToken } from '../decode/decoded-token';
import { TOKEN_KIND_LABELS } from '../decode/token-kind';
import { claimCatalog, headerCatalog } from './claim-catalog';
import type { InterpretContext } from './claim-entry';
import { explainLeaves } from './explain-leaves';
import type { TokenExplanation } from './explained-claim';
import { tokenWarnings } from './token-warnings';

/** The explanation given to a payload claim no public documentation describes. */
export const UNDOCUMENTED_CLAIM = 'Not in the public documentation for this kind of token; shown as found.';

/** The explanation given to a header parameter that is not registered. */
export const UNDOCUMENTED_HEADER = 'Not a registered JOSE header parameter and not in the public docs; shown as found.';

/** Options for {@link explainToken}. */
export interface ExplainOptions {
  /** The reference time in milliseconds since the epoch (default: now). */
  now?: number;
  /** When the token was decoded (default: `now`): a v1 `expiresIn` counts from it, since those JWTs carry no `iat`. */
  decodedAt?: number;
}

/** Explains every header parameter and payload leaf of a decoded token (nothing is verified) and lists warnings and notes. */
export function explainToken(token: DecodedToken, options: ExplainOptions = {}): TokenExplanation {
  const now = options.now ?? Date.now();
  const context: InterpretContext = {
    now,
    decodedAt: options.decodedAt ?? now,
    kind: token.kind,
    header: token.header,
    payload: token.payload,
  };
  const unknown: string[] = [];
  const claims = explainLeaves(token.payload, claimCatalog(token.kind), context, UNDOCUMENTED_CLAIM, unknown);
  return {
    kind: token.kind,
    kindLabel: TOKEN_KIND_LABELS[token.kind],
    header: explainLeaves(token.header, headerCatalog(token.kind), context, UNDOCUMENTED_HEADER),
    claims,
    warnings: tokenWarnings(token, unknown, now),
  };
}
