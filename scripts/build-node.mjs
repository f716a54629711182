// Bundles the Node-side entry points with esbuild: the Electron main process and preload (CommonJS, as Electron's
// sandboxed preload requires), mctoken ui's page bridge and the mctoken CLI. Native and Electron modules stay external.
//
// The CLI is CommonJS and minified, in five files, so a short command starts fast (measured by `npm run bench`):
// - dist/cli/mctoken.cjs: the executable (cli/launch.ts), which runs main.cjs from V8's code cache (main.v8-cache, made
//   here by running `decode` once) when the cache fits this Node and this build;
// - dist/cli/main.cjs: every command and what `decode` and `token` run;
// - dist/cli/services.cjs: the app's services (router, zod, profile store, keychain), required only by commands that
//   use saved profiles, and dist/cli/http-shell.cjs: mctoken ui's local server;
// - dist/cli/errors.cjs: WorkbenchError, required by all, so `instanceof WorkbenchError` holds across them.
// CommonJS because Node's ESM loader costs start-up time for every module file it loads; `import()` becomes a lazy
// `require()` (dynamic-import unsupported), so a module is evaluated only when its command runs.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
const external = ['electron', 'keytar'];

/** Imports of these source files become a require() of the separately built file, instead of being bundled. */
function separateFiles(files) {
  return {
    name: 'separate-files',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        const out = files[target] ?? files[`${target}.ts`];
        return out === undefined ? undefined : { path: `./${out}`, external: true };
      });
    },
  };
}

/**
 * commander requires child_process as it loads, only to run executable subcommands, which mctoken has none of. For the CLI
 * its require becomes one that loads child_process on first use, so no start pays for net, dgram and the rest.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_target, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

const ERRORS = { [resolve('shared/errors/workbench-error.ts')]: 'errors.cjs' };
const SERVICES = { [resolve('cli/services.ts')]: 'services.cjs' };
const HTTP_SHELL = { [resolve('electron/services/http-shell/http-shell.ts')]: 'http-shell.cjs' };
// CommonJS has no import.meta: `import.meta.url` (mctoken ui finds the built renderer with it) reads this file's URL, on use.
const IMPORT_META_URL = 'var __mctwImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };';
const cli = {
  ...common,
  format: 'cjs',
  minify: true,
  external,
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__mctwImportMeta.url' },
  banner: { js: IMPORT_META_URL },
};

/** Entry points that exist yet: later issues add them, the build must not fail before they land. */
const jobs = [
  { entryPoints: ['electron/app/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external },
  { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external },
  // mctoken ui's page bridge: a classic browser script served before the app's own (not packaged into the desktop app).
  {
    entryPoints: ['electron/preload/browser-preload.ts'],
    outfile: 'dist/http-shell/workbench-bridge.js',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  },
  {
    ...cli,
    entryPoints: ['cli/main.ts'],
    outfile: 'dist/cli/main.cjs',
    plugins: [separateFiles({ ...ERRORS, ...SERVICES, ...HTTP_SHELL }), lazyChildProcess],
  },
  {
    ...common,
    entryPoints: ['cli/launch.ts'],
    outfile: 'dist/cli/mctoken.cjs',
    format: 'cjs',
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...cli, entryPoints: ['cli/services.ts'], outfile: 'dist/cli/services.cjs', plugins: [separateFiles(ERRORS)] },
  {
    ...cli,
    entryPoints: ['electron/services/http-shell/http-shell.ts'],
    outfile: 'dist/cli/http-shell.cjs',
    plugins: [separateFiles(ERRORS)],
  },
  { ...cli, entryPoints: ['shared/errors/workbench-error.ts'], outfile: 'dist/cli/errors.cjs' },
].filter((job) => existsSync(job.entryPoints[0]));

await mkdir('dist', { recursive: true });
// Files of an older layout (e.g. mctoken.mjs and its chunks) must not linger beside the new ones.
await rm('dist/cli', { recursive: true, force: true });
await Promise.all(jobs.map((job) => build({ ...common, ...job })));
if (existsSync('dist/cli/mctoken.cjs')) {
  await chmod('dist/cli/mctoken.cjs', 0o755);
  writeCodeCache();
}
console.log(`build-node: ${jobs.map((j) => j.outfile).join(', ') || 'nothing to bundle yet'}`);

/**
 * Runs `mctoken decode` once (text, then --json, of an App Center SSO JWT) with MCTOKEN_WRITE_CODE_CACHE=1, so that
 * dist/cli/main.v8-cache holds the code a decode runs, compiled by this Node (see cli/launch.ts). The second run starts
 * from the first one's cache and adds to it.
 */
function writeCodeCache() {
  const b64 = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const payload = {
    exp: 1,
    jti: 'x',
    iat: 0,
    request: {
      claimsVersion: 2,
      user: { id: 1, email: 'a@b.c', culture: 'en-US', timezone: { longName: 'UTC', shortName: 'UTC', offset: 0, dst: false } },
      organization: { id: 1, enterpriseId: 1, dataContext: 'enterprise', stackKey: 'S1', region: 'NA1' },
      application: { id: 'x', package: 'x', redirectUrl: 'https://x', features: {}, userPermissions: [] },
      rest: {
        authEndpoint: 'https://x.auth.marketingcloudapis.com/',
        apiEndpointBase: 'https://x.rest.marketingcloudapis.com/',
        refreshToken: 'r',
      },
    },
  };
  const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${'A'.repeat(43)}`;
  for (const extra of [[], ['--json']]) {
    const run = spawnSync(process.execPath, ['dist/cli/mctoken.cjs', 'decode', jwt, ...extra], {
      env: { ...process.env, MCTOKEN_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`build-node: mctoken decode failed while writing the code cache: ${run.stderr}`);
  }
}
