import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { contentTypeOf } from '../services/http-shell/static-files';
import { withContentSecurityPolicy } from '../services/security/content-security-policy';

// The app's own files. The renderer is served from the app:// scheme, not file://: the packaged app flips the
// grantFileProtocolExtraPrivileges fuse off (electron-builder.yml), and without it file:// pages can neither read inside
// app.asar nor load their module scripts. Paths are relative to the bundled main process, dist/electron/main.cjs (esbuild
// emits CommonJS, so __dirname is defined).

/** The scheme the renderer is served from (registered as standard and secure before the app is ready: main.ts). */
export const APP_SCHEME = 'app';

/** The renderer's document, the only one the app window may show: dist/renderer/index.html served as app://workbench/. */
export const APP_DOCUMENT_URL = `${APP_SCHEME}://workbench/index.html`;

/** The bundled preload script, dist/electron/preload.cjs. */
export function preloadPath(): string {
  return join(__dirname, 'preload.cjs');
}

/** The built renderer's folder, dist/renderer: everything app://workbench/ serves, and nothing else. */
export function rendererDir(): string {
  return join(__dirname, '..', 'renderer');
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The app:// handler for protocol.handle: a GET of app://workbench/<path> answers the file at <path> under `root`, with
 * its content type, nosniff and the strict CSP; anything else (another host, a method, a path that leaves `root` once
 * decoded, a missing file or a folder) is a 404. Electron's fs reads inside app.asar, which file:// no longer does.
 */
export function appFileHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.protocol !== `${APP_SCHEME}:` || url.host !== 'workbench') return notFound();
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    const file = join(root, path === '/' ? 'index.html' : path);
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || path.includes('\0')) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = withContentSecurityPolicy({
      'Content-Type': contentTypeOf(file),
      'X-Content-Type-Options': 'nosniff',
    });
    return new Response(new Uint8Array(body), { status: 200, headers: headers as Record<string, string> });
  };
}
