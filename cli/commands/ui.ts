// `mctoken ui`: the whole app in the system browser, for machines where Electron cannot run. One local HTTP server on
// 127.0.0.1 (electron/services/http-shell) serves the built renderer and the app's own services; the page gets the same
// window.workbench as the desktop app, over HTTP. Options, run and output, top to bottom.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { EXIT_OK, UsageError, type CliIo, type CliOutcome } from '../terminal';

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

It prints the address to open, http://127.0.0.1:PORT/#token=TOKEN, on a line of its own. The token is new at each start
and is what lets that page (and nothing else) use the app: do not share the address. Ctrl-C stops the server.
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

/** Where the build put what the server serves: next to this bundle (dist/cli/main.cjs) in dist/. */
function builtFiles(): { rendererDir: string; bridgeScriptFile: string } {
  return {
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    bridgeScriptFile: fileURLToPath(new URL('../http-shell/workbench-bridge.js', import.meta.url)),
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
  io.stderr.write('MC Token Workbench is served at the address above, to this machine only. Press Ctrl-C to stop.\n');
  if (options.open) openBrowser(shell.address, io);
  await stopped;
  services.tokens.cancelAll();
  await shell.close();
  io.stderr.write('Stopped.\n');
  return EXIT_OK;
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** The system's "open this URL" command for the platform. */
function openCommand(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens the address in the system browser; where that cannot be done, says so (without the address) and carries on serving.
 * The address is on the opener's command line, which other local users can list while it runs; a forwarding file in /tmp
 * (Jupyter's way) would hide it, but snap-packaged browsers (Ubuntu's Firefox and Chromium) cannot read /tmp.
 */
function openBrowser(url: string, io: CliIo): void {
  const { command, args } = openCommand(url);
  const cannot = (why: string): void => {
    io.stderr.write(`Could not open a browser (${why}): open the address above yourself.\n`);
  };
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    child.on('error', (error: NodeJS.ErrnoException) => cannot(error.code === 'ENOENT' ? `${command} was not found` : `${command} failed`));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) cannot(`${command} exited with status ${code}`);
    });
    child.unref();
  } catch {
    cannot(`${command} could not be started`);
  }
}
