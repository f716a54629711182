import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** The global the IIFE bundle assigns: `{ createBridge }`. */
export const BRIDGE_GLOBAL = '__mctwBridgeModule';

let cached: Promise<string> | undefined;

/** Bundles shared/ipc/create-bridge.ts for the browser as an IIFE exposing `window.__mctwBridgeModule.createBridge` (once per process). */
export function bundleBridge(): Promise<string> {
  cached ??= build({
    entryPoints: [join(REPO_ROOT, 'shared', 'ipc', 'create-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: BRIDGE_GLOBAL,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no bridge bundle');
    return output.text;
  });
  return cached;
}
