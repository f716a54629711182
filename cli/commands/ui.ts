// `mctoken ui`: the whole app in the system browser, for machines where Electron cannot run. One local HTTP server on
// 127.0.0.1 (electron/services/http-shell) serves the built renderer and the app's own services; the page gets the same
// window.workbench as the desktop app, over HTTP. Options, run and output, top to bottom.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { openBrowser } from '../open-browser';
import { EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError } from '../terminal/usage';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken ui`, as commander parses them (`--no-open` sets open to false). */
export interface UiOptions {
  port: string;
  open: boolean;
}

const EXAMPLES = `
Examples:
  mctoken ui                      # a free port; opens your browser
  mctoken ui --port 8123 --no-open

It prints the address to open, http://127.0.0.1:PORT/#token=CODE, on a line of its own. CODE is a one-time launch code:
the page trades it for this server's session, once, within 60 s, and keeps that session for reloads of its tab. For
another tab (or after 60 s) press Enter: a new address is printed on a line of its own. Ctrl-C stops the server.
Profiles and keys are the app's own (same user-data folder and OS keychain entries).`;

/** Registers `mctoken ui`. */
export function registerUiCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('ui')
    .summary('open the whole app in your browser, served from this machine only')
    .description(
      "Serve the app (decoder, credentials with live steps, profiles) on 127.0.0.1 with the desktop app's services, and open it in the system browser.",
    )
    .option('--port <port>', 'the port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--no-open', 'print the address without opening a browser')
    .addHelpText('after', EXAMPLES)
    .action(async (options: UiOptions) => {
      outcome.exitCode = await runUi(options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/** The --port value: a whole number from 0 to 65535. */
function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks a free one); got "${text}".`);
  return Number(text);
}

/** Where the build put what the server serves: next to this bundle (dist/cli/main.cjs) in dist/, and the app icon in build/. */
function builtFiles(): { rendererDir: string; bridgeScriptFile: string; faviconFile: string } {
  return {
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    bridgeScriptFile: fileURLToPath(new URL('../http-shell/workbench-bridge.js', import.meta.url)),
    faviconFile: fileURLToPath(new URL('../../build/icon.png', import.meta.url)),
  };
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `mctoken ui`: starts the server, prints the address, opens the browser unless --no-open, and serves until Ctrl-C. */
async function runUi(options: UiOptions, io: CliIo): Promise<number> {
  const port = parsePort(options.port);
  const { openServices } = await import('../services');
  const { startHttpShell } = await import('../../electron/services/http-shell/http-shell');
  // Unexpected failures are reported by channel and error class only: their text could hold what the user sent.
  const services = openServices(io.env, {
    onInternalError: (channel, error) =>
      io.stderr.write(`Unexpected failure handling ${channel} (${error instanceof Error ? error.name : typeof error}).\n`),
  });
  const stopped = untilStopped();
  let shell;
  try {
    shell = await startHttpShell({ router: services.router, port, ...builtFiles() });
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === 'ERR_USAGE') throw new UsageError(error.message);
    throw error;
  }
  io.stdout.write(`${shell.address}\n`);
  io.stderr.write(
    'MC Token Workbench is served at the address above, to this machine only. It opens one tab, once, within 60 s: ' +
      'press Enter for a new address. Press Ctrl-C to stop.\n',
  );
  if (options.open) openBrowser(shell.address, io);
  // Each line read (Enter in the terminal) prints a new address with a new launch code.
  const lines = createInterface({ input: io.stdin, terminal: false });
  lines.on('line', () => io.stdout.write(`${shell.newAddress()}\n`));
  await stopped;
  lines.close();
  // Closing the server cancels every call still running.
  await shell.close();
  io.stderr.write('Stopped.\n');
  return EXIT_OK;
}
