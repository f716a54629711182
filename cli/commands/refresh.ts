// `mctoken refresh`: the legacy refresh of an App Center SSO JWT. It spends the JWT's single-use refresh token, so it runs
// only with --spend-refresh-token. Options, run and output, top to bottom.
import type { Command } from 'commander';
import type { RefreshedToken } from '../../shared/engagement/flow-types';
import { addClientSecretOptions, readClientSecret, type EngagementOptions } from '../engagement';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, usageCheck } from '../terminal/usage';
import { readTextFile } from '../terminal/input';
import { reportWarning } from '../terminal/report';
import { terminalJson, terminalSafe, type KnownSecrets } from '../terminal/safe-text';
import { parseTimeoutMs } from '../option-parsers';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken refresh`. */
export interface RefreshOptions extends EngagementOptions {
  jwtFile: string;
  clientId: string;
  spendRefreshToken?: boolean;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
}

const EXAMPLES = `
Examples:
  mctoken refresh --jwt-file sso.jwt --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --spend-refresh-token
  mctoken refresh --jwt-file sso.jwt --client-id "$CLIENT_ID" --client-secret-file secret.txt --spend-refresh-token --json

The refresh token in the JWT works once: a second use fails after a 5-minute grace. The answer carries the next refresh
token, printed only with --json ({accessToken, expiresIn, refreshToken}): keep it, or sign in again for a new JWT.
Exit status: 0 ok, 1 the refresh failed (error code, message and hint on stderr), 2 wrong usage, 130 interrupted.`;

/** Registers `mctoken refresh`. */
export function registerRefreshCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const command = program
    .command('refresh')
    .summary("spend an SSO JWT's refresh token for a new Engagement access token (legacy packages)")
    .description(
      "POST the refresh token of an App Center SSO JWT (claims version 1 or 2) to its authEndpoint with the package's client id and secret, and print the new access token.",
    )
    .requiredOption('--jwt-file <file>', 'a file holding the SSO JWT posted to your app')
    .requiredOption('--client-id <id>', "the installed package's client id")
    .option('--spend-refresh-token', 'confirm that the single-use refresh token in the JWT may be spent')
    .option('--json', 'print {accessToken, expiresIn, refreshToken} as JSON')
    .option('--timeout-ms <n>', 'give up after this many milliseconds (default 15000)', parseTimeoutMs)
    .option('--verbose', 'print the step (status, duration, request and response with secrets masked) on stderr')
    .addHelpText('after', EXAMPLES);
  addClientSecretOptions(command).action(async (options: RefreshOptions) => {
    outcome.exitCode = await runRefresh(options, io);
  });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/**
 * Checks the confirmation and inputs before anything is sent, then spends the refresh token through the Engagement service
 * the app's refresh uses (the same destination rules), and prints the new access token.
 */
async function runRefresh(options: RefreshOptions, io: CliIo): Promise<number> {
  if (options.spendRefreshToken !== true) {
    throw new UsageError(
      'The refresh token in the JWT works once (a second use fails after a 5-minute grace): add --spend-refresh-token to spend it.',
    );
  }
  const [{ decodeToken }, { refreshSourceOf }, { checkPackageClientId }, { cliServices, reportRun, withCliRun }] = await Promise.all([
    import('../../shared/decode/decode-token'),
    import('../../shared/engagement/legacy-refresh'),
    import('../../shared/engagement/credentials'),
    import('../issue-token'),
  ]);
  const clientId = usageCheck(() => checkPackageClientId(options.clientId));
  const clientSecret = await readClientSecret(options, io.env);
  const jwt = (await readTextFile(options.jwtFile, 'JWT file')).trim();
  // Read here first so that a JWT without a refresh token is an error before the keychain and the services are opened.
  const source = refreshSourceOf(decodeToken(jwt).payload);
  const services = await cliServices(io);
  // What this run sends: masked by value in everything printed, wherever the server echoes it.
  const secrets: KnownSecrets = [clientSecret, source.refreshToken];
  return withCliRun(
    options,
    io,
    () => secrets,
    async ({ runId, signal, onStep }) => {
      const request = {
        runId,
        token: jwt,
        clientId,
        clientSecret,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      };
      const report = await services.engagement.refresh(request, (step) => onStep?.(step), signal);
      // A refresh token posted outside Marketing Cloud's auth hosts is worth a loud line whatever came of it.
      const exitCode = reportRun({ ...report, warnings: report.warnings ?? [] }, secrets, signal, io);
      if (exitCode !== null || !report.outcome.ok) return exitCode ?? EXIT_FAILURE;
      writeRefreshed(report.outcome.token, options, io, secrets);
      return EXIT_OK;
    },
  );
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** The new access token alone (the next refresh token only with --json, with a reminder on stderr otherwise), terminal-safe. */
function writeRefreshed(token: RefreshedToken, options: RefreshOptions, io: CliIo, secrets: KnownSecrets): void {
  if (options.json === true) {
    io.stdout.write(
      terminalJson({ accessToken: token.accessToken, expiresIn: token.expiresIn, refreshToken: token.refreshToken }, { secrets }),
    );
    return;
  }
  io.stdout.write(`${terminalSafe(token.accessToken, { secrets })}\n`);
  if (token.refreshToken !== null)
    reportWarning('The old refresh token is spent; the new one is printed only with --json: run with --json next time to keep it.', io);
}
