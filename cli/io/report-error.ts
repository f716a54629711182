import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { CliIo } from '../cli-io';
import { painterFor } from './color';

/** Writes an error to stderr as `error: <message> (<CODE>)` plus a `hint:` line when there is one; never a stack trace. */
export function reportError(error: ErrorPayload, io: Pick<CliIo, 'stderr' | 'env'>): void {
  const paint = painterFor(io.stderr, io.env);
  const lines = [`${paint.red(paint.bold('error:'))} ${error.message} ${paint.dim(`(${error.code})`)}`];
  if (error.hint !== undefined && error.hint !== '') lines.push(`${paint.yellow('hint:')} ${error.hint}`);
  io.stderr.write(`${lines.join('\n')}\n`);
}

/** Writes a warning line to stderr as `warning: <message>`. */
export function reportWarning(message: string, io: Pick<CliIo, 'stderr' | 'env'>): void {
  const paint = painterFor(io.stderr, io.env);
  io.stderr.write(`${paint.yellow('warning:')} ${message}\n`);
}
