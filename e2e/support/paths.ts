import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file lives in e2e/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `vite build` puts the renderer. */
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');

/** The bundled Electron main process, as package.json "main" names it. */
export const ELECTRON_MAIN = join(REPO_ROOT, 'dist', 'electron', 'main.cjs');

/** The bundled preload script. */
export const ELECTRON_PRELOAD = join(REPO_ROOT, 'dist', 'electron', 'preload.cjs');

/** mctoken ui's page bridge, served before the app script. */
export const HTTP_BRIDGE_SCRIPT = join(REPO_ROOT, 'dist', 'http-shell', 'workbench-bridge.js');

/** The app icon, which mctoken ui serves as /favicon.ico. */
export const APP_ICON = join(REPO_ROOT, 'build', 'icon.png');
