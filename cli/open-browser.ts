// Opening an address in the system browser (`mctoken ui`, `mctoken login`).
import { spawn } from 'node:child_process';
import type { CliIo } from './terminal/run';

/** The system's "open this URL" command for the platform. */
function openCommand(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens the address in the system browser; where that cannot be done, says so (without the address) and carries on.
 * The address is on the opener's (and the browser's) command line, which other local users can list, and lands in the
 * browser's session files: `mctoken ui` gives it a one-time launch code; an authorize URL holds nothing secret.
 */
export function openBrowser(url: string, io: Pick<CliIo, 'stderr'>): void {
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
