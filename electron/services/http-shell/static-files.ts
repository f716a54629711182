import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** A file to send: its bytes and content type. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The content type a file is sent with, by mctoken ui and the app's app:// handler alike (unknown extensions are opaque bytes, never sniffed). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Reads the file a URL path names inside `root`, or null when it is outside it, not a file, or not there. No listings. The
 * real paths are compared too, so a symlink in the folder that points out of it serves nothing.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const base = normalize(root + sep);
  const file = normalize(join(base, decoded));
  if (decoded.includes('\0') || !file.startsWith(base)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(base), realpath(file)]);
    if (!realFile.startsWith(normalize(realRoot + sep)) || !(await stat(realFile)).isFile()) return null;
    return { body: await readFile(realFile), contentType: contentTypeOf(file) };
  } catch {
    return null;
  }
}
