// Token runs for the CLI through the app's own services (the Intelligence and Engagement services the router calls), so a
// run has one rule in both shells: Ctrl-C is the run's AbortSignal, --verbose prints each step on stderr, warnings always
// go to stderr, and a failed run's error goes there too (then the exit status to end with). Saved profiles come through
// the token cache in cli/profile-token.ts; `mctoken token`, `exec` and `whoami` print or use what comes back.
import { randomUUID } from 'node:crypto';
import type { ErrorPayload } from '../shared/errors/workbench-error';
import { WorkbenchError } from '../shared/errors/workbench-error';
import type { EngagementFlowReport } from '../shared/engagement/flow-types';
import type { FlowStep, FlowWarning } from '../shared/exchange/flow-types';
import type { EngagementDraft, TokenRunDraft } from '../shared/ipc/ipc-contract';
import { cachedEngagementToken, cachedIntelligenceToken, type CachedToken } from '../electron/services/token-cache/cached-token';
import type { WorkbenchServices } from '../electron/services/create-services';
import { EXIT_FAILURE, EXIT_INTERRUPTED, interruptSignal, type CliIo } from './terminal/run';
import { formatStep, stepSecrets } from './terminal/steps';
import { keyFileError } from './terminal/input';
import { painterFor } from './terminal/paint';
import { reportError, reportFlowWarning } from './terminal/report';
import type { KnownSecrets } from './terminal/safe-text';

/** How a network run goes: --timeout-ms, --verbose, and (Intelligence) --query-style. */
export interface IssueSettings {
  timeoutMs?: number | undefined;
  verbose?: boolean | undefined;
  queryStyle?: boolean | undefined;
}

/** A new token and the run's secrets to mask in whatever is printed, or the exit status of a failed run (already reported). */
export type IssueResult = { ok: true; token: CachedToken; secrets: KnownSecrets } | { ok: false; exitCode: number };

/** What one run needs of the CLI: its signal (Ctrl-C), its --verbose step printer, and the run id the services track it by. */
export interface CliRun {
  runId: string;
  signal: AbortSignal;
  onStep: ((step: FlowStep<string>) => void) | undefined;
}

/** The app's services, opened for this command (loaded only when a run needs them: the keychain and the router are heavy). */
export async function cliServices(io: CliIo): Promise<WorkbenchServices> {
  return (await import('./services')).openServices(io.env);
}

/** Runs `work` with Ctrl-C as its AbortSignal and --verbose steps on stderr, `secrets()` masked in them. */
export async function withCliRun<T>(
  settings: IssueSettings,
  io: CliIo,
  secrets: () => KnownSecrets,
  work: (run: CliRun) => Promise<T>,
): Promise<T> {
  const paint = painterFor(io.stderr, io.env);
  const interrupt = interruptSignal();
  const onStep = settings.verbose === true ? (step: FlowStep<string>) => io.stderr.write(formatStep(step, paint, secrets())) : undefined;
  try {
    return await work({ runId: `cli-${randomUUID()}`, signal: interrupt.signal, onStep });
  } finally {
    interrupt.dispose();
  }
}

/**
 * A run's warnings on stderr, and when it failed its error too: the exit status to end with (130 when Ctrl-C cancelled
 * it), or null when it succeeded. `secrets` are masked wherever a server echoed them.
 */
export function reportRun(
  run: { warnings: readonly FlowWarning[]; outcome: { ok: true } | { ok: false; error: ErrorPayload } },
  secrets: KnownSecrets,
  signal: AbortSignal,
  io: CliIo,
): number | null {
  for (const warning of run.warnings) reportFlowWarning(warning, io, secrets);
  if (run.outcome.ok) return null;
  reportError(run.outcome.error, io, secrets);
  return run.outcome.error.code === 'ERR_CANCELLED' && signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
}

/** An ad-hoc Intelligence run (credentials on the command line: never cached), the key read from `keyFile`. */
export async function issueIntelligenceToken(
  draft: TokenRunDraft,
  keyFile: string,
  settings: IssueSettings,
  io: CliIo,
): Promise<IssueResult> {
  const services = await cliServices(io);
  let secrets: KnownSecrets = [];
  return withCliRun(
    settings,
    io,
    () => secrets,
    async ({ runId, signal, onStep }) => {
      const request = {
        runId,
        draft: { ...draft, tokenRequestStyle: settings.queryStyle === true ? 'query' : draft.tokenRequestStyle },
        ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      } as const;
      const report = await services.intelligence
        .run(request, (step) => onStep?.(step), signal)
        .catch((error: unknown) => {
          // The key is read and checked by the service: its errors name the file here.
          if (error instanceof WorkbenchError) throw keyFileError(error.toPayload(), keyFile, draft.passphrase !== undefined);
          throw error;
        });
      // The signed assertion went to the token endpoint: masked wherever the server echoes it.
      secrets = report.steps.flatMap(stepSecrets);
      const exitCode = reportRun(report, secrets, signal, io);
      if (exitCode !== null || !report.outcome.ok) return { ok: false, exitCode: exitCode ?? EXIT_FAILURE };
      return { ok: true, secrets, token: cachedIntelligenceToken(report.outcome.token) };
    },
  );
}

/**
 * How an Engagement run went for the CLI: the report and the secrets to mask in whatever of it is printed (the client
 * secret, which a server may echo), or the exit status when it failed (the error already on stderr).
 */
export type EngagementRunResult =
  { ok: true; report: EngagementFlowReport & { outcome: { ok: true } }; secrets: KnownSecrets } | { ok: false; exitCode: number };

/** An ad-hoc server-to-server run (and who-am-I when asked) through the Engagement service. */
export async function runEngagementCli(
  draft: EngagementDraft,
  settings: IssueSettings & { whoami: boolean },
  io: CliIo,
): Promise<EngagementRunResult> {
  const services = await cliServices(io);
  const secrets: KnownSecrets = [draft.clientSecret];
  return withCliRun(
    settings,
    io,
    () => secrets,
    async ({ runId, signal, onStep }) => {
      const request = {
        runId,
        draft,
        whoami: settings.whoami,
        ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      };
      const report = await services.engagement.token(request, (step) => onStep?.(step), signal);
      const exitCode = reportRun(report, secrets, signal, io);
      if (exitCode !== null || !report.outcome.ok) return { ok: false, exitCode: exitCode ?? EXIT_FAILURE };
      return { ok: true, report: report as EngagementFlowReport & { outcome: { ok: true } }, secrets };
    },
  );
}

/** An ad-hoc Engagement server-to-server token (never cached). */
export async function issueEngagementToken(draft: EngagementDraft, settings: IssueSettings, io: CliIo): Promise<IssueResult> {
  const result = await runEngagementCli(draft, { whoami: false, timeoutMs: settings.timeoutMs, verbose: settings.verbose }, io);
  if (!result.ok) return result;
  return { ok: true, secrets: result.secrets, token: cachedEngagementToken(result.report.outcome.token) };
}
