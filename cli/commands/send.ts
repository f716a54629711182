// `mctoken send`: POST a token to your own endpoint as Marketing Cloud would (a custom-activity call as application/jwt, an
// SSO login as the form field jwt) and print what came back. Options, run and output, top to bottom.
import { Option, type Command } from 'commander';
import type { SendReport } from '../../shared/compose/compose-types';
import type { SendStyle } from '../../shared/compose/compose-templates';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, interruptSignal, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, usageCheck } from '../terminal/usage';
import { painterFor, type Painter } from '../terminal/paint';
import { readStdin, readTextFile } from '../terminal/input';
import { terminalJson, terminalSafe } from '../terminal/safe-text';
import { parseTimeoutMs } from '../option-parsers';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken send`. */
export interface SendOptions {
  tokenFile: string;
  as?: SendStyle;
  timeoutMs?: number;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  mctoken send http://localhost:3000/execute --token-file call.jwt     # as Journey Builder calls a custom activity
  mctoken sign --template activity-execute --secret-env MC_JWT_SECRET | mctoken send https://my-activity.example.com/execute --token-file -
  mctoken send https://my-app.example.com/login --token-file sso.jwt   # an SSO JWT goes as the login form's field jwt
  mctoken send https://my-app.example.com/hook --token-file t.jwt --as activity --json

Only the URL given is contacted: https, or http on this computer (localhost). Nothing is sent but the token: no cookie, no
Authorization header. A redirect is printed, never followed. The answer is read within the deadline (--timeout-ms, default
15000) and up to 256 KiB; its body is shown up to 4096 characters, the token masked wherever the endpoint echoes it.
Exit status: 0 the endpoint answered 1xx-3xx, 1 it answered 4xx/5xx or could not be reached, 2 wrong usage, 130 interrupted.`;

/** Registers `mctoken send`. */
export function registerSendCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('send')
    .summary('POST a token to your endpoint as Journey Builder or the SSO login would')
    .description(
      'POST the token to URL: an App Center SSO JWT as the form field jwt (application/x-www-form-urlencoded), any other token as the whole body with Content-Type: application/jwt, as Journey Builder calls a custom activity. Prints the status, time, headers and body.',
    )
    .argument('<url>', 'the endpoint (https, or http on localhost)')
    .requiredOption('--token-file <file>', 'the token ("-": stdin)')
    .addOption(new Option('--as <style>', "how to send it (default: by the token's kind)").choices(['activity', 'sso-form']))
    .option('--timeout-ms <n>', 'give up after this many milliseconds (default 15000)', parseTimeoutMs)
    .option('--json', 'print the report as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (url: string, options: SendOptions) => {
      outcome.exitCode = await runSend(url, options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/** Checks the URL and the token before any connection, sends it, prints the report. */
async function runSend(url: string, options: SendOptions, io: CliIo): Promise<number> {
  const [{ checkEndpointUrl }, { decodeToken }, { sendStyleOfKind }] = await Promise.all([
    import('../../shared/exchange/endpoint-url'),
    import('../../shared/decode/decode-token'),
    import('../../shared/compose/send-body'),
  ]);
  usageCheck(() => checkEndpointUrl(url, 'endpoint URL'));
  const text = options.tokenFile === '-' ? await readStdin(io.stdin) : await readTextFile(options.tokenFile, 'token file');
  const token = text.trim();
  if (token === '') throw new UsageError('The token file is empty: sign one first (mctoken sign … > call.jwt).');
  const decoded = decodeToken(token);
  const style = options.as ?? sendStyleOfKind(decoded.kind);
  const [{ sendToken }, { createSafeFetch }] = await Promise.all([
    import('../../electron/services/compose/send-token'),
    import('../../electron/services/net/safe-fetch'),
  ]);
  const interrupt = interruptSignal();
  try {
    const report = await sendToken(
      { url, token: decoded.compact, style, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
      { fetch: createSafeFetch(), signal: interrupt.signal },
    );
    if (options.json === true) io.stdout.write(terminalJson(report, { secrets: [decoded.compact] }));
    else io.stdout.write(formatReport(report, painterFor(io.stdout, io.env), [decoded.compact]));
    return report.response.status >= 400 ? EXIT_FAILURE : EXIT_OK;
  } catch (error) {
    if (interrupt.signal.aborted) {
      io.stderr.write('Interrupted: the request was stopped.\n');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** The report as text: the request line, the status and time, each header, then the body; every server text made terminal-safe. */
export function formatReport(report: SendReport, paint: Painter, secrets: readonly string[]): string {
  const safe = (value: string): string => terminalSafe(value, { secrets });
  const { status, headers, body } = report.response;
  const tone = status >= 400 ? paint.red : status >= 300 ? paint.yellow : paint.green;
  const lines = [
    paint.dim(`POST ${safe(report.url)} (${report.contentType}, ${report.sentBytes} bytes)`),
    `${tone(paint.bold(`HTTP ${status}`))} ${paint.dim(`in ${Math.round(report.durationMs)} ms`)}`,
    ...headers.map((h) => `${safe(h.name)}: ${h.sensitive ? `<masked: ${h.value.length} chars>` : safe(h.value)}`),
  ];
  if (report.redirectedTo !== null) lines.push(paint.yellow(`Redirect to ${safe(report.redirectedTo)}: not followed.`));
  if (report.bodyTooLarge) lines.push(paint.yellow('The body is larger than 256 KiB: not read.'));
  else if (body !== '') lines.push('', ...body.split('\n').map(safe));
  return `${lines.join('\n')}\n`;
}
