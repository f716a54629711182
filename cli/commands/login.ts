// `mctoken login`: sign in as a web or public app with the authorization code. The authorize URL goes to stderr (and the
// browser), the address the browser ends on is pasted back on stdin, the code is exchanged at once, and the access token
// printed; --save keeps the sign-in as an engagement-web profile, its refresh token in the OS keychain. Options, run, output.
import type { Command } from 'commander';
import type { WebAppToken } from '../../shared/engagement/web-app-types';
import { planWebSignIn } from '../../shared/engagement/web-sign-in-plan';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { checkProfileName } from '../../electron/services/profiles/profile-fields';
import { addClientSecretOptions, addTenantOptions, readClientSecret, type EngagementOptions } from '../engagement';
import { openBrowser } from '../open-browser';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, interruptSignal, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, usageCheck } from '../terminal/usage';
import { formatStep } from '../terminal/steps';
import { painterFor } from '../terminal/paint';
import { reportError, reportFlowWarning } from '../terminal/report';
import { terminalJson, terminalSafe, type KnownSecrets } from '../terminal/safe-text';
import { parseTimeoutMs } from '../option-parsers';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken login` (`--no-open` sets open to false). */
export interface LoginOptions extends EngagementOptions {
  redirectUri?: string;
  save?: string;
  open: boolean;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
}

/** How long the pasted address is waited for: a code is dead after 5 minutes anyway. */
const PASTE_WAIT_MS = 15 * 60_000;
const MAX_LINE_BYTES = 16 * 1024;

const EXAMPLES = `
Examples:
  mctoken login --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN" --scope "email_read offline"
  mctoken login --client-id "$PUBLIC_APP_ID" --auth-url "$AUTH_URL" --scope "email_read offline" --save web-prod
  mctoken token --profile web-prod       # a new access token from the stored refresh token

The authorize URL is printed on stderr and opened in your browser (not with --no-open). Sign in; the browser then goes
to the redirect URI (default https://127.0.0.1:80/, the docs' address for local testing), which usually fails to load:
copy the whole address from the address bar and paste it here (one line). The state in it is checked; its code is
exchanged at once (codes live 5 minutes). A web app gives its client secret (--client-secret-env or -file); a public app
none. Without the offline scope there is no refresh token, and --save is refused. PKCE is not documented for
Marketing Cloud, so none is sent. --account-id is added to the authorize URL as given: the Authorization Code reference
does not list it.
--json prints the token answer's fields and missing_scopes; refresh_token only without --save (with --save it goes to
the OS keychain and is never printed).
Exit status: 0 signed in, 1 the sign-in failed (state mismatch, access_denied, an expired or reused code, a refused
request: each with its own message and hint on stderr), 2 wrong usage, 130 interrupted.`;

/** Registers `mctoken login`. */
export function registerLoginCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const command = program
    .command('login')
    .summary('sign in as an Engagement web or public app (authorization code), optionally saving the refresh token')
    .description(
      'Run the authorization-code flow of an Engagement web or public app: open v2/authorize, paste back the address the browser ends on, exchange the code at v2/token, and print the access token alone on stdout.',
    )
    .requiredOption('--client-id <id>', "the API Integration's client id")
    .option('--redirect-uri <uri>', 'the redirect URI registered on the API Integration (default https://127.0.0.1:80/)')
    .option('--save <name>', 'save the sign-in as an engagement-web profile (refresh token and client secret in the OS keychain)')
    .option('--no-open', 'print the authorize URL without opening a browser')
    .option('--json', 'print the token answer as JSON, with missing_scopes (refresh_token only without --save)')
    .option('--timeout-ms <n>', 'give up on the token request after this many milliseconds (default 15000)', parseTimeoutMs)
    .option('--verbose', 'print each step (status, duration, request and response with secrets masked) on stderr')
    .addHelpText('after', EXAMPLES);
  addTenantOptions(addClientSecretOptions(command)).action(async (options: LoginOptions) => {
    outcome.exitCode = await runLogin(options, io);
  });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/** Signs in and prints the token; returns the exit status. */
export async function runLogin(options: LoginOptions, io: CliIo): Promise<number> {
  if (options.subdomain === undefined && options.authUrl === undefined)
    throw new UsageError('mctoken login needs --subdomain SUB or --auth-url URL.');
  const name = options.save === undefined ? undefined : usageCheck(() => checkProfileName(options.save));
  const plan = usageCheck(() =>
    planWebSignIn({
      clientId: options.clientId ?? '',
      subdomain: options.subdomain ?? null,
      authUrl: options.authUrl ?? null,
      redirectUri: options.redirectUri ?? null,
      scope: options.scope ?? null,
      accountId: options.accountId ?? null,
    }),
  );
  const secretGiven = options.clientSecretEnv !== undefined || options.clientSecretFile !== undefined;
  const clientSecret = secretGiven ? await readClientSecret(options, io.env) : null;
  const known: KnownSecrets = [clientSecret];
  for (const warning of plan.warnings) reportFlowWarning(warning, io, known);

  io.stderr.write(`Open this address in a browser and sign in:\n\n  ${terminalSafe(plan.authorizeUrl)}\n\n`);
  io.stderr.write(
    `The browser then goes to ${terminalSafe(plan.authorize.redirectUri)}, which may fail to load: copy the whole address from its address bar and paste it here.\n`,
  );
  if (options.open) openBrowser(plan.authorizeUrl, io);
  const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  if (stdin.isTTY === true) io.stderr.write('Redirect address: ');
  const pasted = await readLine(stdin);

  const [{ finishWebSignIn }, { createSafeFetch }] = await Promise.all([
    import('../../shared/engagement/run-web-sign-in'),
    import('../../electron/services/net/safe-fetch'),
  ]);
  const paint = painterFor(io.stderr, io.env);
  const interrupt = interruptSignal();
  const runSecrets: string[] = clientSecret === null ? [] : [clientSecret];
  try {
    const report = await finishWebSignIn(
      plan,
      {
        pasted,
        clientSecret,
        signInAgain: 'run mctoken login again and paste the new address at once.',
        signal: interrupt.signal,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      },
      {
        fetch: createSafeFetch(),
        ...(options.verbose === true ? { onStep: (step) => io.stderr.write(formatStep(step, paint, runSecrets)) } : {}),
      },
    );
    // The code is masked wherever anything is printed; the refresh token too when it is saved (never printed then).
    const codeSecret = codeOf(pasted);
    const printed: KnownSecrets = [
      clientSecret,
      codeSecret,
      ...(report.outcome.ok && name !== undefined ? [report.outcome.token.refreshToken] : []),
    ];
    for (const warning of report.warnings.slice(plan.warnings.length)) reportFlowWarning(warning, io, printed);
    if (!report.outcome.ok) {
      reportError(report.outcome.error, io, [...printed]);
      return report.outcome.error.code === 'ERR_CANCELLED' && interrupt.signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
    }
    const { token } = report.outcome;
    if (name !== undefined) {
      const [{ openServices }, { webAppSaveRequest }] = await Promise.all([
        import('../services'),
        import('../../electron/services/profiles/web-app-fields'),
      ]);
      const saved = await openServices(io.env).profiles.saveWebApp(webAppSaveRequest(name, plan, token, clientSecret));
      io.stderr.write(
        `Saved profile "${terminalSafe(saved.name)}": its refresh token is in the OS keychain. Next: mctoken token --profile "${terminalSafe(saved.name)}"\n`,
      );
    }
    io.stdout.write(loginOutput(token, options.json === true, name === undefined, printed));
    return EXIT_OK;
  } finally {
    interrupt.dispose();
  }
}

/** The code of a pasted address, to mask it by value in whatever is printed (null when there is none). */
function codeOf(pasted: string): string | null {
  const query = pasted.trim().replace(/^[^?]*\?/, '');
  return new URLSearchParams(query).get('code');
}

/** The first line of stdin (up to 16 KiB), or what came before it ended; refused after {@link PASTE_WAIT_MS}. */
function readLine(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error: Error | null): void => {
      clearTimeout(timer);
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onEnd);
      stdin.pause();
      if (error === null) resolve(text.split(/\r?\n/)[0] ?? '');
      else reject(error);
    };
    const onData = (chunk: Buffer | string): void => {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (text.includes('\n') || text.length > MAX_LINE_BYTES) done(null);
    };
    const onEnd = (): void => done(null);
    const timer = setTimeout(
      () =>
        done(
          new WorkbenchError('ERR_AUTH_REDIRECT_INVALID', 'No address was pasted within 15 minutes: the code would have expired anyway.', {
            hint: 'Run mctoken login again and paste the address the browser ends on.',
          }),
        ),
      PASTE_WAIT_MS,
    );
    timer.unref();
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onEnd);
    stdin.resume();
  });
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** The access token alone, or the --json object (refresh_token only when it is not saved). */
function loginOutput(token: WebAppToken, json: boolean, withRefreshToken: boolean, secrets: KnownSecrets): string {
  if (!json) return `${terminalSafe(token.accessToken, { secrets })}\n`;
  return terminalJson(
    {
      access_token: token.accessToken,
      token_type: token.tokenType,
      expires_in: token.expiresIn,
      expires_at: new Date(token.expiresAt).toISOString(),
      scope: token.scope,
      ...(withRefreshToken ? { refresh_token: token.refreshToken } : {}),
      rest_instance_url: token.restInstanceUrl,
      soap_instance_url: token.soapInstanceUrl,
      token_endpoint: token.tokenEndpoint,
      tssd: token.tssd,
      missing_scopes: token.missingScopes,
    },
    { secrets },
  );
}
