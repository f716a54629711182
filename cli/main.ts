// The `mctoken` entry point (bundled into dist/cli/mctoken.mjs): the command tree, the run, the exit status. Everything is
// caught: a failure is a short message on stderr and an exit status, never a stack trace. Each command lives in cli/commands/,
// the shared terminal helpers and exit codes in cli/terminal.ts, the app's services in cli/services.ts.
import { Command, CommanderError } from 'commander';
import { toErrorPayload } from '../shared/errors/workbench-error';
import { registerDecodeCommand } from './commands/decode';
import { registerProfilesCommand } from './commands/profiles';
import { registerRefreshCommand } from './commands/refresh';
import { registerTokenCommand } from './commands/token';
import { registerUiCommand } from './commands/ui';
import { registerWhoamiCommand } from './commands/whoami';
import { CLI_VERSION, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, painterFor, reportError, terminalSafe, type CliIo, type CliOutcome } from './terminal';

const EXAMPLES = `
Examples:
  mctoken decode "$JWT" --secret-env MC_JWT_SECRET
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken token --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN"
  mctoken whoami --profile engagement-prod
  mctoken profiles save prod --client-id "$SA_ID" --region eu1 --key-file key.pem
  mctoken ui                                  # the whole app in your browser
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" ...

Run "mctoken <command> --help" for each command's options and examples.`;

/**
 * The `mctoken` command tree. Commander never exits the process (exitOverride) and writes through `io`;
 * actions put their exit status in `outcome`.
 */
function buildProgram(io: CliIo, outcome: CliOutcome): Command {
  const paint = painterFor(io.stderr, io.env);
  const program = new Command('mctoken')
    .description('MC Token Workbench on the command line: decode and verify Marketing Cloud tokens, get Intelligence and Engagement API tokens, who-am-I, legacy refresh, manage saved profiles, or open the whole app in your browser.')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(terminalSafe(text, { keepNewlines: true }).replace(/^error:/, paint.red(paint.bold('error:')))),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES);
  registerDecodeCommand(program, io, outcome);
  registerTokenCommand(program, io, outcome);
  registerWhoamiCommand(program, io, outcome);
  registerRefreshCommand(program, io, outcome);
  registerProfilesCommand(program, io, outcome);
  registerUiCommand(program, io, outcome);
  return program;
}

/** Runs `mctoken` with these arguments (without node and the script) and returns the exit status; never throws, never prints a stack. */
async function runCli(argv: string[], io: CliIo): Promise<number> {
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
