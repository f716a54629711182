import type { VerificationKey } from '../../../shared/verify/verification';
import { readEnv } from '../../io/read-env';
import { readTextFile } from '../../io/read-text-file';
import { UsageError } from '../../usage-error';
import type { DecodeOptions } from './decode-options';

/** Where the verification key came from, for the signature line (e.g. "the secret in $JWT_SECRET"); never the key itself. */
export interface KeySource {
  key: VerificationKey;
  description: string;
}

/**
 * The key to verify with, from --secret-file, --secret-env (with --secret-encoding) or --key-file; null when none was given.
 * A secret file's one trailing newline is dropped (what `echo secret > file` adds). A key file holding JSON is a JWK or a JWK set.
 */
export async function verificationKeyFromOptions(options: DecodeOptions, env: NodeJS.ProcessEnv): Promise<KeySource | null> {
  const encoding = options.secretEncoding ?? 'text';
  if (options.secretEnv !== undefined) {
    const secret = readEnv(env, options.secretEnv, '--secret-env');
    return { key: { type: 'secret', secret, encoding }, description: `the ${encoding} secret in $${options.secretEnv}` };
  }
  if (options.secretFile !== undefined) {
    const secret = (await readTextFile(options.secretFile, 'secret file')).replace(/\r?\n$/, '');
    if (secret === '') throw new UsageError(`The secret file ${options.secretFile} is empty: put the JWT signing secret in it.`);
    return { key: { type: 'secret', secret, encoding }, description: `the ${encoding} secret in ${options.secretFile}` };
  }
  if (options.secretEncoding !== undefined) {
    throw new UsageError('--secret-encoding applies to a secret: add --secret-file FILE or --secret-env VAR.');
  }
  if (options.keyFile !== undefined) {
    const text = (await readTextFile(options.keyFile, 'key file')).trim();
    return { key: keyFromFileText(text), description: `the key in ${options.keyFile}` };
  }
  return null;
}

function keyFromFileText(text: string): VerificationKey {
  if (!text.startsWith('{')) return { type: 'pem', pem: text };
  return /"keys"\s*:/.test(text) ? { type: 'jwks', jwks: text } : { type: 'jwk', jwk: text };
}
