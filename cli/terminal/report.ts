// Errors and warnings on stderr: one line each, coloured when stderr takes colour, the run's secrets masked, never a stack trace.
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowWarning } from '../../shared/exchange/flow-types';
import { painterFor } from './paint';
import type { CliIo } from './run';
import { terminalSafe, type KnownSecrets } from './safe-text';

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
