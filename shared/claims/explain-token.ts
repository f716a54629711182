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

/** What of an explanation depends on the clock: the indexes of the clocked claims and header parameters, and what the warnings need. */
export interface ExplanationClock {
  /** The time the explanation was made for (ms). */
  now: number;
  decodedAt: number;
  /** Indexes in `claims` / `header` of the entries whose reading used the clock. */
  claims: number[];
  header: number[];
  /** The payload paths no catalog entry describes (the undocumented-claims note lists them). */
  unknown: string[];
}

/** An explanation and what a clock tick would change in it (plain data: it crosses to and from a Worker). */
export interface TimedExplanation {
  explanation: TokenExplanation;
  clock: ExplanationClock;
}

/** The interpreters' context for a token at a time. */
export function interpretContext(token: DecodedToken, now: number, decodedAt: number): InterpretContext {
  return { now, decodedAt, kind: token.kind, header: token.header, payload: token.payload };
}

/** {@link explainToken}, keeping what depends on the clock, so that retimeExplanation can update only that. */
export function explainTokenTimed(token: DecodedToken, options: ExplainOptions = {}): TimedExplanation {
  const now = options.now ?? Date.now();
  const decodedAt = options.decodedAt ?? now;
  const context = interpretContext(token, now, decodedAt);
  const clock: ExplanationClock = { now, decodedAt, claims: [], header: [], unknown: [] };
  const claims = explainLeaves(token.payload, claimCatalog(token.kind), context, UNDOCUMENTED_CLAIM, clock.unknown, clock.claims);
  const header = explainLeaves(token.header, headerCatalog(token.kind), context, UNDOCUMENTED_HEADER, [], clock.header);
  const explanation: TokenExplanation = {
    kind: token.kind,
    kindLabel: TOKEN_KIND_LABELS[token.kind],
    header,
    claims,
    warnings: tokenWarnings(token, clock.unknown, now),
  };
  return { explanation, clock };
}

/** Explains every header parameter and payload leaf of a decoded token (nothing is verified) and lists warnings and notes. */
export function explainToken(token: DecodedToken, options: ExplainOptions = {}): TokenExplanation {
  return explainTokenTimed(token, options).explanation;
}
