import type { TokenExplanation } from '../../../shared/claims/explained-claim';
import type { DecodedToken, JsonObject } from '../../../shared/decode/decoded-token';
import type { TokenKind } from '../../../shared/decode/token-kind';
import type { SignatureStatus, VerificationResult } from '../../../shared/verify/verification';

/** The one JSON object `mctoken decode --json` prints: the contract scripts rely on. */
export interface DecodeJson {
  kind: TokenKind;
  header: JsonObject;
  payload: JsonObject;
  /** Every leaf path of the payload, in document order. */
  claims: { path: string; value: unknown; explanation: string; interpretation: string | null; documented: boolean }[];
  signature: { alg: string | null; status: SignatureStatus };
  warnings: { code: string; message: string }[];
}

/** Builds the `--json` object from a decoded token, its explanation and its signature check. */
export function toDecodeJson(token: DecodedToken, explanation: TokenExplanation, signature: VerificationResult): DecodeJson {
  return {
    kind: explanation.kind,
    header: token.header,
    payload: token.payload,
    claims: explanation.claims.map((claim) => ({
      path: claim.path,
      value: claim.value,
      explanation: claim.explanation,
      interpretation: claim.interpretation,
      documented: claim.documented,
    })),
    signature: { alg: signature.alg, status: signature.status },
    warnings: explanation.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
}
