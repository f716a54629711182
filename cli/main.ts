// The `mctoken` entry point (bundled into dist/cli/mctoken.mjs). Everything is caught: a failure is a short
// message on stderr and an exit status, never a stack trace.
import { toErrorPayload } from '../shared/errors/workbench-error';
import type { CliIo } from './cli-io';
import { EXIT_FAILURE } from './exit-codes';
import { reportError } from './io/report-error';
import { runCli } from './run-cli';

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };

const crash = (error: unknown): void => {
  reportError(toErrorPayload(error), io);
  process.exit(EXIT_FAILURE);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// A closed pipe (e.g. `mctoken decode ... | head -1`) is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else crash(error);
});

process.exitCode = await runCli(process.argv.slice(2), io);
