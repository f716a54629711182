import type { TokenKind } from '../decode/token-kind';

/** One claim (leaf path) of a token, explained. */
export interface ExplainedClaim {
  /** Dotted path, e.g. `request.user.id`; array items use their index (`aud.0`). */
  path: string;
  /** The raw value at that path. */
  value: unknown;
  /** Plain-words explanation; for an undocumented claim, a sentence saying so. */
  explanation: string;
  /** False when no public documentation describes this path for this kind of token. */
  documented: boolean;
  /** A reading of the value where one fits (dates, relative times, edition names, offsets), else null. */
  interpretation: string | null;
  /** Documented as not used (e.g. `request.application.features`) or legacy. */
  unused?: boolean;
  /** A live credential: shown masked until revealed; `token` when it can be opened in the decoder. */
  secret?: 'token' | 'credential';
}

/** Warning codes raised while explaining a token. */
export type TokenWarningCode =
  | 'WARN_EXPIRED'
  | 'WARN_NOT_YET_VALID'
  | 'WARN_ALG_NONE'
  | 'WARN_LIVE_TOKENS_IN_CLAIMS'
  | 'WARN_REFRESH_TOKEN_SINGLE_USE'
  | 'WARN_NO_EXPIRY'
  | 'WARN_UNDOCUMENTED_CLAIMS'
  | 'WARN_PAYLOAD_NOT_JSON'
  | 'WARN_UNPROTECTED_HEADER'
  | 'WARN_DUPLICATE_KEYS'
  | 'WARN_LEGACY_PACKAGE'
  | 'WARN_CUSTOM_ACTIVITY_CALL'
  | 'WARN_INPUT_STRIPPED';

/** `warning`: something is wrong or risky with this token; `info`: a fact worth knowing about a sound token. */
export type TokenWarningSeverity = 'warning' | 'info';

/** A warning or note about a token, with a stable code. */
export interface TokenWarning {
  code: TokenWarningCode;
  severity: TokenWarningSeverity;
  message: string;
  /** The claim path it concerns, if any. */
  path?: string;
}

/** Everything the decoder panel and `mctoken decode` show about a token. */
export interface TokenExplanation {
  kind: TokenKind;
  kindLabel: string;
  /** Header parameters, explained. */
  header: ExplainedClaim[];
  /** Every leaf path of the payload, in document order; undocumented ones flagged, never dropped. */
  claims: ExplainedClaim[];
  warnings: TokenWarning[];
}
