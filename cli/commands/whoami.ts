// `mctoken whoami`: get an Engagement server-to-server token, then ask v2/userinfo and the SOAP endpoint who it belongs to.
// Options, run and output, top to bottom; the shared Engagement pieces are in cli/engagement.ts.
import { Option, type Command } from 'commander';
import type { WhoAmI } from '../../shared/engagement/flow-types';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { addClientSecretOptions, addTenantOptions, draftFromOptions, ENGAGEMENT_ONLY_FLAGS, type EngagementOptions } from '../engagement';
import { runEngagementCli } from '../issue-token';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, interruptSignal, type CliIo, type CliOutcome } from '../terminal/run';
import { formatStep } from '../terminal/steps';
import { painterFor } from '../terminal/paint';
import { reportError } from '../terminal/report';
import { terminalJson, terminalSafe, type KnownSecrets } from '../terminal/safe-text';
import { TIMEOUT_HELP, parseMinValid, parseTimeoutMs } from '../option-parsers';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken whoami`. */
export interface WhoamiOptions extends EngagementOptions {
  profile?: string;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
  minValid?: number;
}

const EXAMPLES = `
Examples:
  mctoken whoami --profile prod
  mctoken whoami --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN"
  mctoken whoami --profile prod --json | jq .userinfo.organization

Prints the business unit (MID), enterprise id, stack, region and user of the token, the REST and SOAP URLs, and the
installed package's name, own scopes and redirect URLs (userinfo's application.name, .appScopes and .redirectUrl).
--json prints {userinfo, endpoints: {rest, soap}} with userinfo as the server sent it.
Exit status: 0 ok, 1 the flow failed (error code, description and hint on stderr), 2 wrong usage, 130 interrupted.`;

/** Registers `mctoken whoami`. */
export function registerWhoamiCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const command = program
    .command('whoami')
    .summary('who an Engagement server-to-server token belongs to (MID, enterprise, stack, region, user)')
    .description('Get a server-to-server token for the installed package, then call v2/userinfo and platform/v1/endpoints/soap with it.')
    .addOption(
      new Option('--profile <name>', 'use a saved Engagement profile').conflicts(['clientId', ...Object.keys(ENGAGEMENT_ONLY_FLAGS)]),
    )
    .option('--client-id <id>', "the installed package's client id")
    .option('--json', 'print {userinfo, endpoints: {rest, soap}} as JSON')
    .option('--min-valid <seconds>', 'with --profile: reuse a cached token only with at least this long left (default 60)', parseMinValid)
    .option('--timeout-ms <n>', TIMEOUT_HELP, parseTimeoutMs)
    .option('--verbose', 'print each step (status, duration, request and response with secrets masked) on stderr')
    .addHelpText('after', EXAMPLES);
  addTenantOptions(addClientSecretOptions(command)).action(async (options: WhoamiOptions) => {
    outcome.exitCode = await runWhoami(options, io);
  });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/** Resolves the credentials (profile or options), runs token + userinfo + SOAP endpoint, and prints who it is. */
async function runWhoami(options: WhoamiOptions, io: CliIo): Promise<number> {
  if (options.profile !== undefined) return runWhoamiForProfile(options.profile, options, io);
  const draft = await draftFromOptions('whoami', options, io.env);
  const result = await runEngagementCli(draft, { whoami: true, timeoutMs: options.timeoutMs, verbose: options.verbose }, io);
  if (!result.ok) return result.exitCode;
  const { report, secrets } = result;
  const whoami = report.outcome.whoami;
  if (whoami === null) throw new WorkbenchError('ERR_INTERNAL', 'The run finished without a who-am-I answer: try again.');
  return printWhoami(whoami, options, secrets, io);
}

/**
 * Who-am-I with a saved profile's token (a cached one when it has one). A token the server refuses (401/403) is dropped
 * from the cache and the calls are tried once more with a new token.
 */
async function runWhoamiForProfile(name: string, options: WhoamiOptions, io: CliIo): Promise<number> {
  const [{ profileToken }, { runWhoamiCalls }, { createSafeFetch }, { resolveTenant }] = await Promise.all([
    import('../profile-token'),
    import('../../shared/engagement/whoami-calls'),
    import('../../electron/services/net/safe-fetch'),
    import('../../shared/engagement/tenant'),
  ]);
  const paint = painterFor(io.stderr, io.env);
  for (const fresh of [false, true]) {
    const got = await profileToken(name, { ...options, minValidSeconds: options.minValid, fresh }, io, 'engagement');
    if (!got.ok) return got.exitCode;
    const tenant = resolveTenant({ subdomain: got.profile.subdomain, authUrl: got.profile.authUrl });
    const interrupt = interruptSignal();
    const outcome = await runWhoamiCalls(
      tenant,
      got.token,
      { fetch: createSafeFetch(), signal: interrupt.signal, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
      options.verbose === true ? { onStep: (step) => io.stderr.write(formatStep(step, paint, got.secrets)) } : {},
    ).finally(() => interrupt.dispose());
    if (outcome.ok) return printWhoami(outcome.whoami, options, got.secrets, io);
    const refused = outcome.error.code === 'ERR_API_UNAUTHORIZED';
    if (refused) await got.refused();
    // A refused cached token gets one more try with a new one; anything else (or a new token refused) is the answer.
    if (!(refused && got.cached && !fresh)) {
      reportError(outcome.error, io, got.secrets);
      return outcome.error.code === 'ERR_CANCELLED' && interrupt.signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
    }
  }
  throw new WorkbenchError('ERR_INTERNAL', 'The run finished without a who-am-I answer: try again.');
}

function printWhoami(whoami: WhoAmI, options: WhoamiOptions, secrets: KnownSecrets, io: CliIo): number {
  io.stdout.write(
    options.json === true
      ? terminalJson({ userinfo: whoami.userinfo, endpoints: whoami.endpoints }, { secrets })
      : formatWhoami(whoami, secrets),
  );
  return EXIT_OK;
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** The text `mctoken whoami` prints: one labelled line per fact, each server-sent value through the one terminal-safe rule. */
function formatWhoami(whoami: WhoAmI, secrets: KnownSecrets): string {
  const { summary, endpoints } = whoami;
  const user = [summary.userName, summary.userEmail === null ? null : `<${summary.userEmail}>`].filter((part) => part !== null).join(' ');
  const rows: Array<[string, string | null]> = [
    ['MID', summary.mid],
    ['Enterprise id', summary.enterpriseId],
    ['Enterprise', summary.enterpriseName],
    ['Stack', summary.stack],
    ['Region', summary.region],
    ['User', user === '' ? null : user],
    ['REST URL', endpoints.rest],
    ['SOAP URL', endpoints.soap],
    // The package's own, from application.appScopes and application.redirectUrl (the docs' example response).
    ['Package', summary.applicationName],
    ['App scopes', listText(summary.applicationScopes)],
    ['Redirect URLs', listText(summary.redirectUrls)],
  ];
  return (
    rows.map(([name, value]) => `${`${name}:`.padEnd(15)}${value === null ? '-' : terminalSafe(value, { secrets })}`).join('\n') + '\n'
  );
}

/** A userinfo list on one line, space-separated: "none" for an empty list, null when userinfo sent none. */
function listText(items: readonly string[] | null): string | null {
  if (items === null) return null;
  return items.length === 0 ? 'none' : items.join(' ');
}
