// One run of mctoken: its streams, its outcome and exit status, Ctrl-C, and the version it reports. Kept free of the
// heavy modules, like the rest of cli/terminal/, so that `mctoken --help` stays fast.
import { version } from '../../package.json';

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

/** Exit status when the command did what was asked. */
export const EXIT_OK = 0;
/** Exit status for a failure: a malformed token, a failed verification, a refused credential, a network error. */
export const EXIT_FAILURE = 1;
/** Exit status for wrong use of the command line: unknown option, conflicting options, missing environment variable. */
export const EXIT_USAGE = 2;
/** Exit status after Ctrl-C interrupted a run (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** An AbortSignal that fires on Ctrl-C (SIGINT) while a run is under way; `dispose` restores the default handling. */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}
