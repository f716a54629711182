import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Vite builds the renderer (React UI) into dist/renderer. Both shells serve it from an origin (Electron's app://workbench,
 * `mctoken ui`'s http://127.0.0.1), so the page loads ES modules: the decoder's entry first, the other screens as chunks
 * loaded after it (React.lazy in renderer/app) with their styles, and the decoder's worker as a module of its own.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // The entry's chunks are named in index.html (link rel=modulepreload), so they load beside it rather than after it.
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
