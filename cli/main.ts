// The `mctoken` command tree, run and exit status (bundled into dist/cli/main.cjs and started by dist/cli/mctoken.cjs, from
// cli/launch.ts; see scripts/build-node.mjs). Everything is caught: a failure is a short message on stderr and an exit
// status, never a stack trace. Each command lives in cli/commands/, the shared terminal helpers and exit codes in
// cli/terminal/, the app's services in cli/services.ts. Only the command being run is loaded, so `mctoken decode` never
// loads zod, keytar or the router.
import { Command, CommanderError } from 'commander';
import { toErrorPayload } from '../shared/errors/workbench-error';
import { CLI_VERSION, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo, type CliOutcome } from './terminal/run';
import { UsageError } from './terminal/usage';
import { painterFor } from './terminal/paint';
import { reportError } from './terminal/report';
import { terminalSafe } from './terminal/safe-text';

/** Each command's module, loaded on demand; each registers itself on the program. */
const COMMANDS = {
  decode: async () => (await import('./commands/decode')).registerDecodeCommand,
  token: async () => (await import('./commands/token')).registerTokenCommand,
  whoami: async () => (await import('./commands/whoami')).registerWhoamiCommand,
  exec: async () => (await import('./commands/exec')).registerExecCommand,
  refresh: async () => (await import('./commands/refresh')).registerRefreshCommand,
  sign: async () => (await import('./commands/sign')).registerSignCommand,
  send: async () => (await import('./commands/send')).registerSendCommand,
  login: async () => (await import('./commands/login')).registerLoginCommand,
  profiles: async () => (await import('./commands/profiles')).registerProfilesCommand,
  ui: async () => (await import('./commands/ui')).registerUiCommand,
} as const;

/** The commands to load for these arguments: the one named first, or all of them (for help, the version, or a typo). */
function commandsFor(argv: readonly string[]): (keyof typeof COMMANDS)[] {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first)
    ? [first as keyof typeof COMMANDS]
    : (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]);
}

const EXAMPLES = `
Examples:
  mctoken decode - --secret-env MC_JWT_SECRET < sso.jwt
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken token --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN"
  mctoken whoami --profile engagement-prod
  mctoken login --client-id "$CLIENT_ID" --subdomain "$SUBDOMAIN" --scope "email_read offline" --save web   # web/public app
  mctoken profiles save prod --client-id "$SA_ID" --region eu1 --key-file key.pem
  mctoken sign --template activity-execute --secret-env MC_JWT_SECRET | mctoken send http://localhost:3000/execute --token-file -
  mctoken ui                                  # the whole app in your browser
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" ...   # reuses a cached token
  mctoken exec --profile prod -- ./sync.sh    # MC_ACCESS_TOKEN in its environment

Run "mctoken <command> --help" for each command's options and examples.`;

/**
 * The `mctoken` command tree with the commands `argv` needs. Commander never exits the process (exitOverride) and writes
 * through `io`; actions put their exit status in `outcome`.
 */
async function buildProgram(argv: readonly string[], io: CliIo, outcome: CliOutcome): Promise<Command> {
  const program = new Command('mctoken')
    .description(
      'MC Token Workbench on the command line: decode and verify Marketing Cloud tokens, compose, sign and send them to your own endpoints, get Intelligence and Engagement API tokens, who-am-I, legacy refresh, manage saved profiles, or open the whole app in your browser.',
    )
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        const paint = painterFor(io.stderr, io.env);
        write(terminalSafe(text, { keepNewlines: true }).replace(/^error:/, paint.red(paint.bold('error:'))));
      },
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES);
  for (const name of commandsFor(argv)) (await COMMANDS[name]())(program, io, outcome);
  return program;
}

/** Runs `mctoken` with these arguments (without node and the script) and returns the exit status; never throws, never prints a stack. */
async function runCli(argv: string[], io: CliIo): Promise<number> {
  const outcome = { exitCode: EXIT_OK };
  try {
    await (await buildProgram(argv, io, outcome)).parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    reportError(toErrorPayload(error), io);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}

// Getters: Node builds each stream on first access (for a pipe or a terminal that loads its net and tty modules), which
// only a run that uses the stream should pay for.
const io: CliIo = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  env: process.env,
};

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

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
