// `mctoken token`: run the Intelligence token flow and print the access token. Options, run and output, top to bottom.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import type { FlowStep, IssuedToken, ShownField, TokenRequestStyle } from '../../shared/intelligence/flow-types';
import { checkClientId } from '../../shared/intelligence/client-id';
import { REGIONS, discoveryUrlForRegion, type Region } from '../../shared/intelligence/regions';
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_OK,
  UsageError,
  discoveryUrlOption,
  interruptSignal,
  keyFileError,
  painterFor,
  readEnv,
  readTextFile,
  reportError,
  reportWarning,
  usageCheck,
  type CliIo,
  type CliOutcome,
  type Painter,
} from '../terminal';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken token`, as commander parses them. */
export interface TokenOptions {
  profile?: string;
  clientId?: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  passphraseEnv?: string;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
  queryStyle?: boolean;
}

/** Largest --timeout-ms accepted: ten minutes. */
export const MAX_TIMEOUT_MS = 600_000;

/** Commander argument parser for --timeout-ms: a whole number of milliseconds from 1 to {@link MAX_TIMEOUT_MS}. */
export function parseTimeoutMs(value: string): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1 || parsed > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(`It must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }
  return parsed;
}

const EXAMPLES = `
Examples:
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken token --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file key.pem --verbose
  MC_KEY_PASS=... mctoken token --client-id "$SA_ID" --region eu1 --key-file encrypted.pem --passphrase-env MC_KEY_PASS
  mctoken token --profile prod --json
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" https://...

The key file may be PKCS#1 or PKCS#8 PEM, even pasted with literal \\n escapes or quotes. Only https discovery URLs
are accepted (http only for localhost/127.0.0.1/::1); any other http URL is refused before connecting (exit 2).
Exit status: 0 token issued, 1 the flow failed (the OAuth error, its description and a hint on stderr), 2 wrong usage,
130 interrupted.`;

/** Registers `mctoken token`. */
export function registerTokenCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('token')
    .summary('get a Marketing Cloud Intelligence API access token')
    .description(
      'Run the Marketing Cloud Intelligence token flow (discovery, RS256 client assertion, token request) and print the access token alone on stdout, so $(mctoken token ...) works. Use a saved profile, or give the service account id, the region or discovery URL and the private key file.',
    )
    .addOption(new Option('--profile <name>', 'use a profile saved in the app or with "mctoken profiles save"').conflicts(['clientId', 'region', 'discoveryUrl', 'keyFile', 'passphraseEnv']))
    .option('--client-id <id>', 'the service account id (client id)')
    .addOption(new Option('--region <region>', 'the Intelligence region, a shortcut for its discovery URL').choices(REGIONS).conflicts('discoveryUrl'))
    .option('--discovery-url <url>', 'the discovery endpoint URL you were given')
    .option('--key-file <file>', 'the RSA private key file (PEM)')
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key')
    .option('--json', 'print {access_token, expires_in, expires_at, token_endpoint} as JSON')
    .option('--timeout-ms <n>', 'give up on a network step after this many milliseconds (default 15000)', parseTimeoutMs)
    .option('--verbose', 'print each step (status, duration, request and response with secrets masked) on stderr')
    .option('--query-style', "send the token request parameters in the query string, as Salesforce's docs show, instead of a form POST body")
    .addHelpText('after', EXAMPLES)
    .action(async (options: TokenOptions) => {
      outcome.exitCode = await runToken(options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/**
 * Resolves the client, discovery URL and key (options or profile), runs the Intelligence token flow, and prints the access
 * token alone (or `--json`) on stdout; steps go to stderr with --verbose, warnings always. Returns the exit status.
 */
export async function runToken(options: TokenOptions, io: CliIo): Promise<number> {
  const target = options.profile === undefined ? await targetFromOptions(options, io.env) : await targetFromProfile(options.profile, io.env);
  // Loaded only when a token is asked for: the flow and the network layer are not needed for --help or the other commands.
  const [{ runTokenFlow }, { DEFAULT_SAFE_FETCH_TIMEOUT_MS, createSafeFetch }] = await Promise.all([
    import('../../shared/intelligence/run-token-flow'),
    import('../../electron/services/net/safe-fetch'),
  ]);
  const paint = painterFor(io.stderr, io.env);
  const interrupt = interruptSignal();
  try {
    const report = await runTokenFlow(
      {
        clientId: target.clientId,
        discoveryUrl: target.discoveryUrl,
        privateKey: target.privateKey,
        tokenRequestStyle: options.queryStyle === true ? 'query' : target.tokenRequestStyle,
        signal: interrupt.signal,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      },
      {
        // The flow times each step itself (--timeout-ms); safe-fetch's own limit stays well above it so the flow's message wins.
        fetch: createSafeFetch({ timeoutMs: Math.max(DEFAULT_SAFE_FETCH_TIMEOUT_MS, 2 * (options.timeoutMs ?? 0)) }),
        ...(options.verbose === true ? { onStep: (step) => io.stderr.write(formatStep(step, paint)) } : {}),
      },
    );
    for (const warning of report.warnings) reportWarning(warning.message, io);
    if (!report.outcome.ok) {
      reportError(report.outcome.error, io);
      return report.outcome.error.code === 'ERR_CANCELLED' && interrupt.signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
    }
    const token = report.outcome.token;
    io.stdout.write(options.json === true ? `${JSON.stringify(toTokenJson(token), null, 2)}\n` : `${token.accessToken}\n`);
    return EXIT_OK;
  } finally {
    interrupt.dispose();
  }
}

/** What the token flow needs, resolved from the command-line options or from a saved profile. */
interface TokenTarget {
  clientId: string;
  discoveryUrl: string;
  tokenRequestStyle: TokenRequestStyle;
  privateKey: CryptoKey;
}

/**
 * The token target from --client-id, --region or --discovery-url, --key-file and --passphrase-env. Everything that is a usage
 * problem (a missing option, an unset variable, an http discovery URL that is not loopback) is found before any file is read
 * or any connection made.
 */
async function targetFromOptions(options: TokenOptions, env: NodeJS.ProcessEnv): Promise<TokenTarget> {
  const { clientId, keyFile, region, discoveryUrl: url } = options;
  if (clientId === undefined || keyFile === undefined || (region === undefined && url === undefined)) {
    const missing = [
      clientId === undefined ? '--client-id ID' : '',
      region === undefined && url === undefined ? '--region REGION or --discovery-url URL' : '',
      keyFile === undefined ? '--key-file KEY.pem' : '',
    ].filter(Boolean);
    throw new UsageError(`mctoken token needs ${missing.join(', ')}; or use a saved profile with --profile NAME.`);
  }
  const checkedClientId = usageCheck(() => checkClientId(clientId));
  const discoveryUrl = region === undefined ? discoveryUrlOption(url ?? '') : discoveryUrlForRegion(region);
  const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(env, options.passphraseEnv, '--passphrase-env');
  const privateKey = await loadKeyFile(keyFile, passphrase);
  return { clientId: checkedClientId, discoveryUrl, tokenRequestStyle: 'form', privateKey };
}

/**
 * Reads and imports the RSA private key in `path` (every shape the core normalizes: PKCS#1, PKCS#8, `\n`-escaped, quoted,
 * encrypted with `passphrase`). Errors name the file and the problem, never the key.
 */
async function loadKeyFile(path: string, passphrase: string | undefined): Promise<CryptoKey> {
  const pem = await readTextFile(path, 'key file');
  const [{ loadPrivateKey }, { nodeKeyDecryptor }] = await Promise.all([
    import('../../shared/keys/load-private-key'),
    import('../../electron/services/node-key-decryptor'),
  ]);
  try {
    const loaded = await loadPrivateKey(pem, passphrase === undefined ? { decryptor: nodeKeyDecryptor } : { passphrase, decryptor: nodeKeyDecryptor });
    return loaded.key;
  } catch (error) {
    if (error instanceof WorkbenchError) throw keyFileError(error.toPayload(), path, passphrase !== undefined);
    throw error;
  }
}

/** The token target from a saved Intelligence profile; its key is read from the OS keychain and imported, never shown. */
async function targetFromProfile(name: string, env: NodeJS.ProcessEnv): Promise<TokenTarget> {
  const { openServices, findProfileByName } = await import('../services');
  const services = openServices(env);
  const profile = await findProfileByName(services.profiles, name);
  if (profile.product !== 'intelligence' || profile.discoveryUrl === null) {
    throw new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${profile.name}" is not an Intelligence profile with a discovery URL: mctoken token needs one.`, {
      hint: 'Run "mctoken profiles show NAME" to check it, or save one with "mctoken profiles save".',
    });
  }
  if (!profile.hasSecret) {
    throw new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${profile.name}" has no private key stored: save it again with --key-file KEY.pem.`);
  }
  const privateKey = await services.profiles.getPrivateKey(profile.id);
  return { clientId: profile.clientId, discoveryUrl: profile.discoveryUrl, tokenRequestStyle: profile.tokenRequestStyle, privateKey };
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** What `mctoken token --json` prints. */
export interface TokenJson {
  access_token: string;
  expires_in: number;
  /** ISO-8601. */
  expires_at: string;
  token_endpoint: string;
}

function toTokenJson(token: IssuedToken): TokenJson {
  return {
    access_token: token.accessToken,
    expires_in: token.expiresIn,
    expires_at: new Date(token.expiresAt).toISOString(),
    token_endpoint: token.tokenEndpoint,
  };
}

/** How a sensitive value appears in --verbose output: its length only, never the value. */
function maskedValue(value: string): string {
  return `<masked: ${value.length} chars>`;
}

function field(item: ShownField): string {
  return `${item.name}: ${item.sensitive ? maskedValue(item.value) : item.value}`;
}

/**
 * One step of the token flow as `--verbose` prints it on stderr: status, duration, the request and the response with
 * sensitive values masked (the response's masked `body`, never `revealedBody`), the decoded assertion and the error.
 */
function formatStep(step: FlowStep, paint: Painter): string {
  if (step.status === 'running') return `${paint.dim('..')} ${step.title}\n`;
  const mark = step.status === 'ok' ? paint.green('ok') : step.status === 'failed' ? paint.red('FAILED') : paint.yellow(step.status);
  const lines = [`${mark} ${paint.bold(step.title)}${step.durationMs === undefined ? '' : paint.dim(` (${Math.round(step.durationMs)} ms)`)}`];
  if (step.request) {
    lines.push(`   ${step.request.method} ${step.request.url}`);
    for (const header of step.request.headers) lines.push(`     ${field(header)}`);
    for (const param of step.request.params) lines.push(`     ${paint.dim('param')} ${field(param)}`);
  }
  if (step.assertion) {
    lines.push(`   header ${JSON.stringify(step.assertion.header)}`);
    lines.push(`   claims ${JSON.stringify(step.assertion.payload)}`);
  }
  if (step.response) {
    lines.push(`   -> HTTP ${step.response.status}`);
    for (const header of step.response.headers) lines.push(`     ${field(header)}`);
    if (step.response.body !== '') lines.push(...step.response.body.split('\n').map((line) => `     ${line}`));
  }
  if (step.error) lines.push(`   ${paint.red(step.error.code)} ${step.error.message}`);
  return `${lines.join('\n')}\n`;
}
