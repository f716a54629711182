import { explainToken } from '../../../shared/claims/explain-token';
import { decodeToken } from '../../../shared/decode/decode-token';
import type { ErrorPayload } from '../../../shared/errors/workbench-error';
import type { VerificationResult } from '../../../shared/verify/verification';
import { verifySignature } from '../../../shared/verify/verify-signature';
import type { CliIo } from '../../cli-io';
import { EXIT_FAILURE, EXIT_OK } from '../../exit-codes';
import { painterFor } from '../../io/color';
import { reportError } from '../../io/report-error';
import { outputWidth } from '../../io/wrap-text';
import { toDecodeJson } from './decode-json';
import type { DecodeOptions } from './decode-options';
import { formatDecodePlain } from './decode-plain';
import { readTokenInput } from './read-token-input';
import { verificationKeyFromOptions } from './verification-key-from-options';

/**
 * `mctoken decode`: reads the token, decodes and explains it, verifies it when a key was given, prints text or JSON.
 * The signature status is always the verifier's (without a key: unchecked, or invalid for `alg: none`), as in the app.
 * Returns 0 when it decoded and any requested verification passed, 1 when the verification did not pass;
 * a malformed token or a usage problem is thrown (exit 1 or 2 at the top).
 */
export async function runDecode(tokenArgument: string | undefined, options: DecodeOptions, io: CliIo): Promise<number> {
  const source = await verificationKeyFromOptions(options, io.env);
  const token = decodeToken(await readTokenInput(tokenArgument, io));
  const explanation = explainToken(token, { now: Date.now() });
  const signature = await verifySignature(token, source?.key ?? null);
  if (options.json === true) io.stdout.write(`${JSON.stringify(toDecodeJson(token, explanation, signature), null, 2)}\n`);
  else io.stdout.write(formatDecodePlain(explanation, signature, source?.description ?? null, { paint: painterFor(io.stdout, io.env), width: outputWidth(io.stdout) }));
  if (source === null || signature.status === 'valid') return EXIT_OK;
  reportError(signature.error ?? verificationFailed(signature), io);
  return EXIT_FAILURE;
}

/** For a result that carries no error of its own (the verifier gives one for every failure it knows). */
function verificationFailed(signature: VerificationResult): ErrorPayload {
  return { code: 'ERR_VERIFY_KEY_INVALID', message: `The signature was not verified (${signature.status}): check that the secret or key is the one for this token.` };
}
