// `mctoken decode`: decode, explain and verify a token, offline. Options and run, top to bottom; what it prints is in
// decode-output.ts.
import { Option, type Command } from 'commander';
import { explainToken } from '../../shared/claims/explain-token';
import { decodeToken } from '../../shared/decode/decode-token';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { SECRET_ENCODINGS, type SecretEncoding, type VerificationKey, type VerificationResult } from '../../shared/verify/verification';
import { verifySignature } from '../../shared/verify/verify-signature';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, readEnv } from '../terminal/usage';
import { outputWidth, painterFor } from '../terminal/paint';
import { readStdin, readSecretFile, readTextFile, warnIfReadableByOthers } from '../terminal/input';
import { reportError } from '../terminal/report';
import { terminalJson } from '../terminal/safe-text';
import { formatDecodePlain, toDecodeJson } from './decode-output';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken decode`, as commander parses them. */
export interface DecodeOptions {
  json?: boolean;
  secretFile?: string;
  secretEnv?: string;
  secretEncoding?: SecretEncoding;
  keyFile?: string;
}

const EXAMPLES = `
Examples:
  mctoken decode - < token.txt                            # decode and explain a token read from stdin
  pbpaste | mctoken decode                                # the same from a pipe ("-" may be left out)
  mctoken decode - --secret-env MC_JWT_SECRET < sso.jwt   # verify an App Center SSO JWT with its signing secret
  mctoken decode - --secret-file secret.txt --secret-encoding base64 < sso.jwt
  mctoken decode - --key-file public.pem < assertion.jwt  # verify an RS256 token with a public key
  mctoken decode - --key-file jwks.json < jws.json        # a JWS JSON serialization, each signature checked with a JWK set
  mctoken decode - --secret-env SALT_KEY --secret-encoding hex < execute.log  # a custom-activity call signed with a Salt key
  mctoken decode - --json < token.txt | jq '.claims[] | select(.documented | not)'

A raw request as a server log shows it is read too (a request line, headers such as Content-Type: application/jwt, a
blank line, then the body; quotes around it; a JSON body's "jwt" field): what was stripped is said in a note.
A Salt key from Key Management is pasted as it shows it (hexadecimal, 0x optional): use --secret-encoding hex.
Live tokens inside a token (refresh tokens, mcAccessToken) are masked in the text output; --json shows them.
Give tokens on stdin, not as an argument: the arguments of a running command are visible to other users (ps).
mctoken decode eyJhbGciOi... works too, for a token that is not secret. An input holding a control character is refused
(ERR_TOKEN_CONTROL_CHARACTER); names given twice in the header or payload are warned about (WARN_DUPLICATE_KEYS).
Exit status: 0 decoded (and verified, when a key was given; an expired token still decodes, with a warning),
1 malformed token or failed verification, 2 wrong usage.`;

/** Registers `mctoken decode`. */
export function registerDecodeCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('decode')
    .summary('decode, explain and verify a token (offline)')
    .description(
      'Decode a JWT, a Marketing Cloud Engagement App Center SSO JWT (legacy installed packages only), a Journey Builder custom-activity call, a four-segment Engagement access token or any JWS (compact or JSON, any payload): its kind, header, every claim explained, warnings, notes and the signature status. Nothing is sent anywhere.',
    )
    .argument('[token]', 'the token; "-" or nothing (with piped input) reads it from stdin')
    .option('--json', 'print one JSON object instead of text')
    .addOption(
      new Option('--secret-file <file>', 'verify HS256 with the JWT signing secret in this file (a trailing newline is ignored)').conflicts(
        ['secretEnv', 'keyFile'],
      ),
    )
    .addOption(
      new Option('--secret-env <var>', 'verify HS256 with the JWT signing secret in this environment variable').conflicts(['keyFile']),
    )
    .addOption(new Option('--secret-encoding <encoding>', 'how the secret is written (default: text)').choices(SECRET_ENCODINGS))
    .addOption(
      new Option('--key-file <file>', 'verify RS/PS/ES/EdDSA signatures with this public key: PEM, X.509 certificate, JWK or JWK set'),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: DecodeOptions) => {
      outcome.exitCode = await runDecode(token, options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/**
 * Reads the token, decodes and explains it, verifies it when a key was given, prints text or JSON.
 * The signature status is always the verifier's (without a key: unchecked, or invalid for `alg: none`), as in the app.
 * Returns 0 when it decoded and any requested verification passed, 1 when the verification did not pass;
 * a malformed token or a usage problem is thrown (exit 1 or 2 at the top).
 */
export async function runDecode(tokenArgument: string | undefined, options: DecodeOptions, io: CliIo): Promise<number> {
  const source = await verificationKeyFromOptions(options, io);
  const token = decodeToken(await readTokenInput(tokenArgument, io));
  const explanation = explainToken(token, { now: Date.now() });
  const signature = await verifySignature(token, source?.key ?? null);
  if (options.json === true) io.stdout.write(terminalJson(toDecodeJson(token, explanation, signature)));
  else
    io.stdout.write(
      formatDecodePlain(token, explanation, signature, source?.description ?? null, {
        paint: painterFor(io.stdout, io.env),
        width: outputWidth(io.stdout),
      }),
    );
  if (source === null || signature.status === 'valid') return EXIT_OK;
  reportError(signature.error ?? verificationFailed(signature), io);
  return EXIT_FAILURE;
}

/** For a result that carries no error of its own (the verifier gives one for every failure it knows). */
function verificationFailed(signature: VerificationResult): ErrorPayload {
  return {
    code: 'ERR_VERIFY_KEY_INVALID',
    message: `The signature was not verified (${signature.status}): check that the secret or key is the one for this token.`,
  };
}

/** The token text: the argument, or stdin when the argument is `-` or absent with stdin piped; absent with a terminal is a usage error. */
async function readTokenInput(argument: string | undefined, io: Pick<CliIo, 'stdin'>): Promise<string> {
  if (argument === '-') return readStdin(io.stdin);
  if (argument !== undefined) return argument;
  if (io.stdin.isTTY === true) {
    throw new UsageError('No token given: pass it as an argument, or pipe it on stdin (mctoken decode - < token.txt).');
  }
  return readStdin(io.stdin);
}

/** Where the verification key came from, for the signature line (e.g. "the secret in $JWT_SECRET"); never the key itself. */
interface KeySource {
  key: VerificationKey;
  description: string;
}

/**
 * The key to verify with, from --secret-file, --secret-env (with --secret-encoding) or --key-file; null when none was given.
 * A secret file's one trailing newline is dropped (what `echo secret > file` adds). A key file holding JSON is a JWK or a JWK set.
 */
async function verificationKeyFromOptions(options: DecodeOptions, io: CliIo): Promise<KeySource | null> {
  const { env } = io;
  const encoding = options.secretEncoding ?? 'text';
  if (options.secretEnv !== undefined) {
    const secret = readEnv(env, options.secretEnv, '--secret-env');
    return { key: { type: 'secret', secret, encoding }, description: `the ${encoding} secret in $${options.secretEnv}` };
  }
  if (options.secretFile !== undefined) {
    const secret = (await readSecretFile(options.secretFile, 'secret file', io)).replace(/\r?\n$/, '');
    if (secret === '') throw new UsageError(`The secret file ${options.secretFile} is empty: put the JWT signing secret in it.`);
    return { key: { type: 'secret', secret, encoding }, description: `the ${encoding} secret in ${options.secretFile}` };
  }
  if (options.secretEncoding !== undefined) {
    throw new UsageError('--secret-encoding applies to a secret: add --secret-file FILE or --secret-env VAR.');
  }
  if (options.keyFile !== undefined) {
    const text = (await readTextFile(options.keyFile, 'key file')).trim();
    // A public key or certificate may be world-readable; a private key (its public half is used) should not be.
    if (text.includes('PRIVATE KEY')) await warnIfReadableByOthers(options.keyFile, 'key file', io);
    return { key: keyFromFileText(text), description: `the key in ${options.keyFile}` };
  }
  return null;
}

function keyFromFileText(text: string): VerificationKey {
  if (!text.startsWith('{')) return { type: 'pem', pem: text };
  return /"keys"\s*:/.test(text) ? { type: 'jwks', jwks: text } : { type: 'jwk', jwk: text };
}
