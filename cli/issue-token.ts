// Getting a new token for the CLI, for either product, as a CachedToken (the shape the token cache keeps): the flow's
// steps with --verbose and its warnings on stderr, its error on stderr when it fails (then the exit status to end with).
// `mctoken token`, `exec` and `whoami` print or use what comes back; cli/profile-token.ts caches it for saved profiles.
import type { EngagementDraft } from '../shared/ipc/ipc-contract';
import type { TokenRequestStyle } from '../shared/exchange/flow-types';
import type { CachedToken } from '../electron/services/token-cache/cached-token';
import { runEngagementCli } from './engagement';
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  formatStep,
  interruptSignal,
  painterFor,
  reportError,
  reportWarning,
  stepSecrets,
  type CliIo,
  type KnownSecrets,
} from './terminal';

/** How a network run goes: --timeout-ms, --verbose, and (Intelligence) --query-style. */
export interface IssueSettings {
  timeoutMs?: number | undefined;
  verbose?: boolean | undefined;
  queryStyle?: boolean | undefined;
}

/** A new token and the run's secrets to mask in whatever is printed, or the exit status of a failed run (already reported). */
export type IssueResult = { ok: true; token: CachedToken; secrets: KnownSecrets } | { ok: false; exitCode: number };

/** What the Intelligence token flow needs, resolved from the command-line options or from a saved profile. */
export interface IntelligenceTarget {
  clientId: string;
  discoveryUrl: string;
  tokenRequestStyle: TokenRequestStyle;
  privateKey: CryptoKey;
}

/** The Engagement server-to-server token. */
export async function issueEngagementToken(draft: EngagementDraft, settings: IssueSettings, io: CliIo): Promise<IssueResult> {
  const result = await runEngagementCli(draft, { whoami: false, timeoutMs: settings.timeoutMs, verbose: settings.verbose }, io);
  if (!result.ok) return result;
  const { token } = result.report.outcome;
  return {
    ok: true,
    secrets: result.secrets,
    token: {
      accessToken: token.accessToken,
      expiresAt: token.expiresAt,
      expiresIn: token.expiresIn,
      tokenEndpoint: token.tokenEndpoint,
      tokenType: token.tokenType,
      scope: token.scope,
      missingScopes: token.missingScopes,
      restInstanceUrl: token.restInstanceUrl,
      soapInstanceUrl: token.soapInstanceUrl,
    },
  };
}

/** The Intelligence token flow for a resolved target. */
export async function issueIntelligenceToken(target: IntelligenceTarget, settings: IssueSettings, io: CliIo): Promise<IssueResult> {
  // Loaded only when a token is asked for: the flow and the network layer are not needed for --help or the other commands.
  const [{ runTokenFlow }, { createSafeFetch }] = await Promise.all([
    import('../shared/intelligence/run-token-flow'),
    import('../electron/services/net/safe-fetch'),
  ]);
  const paint = painterFor(io.stderr, io.env);
  const interrupt = interruptSignal();
  try {
    const report = await runTokenFlow(
      {
        clientId: target.clientId,
        discoveryUrl: target.discoveryUrl,
        privateKey: target.privateKey,
        tokenRequestStyle: settings.queryStyle === true ? 'query' : target.tokenRequestStyle,
        signal: interrupt.signal,
        ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      },
      {
        // The flow holds each step's one deadline (--timeout-ms); safe-fetch sets none of its own.
        fetch: createSafeFetch(),
        ...(settings.verbose === true ? { onStep: (step) => io.stderr.write(formatStep(step, paint)) } : {}),
      },
    );
    // The signed assertion went to the token endpoint: masked wherever the server echoes it.
    const secrets = report.steps.flatMap(stepSecrets);
    for (const warning of report.warnings) reportWarning(warning.message, io, secrets);
    if (!report.outcome.ok) {
      reportError(report.outcome.error, io, secrets);
      return {
        ok: false,
        exitCode: report.outcome.error.code === 'ERR_CANCELLED' && interrupt.signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE,
      };
    }
    const { accessToken, expiresAt, expiresIn, tokenEndpoint } = report.outcome.token;
    return {
      ok: true,
      secrets,
      token: {
        accessToken,
        expiresAt,
        expiresIn,
        tokenEndpoint,
        tokenType: null,
        scope: null,
        missingScopes: [],
        restInstanceUrl: null,
        soapInstanceUrl: null,
      },
    };
  } finally {
    interrupt.dispose();
  }
}
