// What every mctoken command shares: the run's streams, exit codes, usage errors, colour and layout, reading stdin, files
// and environment variables, error reporting and Ctrl-C. Kept free of the heavy modules so that `mctoken --help` stays fast.
import type { Readable } from 'node:stream';
import { version } from '../package.json';
import type { ErrorCode } from '../shared/errors/error-codes';
import { WorkbenchError, type ErrorPayload } from '../shared/errors/workbench-error';
import { maskSecrets } from '../shared/exchange/mask-secrets';
import { checkEndpointUrl } from '../shared/exchange/endpoint-url';
import type { FlowStep, FlowWarning, ShownField } from '../shared/exchange/flow-types';
import { MASK } from '../shared/exchange/shown-exchange';

/** The version of mctoken: package.json's, inlined by esbuild at build time. */
export const CLI_VERSION: string = version;

/** The streams and environment one run of `mctoken` uses: the process's own in cli/main.ts. */
export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** What a command's action reports back to runCli (cli/main.ts): the exit status to end with. */
export interface CliOutcome {
  exitCode: number;
}

// ---- Exit codes and usage errors ---------------------------------------------------------------------------------------

/** Exit status when the command did what was asked. */
export const EXIT_OK = 0;
/** Exit status for a failure: a malformed token, a failed verification, a refused credential, a network error. */
export const EXIT_FAILURE = 1;
/** Exit status for wrong use of the command line: unknown option, conflicting options, missing environment variable. */
export const EXIT_USAGE = 2;
/** Exit status after Ctrl-C interrupted a run (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** A WorkbenchError caused by how the command was called: `mctoken` exits with status 2 for it. */
export class UsageError extends WorkbenchError {
  constructor(message: string, options: { code?: ErrorCode; hint?: string } = {}) {
    super(options.code ?? 'ERR_USAGE', message, options.hint === undefined ? {} : { hint: options.hint });
  }
}

/**
 * Runs a check of a value given on the command line (a URL, a client id); a WorkbenchError it throws becomes a UsageError
 * (exit 2) with the same code, message and hint. Used so bad input is refused before any file is read or connection made.
 */
export function usageCheck<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    throw new UsageError(error.message, error.hint === undefined ? { code: error.code } : { code: error.code, hint: error.hint });
  }
}

/** The --discovery-url value, checked before any connection (https, or http for loopback only); a bad one is a usage error (exit 2). */
export function discoveryUrlOption(url: string): string {
  return usageCheck(() => checkEndpointUrl(url, 'discovery URL').href);
}

// ---- Colour and layout -------------------------------------------------------------------------------------------------

/** Whether to colour what goes to a stream: FORCE_COLOR wins (0/false turns it off), then NO_COLOR and TERM=dumb, else only on a TTY. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** The styles the CLI uses; each returns its text unchanged when colour is off. */
export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const SGR = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/** A painter that emits ANSI SGR sequences when `enabled`, plain text otherwise. */
export function createPainter(enabled: boolean): Painter {
  const style = (codes: readonly [number, number]) => (text: string) =>
    enabled && text !== '' ? `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m` : text;
  return {
    bold: style(SGR.bold),
    dim: style(SGR.dim),
    red: style(SGR.red),
    green: style(SGR.green),
    yellow: style(SGR.yellow),
    cyan: style(SGR.cyan),
  };
}

/** The painter for a stream of this run (see {@link shouldUseColor}). */
export function painterFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Painter {
  return createPainter(shouldUseColor(stream, env));
}

// ---- Escaping what tokens and servers say ------------------------------------------------------------------------------

/** C0 and C1 control characters, DEL, and the bidirectional marks and overrides that can make text read other than it is. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw inside strings (its own line breaks and indentation are layout, not values). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC: the same visible escape for every unsafe character, and valid inside a JSON string. */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The secrets a run sent (client secret, refresh token, assertion): no text it prints may carry them, whatever a server echoes. */
export type KnownSecrets = ReadonlyArray<string | null | undefined>;

/** How {@link terminalSafe} treats a text: line breaks and tabs kept for multi-line text, and the secrets to mask in it. */
export interface SafeTextOptions {
  keepNewlines?: boolean;
  keepTabs?: boolean;
  /** Masked by value (as is, JSON-escaped or URL-encoded) with their true length, before anything is escaped. */
  secrets?: KnownSecrets;
}

/**
 * The one rule for printing a value from a token, a server or a file: every known secret in it masked by value, then every
 * C0 and C1 control character, DEL and bidirectional override shown as a `\uXXXX` escape, so no value can move the cursor,
 * retitle the terminal, paint a fake line or read backwards. Multi-line text (our messages, a text payload) may keep its
 * line breaks and tabs; a single value never does.
 */
export function terminalSafe(text: string, options: SafeTextOptions = {}): string {
  const masked = options.secrets === undefined ? text : maskSecrets(text, options.secrets);
  return masked.replace(UNSAFE, (char) =>
    (char === '\n' && options.keepNewlines === true) || (char === '\t' && options.keepTabs === true) ? char : unicodeEscape(char),
  );
}

/**
 * {@link terminalSafe} for JSON on stdout: known secrets masked, and what JSON.stringify leaves raw (DEL, C1 controls, bidi
 * overrides; it escapes C0 controls itself) escaped too, so the output stays valid JSON.
 */
export function terminalJson(value: unknown, options: Pick<SafeTextOptions, 'secrets'> = {}): string {
  const text = JSON.stringify(value, null, 2);
  const masked = options.secrets === undefined ? text : maskSecrets(text, options.secrets);
  return `${masked.replace(UNSAFE_IN_JSON, unicodeEscape)}\n`;
}

/** Splits text into lines of at most `width` characters at spaces (a longer word keeps its own line), each prefixed with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        lines.push(indent + line);
        line = word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** The width to lay text out for: the terminal's columns (at most 120), or 100 when the stream is not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? Math.min(stream.columns, 120) : 100;
}

/** Lays out rows as left-aligned columns separated by two spaces; the first row is the heading. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return (
    rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ')).join('\n') +
    '\n'
  );
}

// ---- Input: stdin, files, environment ----------------------------------------------------------------------------------

/** Most bytes read from stdin: well beyond any token, so the decoder (not the CLI) reports an oversized input. */
export const MAX_STDIN_BYTES = 1024 * 1024;

/** Reads stdin as UTF-8 until it ends or {@link MAX_STDIN_BYTES} have arrived (the rest is not read). */
export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks)
    .subarray(0, MAX_STDIN_BYTES + 1)
    .toString('utf8');
}

/** Largest file the CLI reads as a key or secret (a 4096-bit encrypted PEM is under 4 KiB). */
export const MAX_INPUT_FILE_BYTES = 256 * 1024;

const FILE_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Reads a UTF-8 text file the user named (`what` is e.g. "key file"). Errors are ERR_FILE_READ and name the file
 * and the problem, never its contents: "cannot read key file ./k.pem: no such file".
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  // Loaded on use: most runs read no file, and node:fs/promises costs start-up time.
  const { readFile, stat } = await import('node:fs/promises');
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_INPUT_FILE_BYTES) {
      throw new WorkbenchError(
        'ERR_FILE_READ',
        `cannot read ${what} ${path}: it is larger than ${MAX_INPUT_FILE_BYTES / 1024} KiB, so it is not a key or secret`,
        {
          hint: 'Check that the path names the right file.',
        },
      );
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (FILE_ERROR_REASONS[code] ?? `error ${code}`) : 'unreadable';
    throw new WorkbenchError('ERR_FILE_READ', `cannot read ${what} ${path}: ${reason}`, {
      hint: 'Check the path and that the file is readable.',
    });
  }
}

/**
 * Warns, as ssh does, when a file holding a private key or a secret can be read or written by the group or by others
 * (`what` is e.g. "key file"). Windows permissions are not mode bits, so nothing is said there. The run goes on.
 */
export async function warnIfReadableByOthers(path: string, what: string, io: Pick<CliIo, 'stderr' | 'env'>): Promise<void> {
  if (process.platform === 'win32') return;
  const { stat } = await import('node:fs/promises');
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  reportWarning(
    `${what} ${path} is accessible by other users (permissions ${octal}): anyone on this computer may read it. Restrict it with: chmod 600 ${path}`,
    io,
  );
}

/** Reads a file that holds a private key or a secret (see {@link readTextFile}), warning first when others can read it. */
export async function readSecretFile(path: string, what: string, io: Pick<CliIo, 'stderr' | 'env'>): Promise<string> {
  const text = await readTextFile(path, what);
  await warnIfReadableByOthers(path, what, io);
  return text;
}

/** The value of an environment variable named on the command line; unset or empty is a usage error naming the option. */
export function readEnv(env: NodeJS.ProcessEnv, name: string, option: string): string {
  const value = env[name];
  if (value === undefined) throw new UsageError(`${option} names the environment variable ${name}, which is not set: export it first.`);
  if (value === '') throw new UsageError(`${option} names the environment variable ${name}, which is empty: put the value in it first.`);
  return value;
}

// ---- Errors, warnings and Ctrl-C ---------------------------------------------------------------------------------------

/**
 * Writes an error to stderr as `error: <message> (<CODE>)` plus a `hint:` line when there is one; never a stack trace.
 * `secrets` are the run's own (a server's error_description may echo them).
 */
export function reportError(error: ErrorPayload, io: Pick<CliIo, 'stderr' | 'env'>, secrets: KnownSecrets = []): void {
  const paint = painterFor(io.stderr, io.env);
  const text = { keepNewlines: true, secrets };
  const lines = [`${paint.red(paint.bold('error:'))} ${terminalSafe(error.message, text)} ${paint.dim(`(${terminalSafe(error.code)})`)}`];
  if (error.hint !== undefined && error.hint !== '') lines.push(`${paint.yellow('hint:')} ${terminalSafe(error.hint, text)}`);
  io.stderr.write(`${lines.join('\n')}\n`);
}

/** Writes a warning line to stderr as `warning: <message>`, the run's `secrets` masked in it. */
export function reportWarning(message: string, io: Pick<CliIo, 'stderr' | 'env'>, secrets: KnownSecrets = []): void {
  const paint = painterFor(io.stderr, io.env);
  io.stderr.write(`${paint.yellow('warning:')} ${terminalSafe(message, { keepNewlines: true, secrets })}\n`);
}

/** Writes a flow's warning to stderr: its message, then a `hint:` line when it has one. */
export function reportFlowWarning(warning: FlowWarning, io: Pick<CliIo, 'stderr' | 'env'>, secrets: KnownSecrets = []): void {
  reportWarning(warning.message, io, secrets);
  if (warning.hint === undefined) return;
  const paint = painterFor(io.stderr, io.env);
  io.stderr.write(`${paint.yellow('hint:')} ${terminalSafe(warning.hint, { keepNewlines: true, secrets })}\n`);
}

/**
 * Restates a key error (ERR_KEY_*) so it names the key file; an encrypted key read without a passphrase gets the CLI's own advice.
 * Other errors are returned as they are. Never includes the key.
 */
export function keyFileError(error: ErrorPayload, path: string, passphraseGiven: boolean): WorkbenchError {
  if (error.code === 'ERR_KEY_ENCRYPTED' && !passphraseGiven) {
    return new WorkbenchError(
      'ERR_KEY_ENCRYPTED',
      `The key in ${path} is encrypted and needs its passphrase: put it in an environment variable and pass --passphrase-env VAR.`,
    );
  }
  const message = error.code.startsWith('ERR_KEY_') ? `key file ${path}: ${error.message}` : error.message;
  return new WorkbenchError(error.code, message, error.hint === undefined ? {} : { hint: error.hint });
}

/** An AbortSignal that fires on Ctrl-C (SIGINT) while a run is under way; `dispose` restores the default handling. */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}

// ---- Steps with --verbose ---------------------------------------------------------------------------------------------

/** How a sensitive value appears in --verbose output: its length only, never the value. */
function maskedValue(value: string): string {
  return `<masked: ${value.length} chars>`;
}

/**
 * The secrets a step itself sent: its request's sensitive values (a client assertion, unless the flow already replaced it
 * with MASK) and its signed assertion. The CLI masks them wherever that step, or the run's error, shows server text.
 */
export function stepSecrets(step: FlowStep<string>): string[] {
  const sent = (step.request?.params ?? []).concat(step.request?.headers ?? []);
  const values = sent.filter((item) => item.sensitive && item.value !== MASK).map((item) => item.value);
  return step.assertion === undefined ? values : [...values, step.assertion.compact];
}

/**
 * One step of a token flow (Intelligence or Engagement) as `--verbose` prints it on stderr: status, duration, the request and the response with
 * sensitive values masked (the response's masked `body`, never `revealedBody`), the decoded assertion and the error. `secrets`
 * (the run's own, plus the step's: {@link stepSecrets}) are masked by value wherever the server's text may echo them.
 */
export function formatStep(step: FlowStep<string>, paint: Painter, runSecrets: KnownSecrets = []): string {
  const secrets = [...runSecrets, ...stepSecrets(step)];
  const safe = (text: string): string => terminalSafe(text, { secrets });
  const field = (item: ShownField): string => `${safe(item.name)}: ${item.sensitive ? maskedValue(item.value) : safe(item.value)}`;
  const title = safe(step.title);
  if (step.status === 'running') return `${paint.dim('..')} ${title}\n`;
  const mark = step.status === 'ok' ? paint.green('ok') : step.status === 'failed' ? paint.red('FAILED') : paint.yellow(step.status);
  const lines = [`${mark} ${paint.bold(title)}${step.durationMs === undefined ? '' : paint.dim(` (${Math.round(step.durationMs)} ms)`)}`];
  if (step.request) {
    lines.push(`   ${step.request.method} ${safe(step.request.url)}`);
    for (const header of step.request.headers) lines.push(`     ${field(header)}`);
    for (const param of step.request.params) lines.push(`     ${paint.dim('param')} ${field(param)}`);
  }
  if (step.assertion) {
    lines.push(`   header ${safe(JSON.stringify(step.assertion.header))}`);
    lines.push(`   claims ${safe(JSON.stringify(step.assertion.payload))}`);
  }
  if (step.response) {
    lines.push(`   -> HTTP ${step.response.status}`);
    for (const header of step.response.headers) lines.push(`     ${field(header)}`);
    // The body is already cut to SHOWN_BODY_LIMIT by the flow; each of its lines is masked and escaped, never echoed raw.
    if (step.response.body !== '') lines.push(...step.response.body.split('\n').map((line) => `     ${safe(line)}`));
  }
  if (step.error) lines.push(`   ${paint.red(safe(step.error.code))} ${safe(step.error.message)}`);
  return `${lines.join('\n')}\n`;
}
