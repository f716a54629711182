import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// These paths are relative to the bundled main process, dist/electron/main.cjs (esbuild emits CommonJS, so __dirname is defined).

/** The bundled preload script, dist/electron/preload.cjs. */
export function preloadPath(): string {
  return join(__dirname, 'preload.cjs');
}

/** The renderer's file: URL, dist/renderer/index.html: the only document the app window may show. */
export function rendererFileUrl(): string {
  return pathToFileURL(join(__dirname, '..', 'renderer', 'index.html')).href;
}
