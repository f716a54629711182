// shared/verify: signature checks with a key the user supplies. Start here: verifySignature resolves the key
// (resolve-verification-key.ts: secret, PEM, certificate, JWK or JWK set); the messages are in verify-errors.ts.
// Verifies a decoded token's signature(s) with a user-supplied key; the algorithm is allowed by the key, never chosen by the token.
import { errors, flattenedVerify } from 'jose';
import type { DecodedSignature, DecodedToken } from '../decode/decoded-token';
import { WorkbenchError } from '../errors/workbench-error';
import { isHmacAlgorithm, isSupportedAlgorithm } from './jws-algorithms';
import { allowedAlgorithms, type KeyMaterial } from './key-material';
import { resolveVerificationKey } from './resolve-verification-key';
import type { SignatureResult, VerificationKey, VerificationResult } from './verification';
import {
  VERIFY_MESSAGES as M,
  algorithmConfusionError,
  declaredAlgorithmMismatchError,
  keyTypeMismatchError,
  secretForAsymmetricError,
  unsupportedAlgorithmError,
  verifyError,
} from './verify-errors';

/** How good an outcome is, to pick the most telling one when a JWK set offers several keys or a JWS has several signatures. */
const RANK: Record<VerificationResult['status'], number> = { valid: 3, invalid: 2, unchecked: 1, unsupported: 0 };

/** The parts jose checks one signature over (RFC 7515 §7.2.2 flattened form; the compact form is the same with no unprotected header). */
type FlattenedJws = Parameters<typeof flattenedVerify>[0];

function result(status: VerificationResult['status'], alg: string | null, error?: WorkbenchError): VerificationResult {
  return error === undefined ? { status, alg } : { status, alg, error: error.toPayload() };
}

// A secret's verdict says how its text was read into the bytes the signature was compared with.
function withReading(outcome: VerificationResult, material: KeyMaterial): VerificationResult {
  return material.kind === 'secret' && material.encoding !== undefined
    ? { ...outcome, secretKey: { encoding: material.encoding, bytes: material.bytes.length } }
    : outcome;
}

function mismatch(material: KeyMaterial, alg: string): WorkbenchError | null {
  const allowed = allowedAlgorithms(material);
  if (!allowed.includes(alg)) {
    if (isHmacAlgorithm(alg)) return algorithmConfusionError(alg, material.description);
    if (material.kind === 'secret') return secretForAsymmetricError(alg);
    return keyTypeMismatchError(alg, material.description, allowed);
  }
  if (material.declaredAlg !== undefined && material.declaredAlg !== alg) return declaredAlgorithmMismatchError(alg, material.declaredAlg);
  return null;
}

async function verifyWith(material: KeyMaterial, alg: string, jws: FlattenedJws): Promise<VerificationResult> {
  const refused = mismatch(material, alg);
  if (refused !== null) return result('invalid', alg, refused);
  let key: CryptoKey | Uint8Array;
  if (material.kind === 'secret') key = material.bytes;
  else if (material.kind === 'other') return result('invalid', alg, keyTypeMismatchError(alg, material.description, []));
  else {
    try {
      key = await material.importFor(alg);
    } catch {
      return result('unchecked', alg, verifyError('ERR_VERIFY_KEY_INVALID', M.importFailed));
    }
  }
  try {
    await flattenedVerify(jws, key, { algorithms: [alg] });
    return withReading(result('valid', alg), material);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      const message =
        material.kind !== 'secret'
          ? M.badSignatureKey
          : material.encoding === 'text' && material.looksHex
            ? M.secretLooksHex
            : M.badSignatureSecret;
      return withReading(result('invalid', alg, verifyError('ERR_VERIFY_SIGNATURE_INVALID', message)), material);
    }
    if (error instanceof TypeError && /modulusLength/.test(error.message))
      return result('unchecked', alg, verifyError('ERR_VERIFY_KEY_INVALID', M.rsaTooSmall));
    return result('invalid', alg, verifyError('ERR_VERIFY_SIGNATURE_INVALID', M.malformedJws));
  }
}

async function verifyOne(token: DecodedToken, signature: DecodedSignature, key: VerificationKey | null): Promise<VerificationResult> {
  const rawAlg = signature.header.alg;
  if (typeof rawAlg !== 'string' || rawAlg.length === 0)
    return result('unsupported', null, verifyError('ERR_VERIFY_ALG_UNSUPPORTED', M.algMissing));
  const alg = rawAlg;
  if (alg.toLowerCase() === 'none') return result('invalid', alg, verifyError('ERR_VERIFY_ALG_NONE', M.algNone));
  if (!isSupportedAlgorithm(alg)) return result('unsupported', alg, unsupportedAlgorithmError(alg));
  if (key === null) return result('unchecked', alg);
  let candidates: KeyMaterial[];
  try {
    candidates = resolveVerificationKey(key, signature.header, alg);
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    return { status: error.code === 'ERR_VERIFY_ALG_MISMATCH' ? 'invalid' : 'unchecked', alg, error: error.toPayload() };
  }
  const jws: FlattenedJws = {
    payload: token.payloadSegment,
    signature: signature.signatureSegment,
    ...(signature.protectedSegment === '' ? {} : { protected: signature.protectedSegment }),
    ...(signature.unprotectedHeader === null ? {} : { header: signature.unprotectedHeader }),
  };
  // A JWK set may give keys of several types one kid (RFC 7520 4.8): a key that does not fit the algorithm says nothing when one does.
  const fitting = candidates.filter((material) => mismatch(material, alg) === null);
  let best: VerificationResult | null = null;
  for (const material of fitting.length > 0 ? fitting : candidates) {
    const outcome = await verifyWith(material, alg, jws);
    if (outcome.status === 'valid') return outcome;
    if (best === null || RANK[outcome.status] > RANK[best.status]) best = outcome;
  }
  return best ?? result('unchecked', alg);
}

function withKid(outcome: VerificationResult, signature: DecodedSignature): SignatureResult {
  const kid = typeof signature.header.kid === 'string' ? signature.header.kid : null;
  return outcome.error === undefined
    ? { status: outcome.status, alg: outcome.alg, kid }
    : { status: outcome.status, alg: outcome.alg, kid, error: outcome.error };
}

/** Checks a decoded token's signature (for a four-segment Engagement access token, segments 0..2; for a general JWS, every signature, reported in `signatures`, with the best one on top). Statuses: `invalid` for `alg: none` (ERR_VERIFY_ALG_NONE, even without a key), an algorithm the key does not allow (ERR_VERIFY_ALG_MISMATCH) or a wrong signature (ERR_VERIFY_SIGNATURE_INVALID); `unsupported` for an unknown or missing alg (ERR_VERIFY_ALG_UNSUPPORTED); `unchecked` when no key is given, or the key cannot be used (ERR_VERIFY_SECRET_*, ERR_VERIFY_KEY_INVALID, ERR_VERIFY_KID_NOT_FOUND). Expiry is not checked here. Never throws a WorkbenchError: problems are in `error`. */
export async function verifySignature(token: DecodedToken, key: VerificationKey | null): Promise<VerificationResult> {
  const outcomes: VerificationResult[] = [];
  for (const signature of token.signatures) outcomes.push(await verifyOne(token, signature, key));
  if (outcomes.length === 1) return outcomes[0]!;
  let best = outcomes[0]!;
  for (const outcome of outcomes) if (RANK[outcome.status] > RANK[best.status]) best = outcome;
  return { ...best, signatures: outcomes.map((outcome, i) => withKid(outcome, token.signatures[i]!)) };
}
