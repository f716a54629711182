import { CommanderError } from 'commander';
import { toErrorPayload } from '../shared/errors/workbench-error';
import type { CliIo } from './cli-io';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { reportError } from './io/report-error';
import { buildProgram } from './program';
import { UsageError } from './usage-error';

/** Runs `mctoken` with these arguments (without node and the script) and returns the exit status; never throws, never prints a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const outcome = { exitCode: EXIT_OK };
  try {
    await buildProgram(io, outcome).parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    reportError(toErrorPayload(error), io);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}
