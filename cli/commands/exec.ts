// `mctoken exec --profile NAME -- COMMAND [ARGS...]`: runs COMMAND with a valid token of a saved profile in its environment
// (MC_ACCESS_TOKEN, MC_TOKEN_EXPIRES_AT, and for Engagement MC_REST_URL and MC_SOAP_URL), never on a command line, the
// way `aws-vault exec` does. The token comes from the token cache (cli/profile-token.ts). Ends with COMMAND's exit status.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Command } from 'commander';
import type { CachedToken } from '../../electron/services/token-cache/cached-token';
import { profileToken } from '../profile-token';
import { EXIT_FAILURE, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError } from '../terminal/usage';
import { terminalSafe } from '../terminal/safe-text';
import { TIMEOUT_HELP, parseMinValid, parseTimeoutMs } from '../option-parsers';

/** Exit status when COMMAND cannot be started, as a shell reports it. */
export const EXIT_NOT_STARTED = 127;

/** The options of `mctoken exec`. */
interface ExecOptions {
  profile: string;
  minValid?: number;
  fresh?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
}

const EXAMPLES = `
Examples:
  mctoken exec --profile prod -- sh -c 'curl -H "Authorization: Bearer $MC_ACCESS_TOKEN" "$MC_REST_URL"asset/v1/content/assets'
  mctoken exec --profile prod --min-valid 600 -- python sync.py

COMMAND gets MC_ACCESS_TOKEN, MC_TOKEN_EXPIRES_AT (ISO 8601) and, for Engagement, MC_REST_URL and MC_SOAP_URL in its
environment. A cached token is reused while it has --min-valid seconds left (default 60).
Exit status: COMMAND's own; 1 when no token could be had (COMMAND does not run); 2 wrong usage; 127 COMMAND cannot be started.`;

/** Registers `mctoken exec`. */
export function registerExecCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('exec')
    .summary("run a command with a saved profile's token in its environment")
    .description(
      "Get a saved profile's token (a cached one while it has --min-valid seconds left) and run COMMAND with it in MC_ACCESS_TOKEN, never on a command line.",
    )
    .requiredOption('--profile <name>', 'the saved profile (either product)')
    .option('--min-valid <seconds>', 'reuse a cached token only with at least this long left (default 60)', parseMinValid)
    .option('--fresh', 'always get a new token (and cache it)')
    .option('--timeout-ms <n>', TIMEOUT_HELP, parseTimeoutMs)
    .option('--verbose', 'print each step of a new token on stderr')
    .argument('[command...]', 'the command to run and its arguments, after --')
    .addHelpText('after', EXAMPLES)
    .action(async (command: string[], options: ExecOptions) => {
      outcome.exitCode = await runExec(command, options, io);
    });
}

/** The environment COMMAND gets: this process's, plus the token's variables. */
export function tokenEnvironment(env: NodeJS.ProcessEnv, token: CachedToken): NodeJS.ProcessEnv {
  const added: Record<string, string> = {
    MC_ACCESS_TOKEN: token.accessToken,
    MC_TOKEN_EXPIRES_AT: new Date(token.expiresAt).toISOString(),
  };
  if (token.restInstanceUrl !== null) added.MC_REST_URL = token.restInstanceUrl;
  if (token.soapInstanceUrl !== null) added.MC_SOAP_URL = token.soapInstanceUrl;
  return { ...env, ...added };
}

async function runExec(command: string[], options: ExecOptions, io: CliIo): Promise<number> {
  const [file, ...args] = command;
  if (file === undefined) throw new UsageError('mctoken exec needs a command to run: mctoken exec --profile NAME -- COMMAND [ARGS...].');
  const result = await profileToken(options.profile, { ...options, minValidSeconds: options.minValid }, io);
  if (!result.ok) return result.exitCode;
  return run(file, args, tokenEnvironment(io.env, result.token), io);
}

/** Runs COMMAND with inherited stdio, passing SIGINT and SIGTERM on; resolves with its exit status (128 + signal when killed). */
function run(file: string, args: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code: number): void => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : (error.code ?? 'failed');
      io.stderr.write(`error: cannot start "${terminalSafe(file)}": ${why}.\n`);
      done(EXIT_NOT_STARTED);
    });
    child.once('exit', (code, signal) => {
      done(code ?? (signal === null ? EXIT_FAILURE : 128 + constants.signals[signal]));
    });
  });
}
