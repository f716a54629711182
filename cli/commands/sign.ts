// `mctoken sign`: compose and sign a token from a template (a Journey Builder custom-activity execute call, an App Center
// SSO JWT v2, a plain JWT), with a secret, a private key file or a saved profile's secret or key. Options, run and output.
import { Option, type Command } from 'commander';
import type { ComposeKeySource, SignedToken } from '../../shared/compose/compose-types';
import type { ComposePort } from '../../electron/services/compose/compose-service';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { SECRET_ENCODINGS, type SecretEncoding } from '../../shared/verify/verification';
import { EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, readEnv, usageCheck } from '../terminal/usage';
import { keyFileError, readSecretFile, readStdin, readTextFile } from '../terminal/input';
import { reportWarning } from '../terminal/report';
import { terminalJson, terminalSafe } from '../terminal/safe-text';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken sign`. */
export interface SignOptions {
  template: string;
  payloadFile?: string;
  headerFile?: string;
  secretEnv?: string;
  secretFile?: string;
  secretEncoding?: SecretEncoding;
  keyFile?: string;
  passphraseEnv?: string;
  profile?: string;
  alg?: string;
  /** A duration, or false with --no-expires-in (iat/exp left as the payload has them). */
  expiresIn?: string | false;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  mctoken sign --template activity-execute --secret-env MC_JWT_SECRET          # an execute call as Journey Builder signs it
  mctoken sign --template activity-execute --payload-file call.json --secret-file salt.hex --secret-encoding hex
  mctoken sign --template sso-v2 --profile mc-prod --expires-in 15m            # the profile's JWT signing secret, from the keychain
  mctoken sign --template jwt --payload-file - --key-file ec.pem --alg ES256 < claims.json
  mctoken sign --template activity-execute --secret-env MC_JWT_SECRET | mctoken send http://localhost:3000/execute --token-file -

The payload file (or "-" for stdin) replaces the template's sample payload; --header-file its header. With a lifetime
(--expires-in 90s, 15m, 1h, 1h30m, 2d; each template has its own default) iat is set to now and exp to now + lifetime;
--no-expires-in leaves them as written. Recorded activity calls carry neither, and whether real ones do is unknown.
A Salt key from Key Management is used with its bytes: pass it as shown (hexadecimal) with --secret-encoding hex.
alg "none" is never produced. Exit status: 0 signed, 1 failure (bad JSON, a key that does not fit the algorithm), 2 wrong usage.`;

/** Registers `mctoken sign`. */
export function registerSignCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('sign')
    .summary('compose and sign a token: a custom-activity call, an SSO JWT or any JWT')
    .description(
      "Build a token from a template and your JSON, set iat/exp from a lifetime, and sign it HS256/384/512 with a secret or RS/PS/ES/EdDSA with a private key (a file, or a saved profile's key from the OS keychain, never printed). Prints the token.",
    )
    .addOption(new Option('--template <id>', 'what to start from').choices(['activity-execute', 'sso-v2', 'jwt']).makeOptionMandatory())
    .option('--payload-file <file>', 'the payload JSON ("-": stdin) instead of the template\'s sample')
    .option('--header-file <file>', "the header JSON instead of the template's")
    .addOption(
      new Option('--secret-env <var>', 'sign HS* with the secret in this environment variable').conflicts([
        'secretFile',
        'keyFile',
        'profile',
      ]),
    )
    .addOption(
      new Option('--secret-file <file>', 'sign HS* with the secret in this file (a trailing newline is ignored)').conflicts([
        'keyFile',
        'profile',
      ]),
    )
    .addOption(new Option('--secret-encoding <encoding>', 'how the secret is written (default: text)').choices(SECRET_ENCODINGS))
    .addOption(new Option('--key-file <file>', 'sign RS/PS/ES/EdDSA with this private key (PEM)').conflicts(['profile']))
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key')
    .option('--profile <name>', "sign with a saved profile's JWT signing secret (Engagement) or private key (Intelligence)")
    .option('--alg <alg>', 'HS256 (default), HS384, HS512, RS256…, PS256…, ES256/384/512 or EdDSA')
    .option('--expires-in <duration>', "the token's lifetime: iat = now, exp = now + this (e.g. 15m, 1h)")
    .option('--no-expires-in', 'set no iat/exp (leave them as the payload has them)')
    .option('--json', 'print {token, header, payload, alg, key} as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (options: SignOptions) => {
      outcome.exitCode = await runSign(options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/** Reads the JSON and the key, signs in this process (through the app's Compose service), prints the token. */
async function runSign(options: SignOptions, io: CliIo): Promise<number> {
  const [{ templateDraft }, { composeAlgorithm }] = await Promise.all([
    import('../../shared/compose/compose-draft'),
    import('../../shared/compose/prepare-token'),
  ]);
  const draft = usageCheck(() => templateDraft(options.template as 'jwt'));
  const given = [options.secretEnv, options.secretFile, options.keyFile, options.profile].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new UsageError('Say what signs the token: one of --secret-env VAR, --secret-file FILE, --key-file KEY.pem or --profile NAME.');
  }
  if (options.keyFile !== undefined && options.alg === undefined) {
    throw new UsageError('Say which algorithm the key signs with: --alg RS256, PS256, ES256, ES384, ES512 or EdDSA.');
  }
  const alg = usageCheck(() => composeAlgorithm(options.alg ?? draft.alg));
  const payload = options.payloadFile === undefined ? draft.payload : await readJsonInput(options.payloadFile, 'payload file', io);
  const written = options.headerFile === undefined ? draft.header : await readJsonInput(options.headerFile, 'header file', io);
  const header = options.headerFile === undefined ? JSON.stringify({ ...(JSON.parse(written) as object), alg }) : written;
  const expiresIn = options.expiresIn === false ? null : (options.expiresIn ?? draft.expiresIn);
  const { signer, key } = await signerAndKey(options, io);
  let signed: SignedToken;
  try {
    signed = await signer.sign({ header, payload, alg, expiresIn, key });
  } catch (error) {
    if (error instanceof WorkbenchError && options.keyFile !== undefined)
      throw keyFileError(error.toPayload(), options.keyFile, options.passphraseEnv !== undefined);
    throw error;
  }
  for (const [part, paths] of Object.entries(signed.duplicates))
    if (paths.length > 0) reportWarning(`The ${part} gives ${paths.join(', ')} more than once: the last one was signed.`, io);
  if (options.json === true) {
    const { token, header: h, payload: p, alg: a, keyDescription } = signed;
    io.stdout.write(terminalJson({ token, header: h, payload: p, alg: a, key: keyDescription }));
  } else io.stdout.write(`${terminalSafe(signed.token)}\n`);
  return EXIT_OK;
}

/** A JSON file, or stdin for "-" (checked by the Compose service, like the app's editor). */
async function readJsonInput(path: string, what: string, io: CliIo): Promise<string> {
  return path === '-' ? readStdin(io.stdin) : readTextFile(path, what);
}

/** Who signs and with what: the app's services for --profile (the keychain), a Compose service without profiles otherwise. */
async function signerAndKey(options: SignOptions, io: CliIo): Promise<{ signer: ComposePort; key: ComposeKeySource }> {
  if (options.profile !== undefined) {
    const { openServices, findProfileByName } = await import('../services');
    const services = openServices(io.env);
    const profile = await findProfileByName(services.profiles, options.profile);
    return { signer: services.compose, key: { type: 'profile', profileId: profile.id } };
  }
  const [{ createComposeService }, { nodeKeyDecryptor }] = await Promise.all([
    import('../../electron/services/compose/compose-service'),
    import('../../electron/services/node-key-decryptor'),
  ]);
  const noProfiles = () => Promise.reject(new UsageError('No profile was named.'));
  const signer = createComposeService({
    profiles: { get: noProfiles, getSigningSecret: noProfiles, privateKeyFor: noProfiles },
    decryptor: nodeKeyDecryptor,
    fetch: () => Promise.reject(new UsageError('mctoken sign sends nothing.')),
  });
  if (options.keyFile !== undefined) {
    const pem = await readSecretFile(options.keyFile, 'key file', io);
    const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(io.env, options.passphraseEnv, '--passphrase-env');
    return { signer, key: { type: 'pem', pem, ...(passphrase === undefined ? {} : { passphrase }) } };
  }
  const secret =
    options.secretEnv !== undefined
      ? readEnv(io.env, options.secretEnv, '--secret-env')
      : (await readSecretFile(options.secretFile ?? '', 'secret file', io)).replace(/\r?\n$/, '');
  return { signer, key: { type: 'secret', secret, encoding: options.secretEncoding ?? 'text' } };
}
