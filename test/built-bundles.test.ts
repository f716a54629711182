// The built Electron bundles: what they may require, and that the built main process, run against the double of `electron`,
// points its window at the built preload and renderer. Needs `npm run build` (npm test builds first); skipped before that.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc/ipc-contract';
import {
  createdWindows,
  electronDouble,
  resetElectronDouble,
  contextBridge,
  app,
  protocol,
} from '../electron/app/test-support/electron-double';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
const PRELOAD = join(ROOT, 'dist', 'electron', 'preload.cjs');
const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');
const BUILT = existsSync(MAIN) && existsSync(PRELOAD) && existsSync(RENDERER_INDEX);
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The bare module names a CommonJS bundle loads with require() or import() (relative ones excluded); any computed specifier counts as `<dynamic>`. */
function requiredModules(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const literal = [...source.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1] ?? '');
  const dynamic = /\b(?:require|import)\(\s*[^"'\s)]/.test(source) ? ['<dynamic>'] : [];
  return [...new Set([...literal, ...dynamic])].sort();
}

describe.skipIf(!BUILT)('the built Electron bundles (skipped until npm run build)', () => {
  const nodeRequire = createRequire(import.meta.url);
  const electronId = nodeRequire.resolve('electron');
  let userDataDir = '';

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-bundles-'));
    vi.stubEnv('MCTW_USER_DATA_DIR', userDataDir);
    vi.stubEnv('MCTW_KEYCHAIN_SERVICE', `mctw-bundles-${process.pid}`);
    // `require('electron')` in the bundles gets the double (the real module would look for the binary).
    nodeRequire.cache[electronId] = {
      id: electronId,
      filename: electronId,
      loaded: true,
      exports: electronDouble,
    } as unknown as NodeJS.Module;
  });
  afterAll(async () => {
    delete nodeRequire.cache[electronId];
    for (const file of [MAIN, PRELOAD]) delete nodeRequire.cache[file];
    vi.unstubAllEnvs();
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('the preload requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(requiredModules(PRELOAD)).toEqual(['electron']);
  });

  it('the main process requires only Node built-ins, electron and keytar', () => {
    const required = requiredModules(MAIN);
    expect(required.filter((name) => !BUILTINS.has(name) && name !== 'electron' && name !== 'keytar')).toEqual([]);
    expect(required).toEqual(expect.arrayContaining(['electron', 'keytar']));
  });

  it('the built main process opens its window with the built preload next to it and the built renderer', async () => {
    resetElectronDouble();
    nodeRequire(MAIN);
    await app.becomeReady();
    expect(createdWindows).toHaveLength(1);
    expect(createdWindows[0]?.options.webPreferences?.preload).toBe(PRELOAD);
    // The renderer comes from app://, served by the built main's handler from dist/renderer (the file:// fuse is off when packaged).
    expect(createdWindows[0]?.loadedUrl).toBe('app://workbench/index.html');
    const served = await protocol.handlers.get('app')!(new Request('app://workbench/index.html'));
    expect(served.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await served.text()).toBe(readFileSync(RENDERER_INDEX, 'utf8'));
    expect(createdWindows[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('the built preload exposes the bridge with every channel of the contract', () => {
    resetElectronDouble();
    nodeRequire(PRELOAD);
    const bridge = contextBridge.exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS, 'on'].sort());
  });
});
