/** What a command's action reports back to cli/run-cli.ts: the exit status to end with. */
export interface CliOutcome {
  exitCode: number;
}
