import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file that contains a secret: where, and which needle (by index, never the secret itself). */
export interface FileLeak {
  file: string;
  needle: number;
}

/**
 * The forms a secret may take when written by code: as is, JSON-escaped, URL-encoded (an authorization code or refresh
 * token inside an address or a form body), and base64/base64url of its UTF-8 bytes.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
  return [...new Set(forms)];
}

/** Lists every regular file below `dir` (recursively). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [])),
  );
  return nested.flat();
}

/** Scans every file of `dir` (as UTF-8 and as latin1, so binary files count too) for any of the needles. */
export async function scanFolderForSecrets(dir: string, needles: readonly string[]): Promise<FileLeak[]> {
  const leaks: FileLeak[] = [];
  for (const file of await listFiles(dir)) {
    const bytes = await readFile(file);
    const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
    needles.forEach((needle, index) => {
      if (needle.length > 0 && texts.some((t) => t.includes(needle))) leaks.push({ file: relative(dir, file), needle: index });
    });
  }
  return leaks;
}

/** Needles that betray a PEM private key: its whole base64 body (pemBody) and each of its 64-character lines on its own. */
export function pemNeedles(body: string): string[] {
  const lines = body.match(/.{1,64}/g) ?? [];
  return [body, ...lines.filter((l) => l.length === 64)];
}
