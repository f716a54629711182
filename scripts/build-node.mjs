// Bundles the Node-side entry points with esbuild: the Electron main process and preload
// (CommonJS, as Electron's sandboxed preload requires), the mctoken CLI (ESM, one file) and mctoken ui's page bridge.
// Native and Electron modules stay external.
import { build } from 'esbuild';
import { chmod, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
const external = ['electron', 'keytar'];

/** Entry points that exist yet: later issues add them, the build must not fail before they land. */
const jobs = [
  { entryPoints: ['electron/app/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external },
  { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external },
  // mctoken ui's page bridge: a classic browser script served before the app's own (not packaged into the desktop app).
  { entryPoints: ['electron/preload/browser-preload.ts'], outfile: 'dist/http-shell/workbench-bridge.js', format: 'iife', platform: 'browser', target: 'es2022' },
  {
    entryPoints: ['cli/main.ts'],
    outfile: 'dist/cli/mctoken.mjs',
    format: 'esm',
    external,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __mctwCreateRequire } from 'node:module';\nconst require = __mctwCreateRequire(import.meta.url);" },
  },
].filter((job) => existsSync(job.entryPoints[0]));

await mkdir('dist', { recursive: true });
await Promise.all(jobs.map((job) => build({ ...common, ...job })));
if (existsSync('dist/cli/mctoken.mjs')) await chmod('dist/cli/mctoken.mjs', 0o755);
console.log(`build-node: ${jobs.map((j) => j.outfile).join(', ') || 'nothing to bundle yet'}`);
