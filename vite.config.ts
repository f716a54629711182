import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Chromium refuses ES module scripts and `crossorigin` requests from file:// pages, so the built page loads one classic
 * (IIFE) script with `defer` and a plain stylesheet link: the same dist works in Electron, from disk, and over http.
 */
function classicScriptTags(): Plugin {
  return {
    name: 'mctw-classic-script-tags',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin/g, '<script defer')
          .replace(/<link rel="stylesheet" crossorigin/g, '<link rel="stylesheet"'),
    },
  };
}

/** Vite builds the renderer (React UI) into dist/renderer, loadable from file:// by Electron and by a plain browser. */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), classicScriptTags()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    rolldownOptions: { output: { format: 'iife' } },
  },
});
