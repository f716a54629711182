import { readFile, stat } from 'node:fs/promises';
import { WorkbenchError } from '../../shared/errors/workbench-error';

/** Largest file the CLI reads as a key or secret (a 4096-bit encrypted PEM is under 4 KiB). */
export const MAX_INPUT_FILE_BYTES = 256 * 1024;

const REASONS: Record<string, string> = {
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
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_INPUT_FILE_BYTES) {
      throw new WorkbenchError('ERR_FILE_READ', `cannot read ${what} ${path}: it is larger than ${MAX_INPUT_FILE_BYTES / 1024} KiB, so it is not a key or secret`, {
        hint: 'Check that the path names the right file.',
      });
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (REASONS[code] ?? `error ${code}`) : 'unreadable';
    throw new WorkbenchError('ERR_FILE_READ', `cannot read ${what} ${path}: ${reason}`, { hint: 'Check the path and that the file is readable.' });
  }
}
