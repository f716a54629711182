// Input: stdin, and the files a user names (keys and secrets), read with errors that name the file and never its contents.
import type { Readable } from 'node:stream';
import { WorkbenchError, type ErrorPayload } from '../../shared/errors/workbench-error';
import { reportWarning } from './report';
import type { CliIo } from './run';

/** Most bytes read from stdin: well beyond any token, so the decoder (not the CLI) reports an oversized input. */
export const MAX_STDIN_BYTES = 1024 * 1024;

/** Reads stdin as UTF-8 until it ends or {@link MAX_STDIN_BYTES} have arrived (the rest is not read). */
export async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks)
    .subarray(0, MAX_STDIN_BYTES + 1)
    .toString('utf8');
}

/** Largest file the CLI reads as a key or secret (a 4096-bit encrypted PEM is under 4 KiB). */
export const MAX_INPUT_FILE_BYTES = 256 * 1024;

const FILE_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Reads a UTF-8 text file the user named (`what` is e.g. "key file"). Errors are ERR_FILE_READ and name the file
 * and the problem, never its contents: "cannot read key file ./k.pem: no such file".
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  // Loaded on use: most runs read no file, and node:fs/promises costs start-up time.
  const { readFile, stat } = await import('node:fs/promises');
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_INPUT_FILE_BYTES) {
      throw new WorkbenchError(
        'ERR_FILE_READ',
        `cannot read ${what} ${path}: it is larger than ${MAX_INPUT_FILE_BYTES / 1024} KiB, so it is not a key or secret`,
        {
          hint: 'Check that the path names the right file.',
        },
      );
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (FILE_ERROR_REASONS[code] ?? `error ${code}`) : 'unreadable';
    throw new WorkbenchError('ERR_FILE_READ', `cannot read ${what} ${path}: ${reason}`, {
      hint: 'Check the path and that the file is readable.',
    });
  }
}

/**
 * Warns, as ssh does, when a file holding a private key or a secret can be read or written by the group or by others
 * (`what` is e.g. "key file"). Windows permissions are not mode bits, so nothing is said there. The run goes on.
 */
export async function warnIfReadableByOthers(path: string, what: string, io: Pick<CliIo, 'stderr' | 'env'>): Promise<void> {
  if (process.platform === 'win32') return;
  const { stat } = await import('node:fs/promises');
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  reportWarning(
    `${what} ${path} is accessible by other users (permissions ${octal}): anyone on this computer may read it. Restrict it with: chmod 600 ${path}`,
    io,
  );
}

/** Reads a file that holds a private key or a secret (see {@link readTextFile}), warning first when others can read it. */
export async function readSecretFile(path: string, what: string, io: Pick<CliIo, 'stderr' | 'env'>): Promise<string> {
  const text = await readTextFile(path, what);
  await warnIfReadableByOthers(path, what, io);
  return text;
}

/**
 * Restates a key error (ERR_KEY_*) so it names the key file; an encrypted key read without a passphrase gets the CLI's own advice.
 * Other errors are returned as they are. Never includes the key.
 */
export function keyFileError(error: ErrorPayload, path: string, passphraseGiven: boolean): WorkbenchError {
  if (error.code === 'ERR_KEY_ENCRYPTED' && !passphraseGiven) {
    return new WorkbenchError(
      'ERR_KEY_ENCRYPTED',
      `The key in ${path} is encrypted and needs its passphrase: put it in an environment variable and pass --passphrase-env VAR.`,
    );
  }
  const message = error.code.startsWith('ERR_KEY_') ? `key file ${path}: ${error.message}` : error.message;
  return new WorkbenchError(error.code, message, error.hint === undefined ? {} : { hint: error.hint });
}
