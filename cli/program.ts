import { Command } from 'commander';
import type { CliIo } from './cli-io';
import type { CliOutcome } from './cli-outcome';
import { registerDecodeCommand } from './commands/decode/decode-command';
import { registerProfilesCommand } from './commands/profiles/profiles-command';
import { registerTokenCommand } from './commands/token/token-command';
import { painterFor } from './io/color';
import { CLI_VERSION } from './version';

const EXAMPLES = `
Examples:
  mctoken decode "$JWT" --secret-env MC_JWT_SECRET
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken profiles save prod --client-id "$SA_ID" --region eu1 --key-file key.pem
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" ...

Run "mctoken <command> --help" for each command's options and examples.`;

/**
 * The `mctoken` command tree. Commander never exits the process (exitOverride) and writes through `io`;
 * actions put their exit status in `outcome`.
 */
export function buildProgram(io: CliIo, outcome: CliOutcome): Command {
  const paint = painterFor(io.stderr, io.env);
  const program = new Command('mctoken')
    .description('MC Token Workbench on the command line: decode and verify Marketing Cloud tokens, get Intelligence API tokens, manage saved profiles.')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error:/, paint.red(paint.bold('error:')))),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES);
  registerDecodeCommand(program, io, outcome);
  registerTokenCommand(program, io, outcome);
  registerProfilesCommand(program, io, outcome);
  return program;
}
