import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import { createSafeFetch } from '../../../electron/services/net/safe-fetch';
import type { CliIo } from '../../cli-io';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from '../../exit-codes';
import { painterFor } from '../../io/color';
import { interruptSignal } from '../../io/interrupt-signal';
import { reportError, reportWarning } from '../../io/report-error';
import { formatStep } from './format-step';
import { targetFromOptions } from './target-from-options';
import { targetFromProfile } from './target-from-profile';
import { toTokenJson } from './token-json';
import type { TokenOptions } from './token-options';

/**
 * `mctoken token`: resolves the client, discovery URL and key (options or profile), runs the Intelligence token flow, and prints
 * the access token alone (or `--json`) on stdout; steps go to stderr with --verbose, warnings always. Returns the exit status.
 */
export async function runToken(options: TokenOptions, io: CliIo): Promise<number> {
  const target = options.profile === undefined ? await targetFromOptions(options, io.env) : await targetFromProfile(options.profile, io.env);
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
        // The flow holds each step's one deadline (--timeout-ms); safe-fetch sets none of its own.
        fetch: createSafeFetch(),
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
