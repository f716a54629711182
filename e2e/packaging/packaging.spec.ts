import { expect, test } from '@playwright/test';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ELECTRON_MAIN, ELECTRON_PRELOAD, RENDERER_DIST, REPO_ROOT } from '../support/paths';
import { packageLinuxDir, type LinuxDirPackage } from './package-linux-dir';
import { FUSE_SENTINEL, STOCK_FUSE_WIRE } from './placeholder-electron';

const KEYTAR_NODE = 'node_modules/keytar/build/Release/keytar.node';

/** Bare module names a CommonJS bundle requires (relative requires excluded). */
function requiredModules(source: string): string[] {
  const names = [...source.matchAll(/require\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1] ?? '');
  return [...new Set(names.map((n) => (n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : (n.split('/')[0] ?? n))))];
}

test.describe.configure({ mode: 'serial' });

test.describe('electron-builder Linux dir target against a placeholder Electron: does not prove the packaged app launches', () => {
  let workDir = '';
  let pkg: LinuxDirPackage;
  let entries: string[] = [];

  test.beforeAll(async () => {
    for (const built of [ELECTRON_MAIN, ELECTRON_PRELOAD, join(RENDERER_DIST, 'index.html')]) {
      expect(existsSync(built), `${built} is missing: run npm run build first`).toBe(true);
    }
    workDir = await mkdtemp(join(tmpdir(), 'mctw-packaging-'));
    pkg = await packageLinuxDir(workDir);
    entries = listPackage(pkg.asarPath, { isPack: false }).map((e) => e.replace(/\\/g, '/').replace(/^\//, ''));
  });

  test.afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('app.asar holds the built main, preload and renderer, and package.json points at the packaged main', async () => {
    expect(entries).toContain('dist/electron/main.cjs');
    expect(entries).toContain('dist/electron/preload.cjs');
    expect(entries).toContain('dist/renderer/index.html');
    const manifest = JSON.parse(extractFile(pkg.asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(entries).toContain(manifest.main);
    expect(extractFile(pkg.asarPath, 'dist/electron/main.cjs').equals(await readFile(ELECTRON_MAIN))).toBe(true);
    // Every script and stylesheet index.html loads is in the package too.
    const html = extractFile(pkg.asarPath, 'dist/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(entries).toContain(asset);
  });

  test('app.asar holds nothing from the sources or tests: no .ts, no source maps, no e2e/, test/ or source folders', async () => {
    const offending = entries.filter(
      (e) =>
        /\.(ts|tsx|mts|cts|map)$/.test(e) ||
        /^(e2e|test|shared|renderer|electron|cli|scripts|build|docs|src)(\/|$)/.test(e) ||
        /(^|\/)(e2e|test|tests|__tests__)\//.test(e),
    );
    expect(offending).toEqual([]);
    const topLevel = [...new Set(entries.map((e) => e.split('/')[0]))].sort();
    expect(topLevel).toEqual(['dist', 'node_modules', 'package.json']);
  });

  test('every module the main and preload bundles require is built in, electron, or packaged', async () => {
    const packagedModules = new Set(
      entries
        .filter((e) => /^node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(e))
        .map((e) => e.slice('node_modules/'.length, -'/package.json'.length)),
    );
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const missing = requiredModules(extractFile(pkg.asarPath, bundle).toString('utf8')).filter(
        (m) => !builtins.has(m) && m !== 'electron' && !packagedModules.has(m),
      );
      expect(missing, `${bundle} requires modules the package lacks`).toEqual([]);
    }
    expect(packagedModules.has('keytar')).toBe(true);
  });

  test("keytar's native module is unpacked next to app.asar, byte for byte the one that was built", async () => {
    expect(statFile(pkg.asarPath, KEYTAR_NODE)).toMatchObject({ unpacked: true });
    const unpacked = join(pkg.unpackedDir, KEYTAR_NODE);
    expect(existsSync(unpacked)).toBe(true);
    expect((await readFile(unpacked)).equals(await readFile(join(REPO_ROOT, KEYTAR_NODE)))).toBe(true);
  });

  test('the placeholder executable is renamed to the configured Linux executable name', async () => {
    const executable = join(pkg.appOutDir, 'mc-token-workbench');
    expect((await stat(executable)).mode & 0o111).not.toBe(0);
    expect(existsSync(join(pkg.appOutDir, 'electron'))).toBe(false);
  });

  // The placeholder carries Electron's fuse sentinel and stock wire, so this reads what electron-builder flipped in the packaged
  // executable from electron-builder.yml's electronFuses. It proves the configuration is applied, not that Electron honours it.
  test('the packaged executable has the configured fuses: no run-as-node, NODE_OPTIONS or --inspect; asar only, with integrity checks; no file:// privileges', async () => {
    const binary = await readFile(join(pkg.appOutDir, 'mc-token-workbench'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(at).toBeGreaterThan(FUSE_SENTINEL.length - 1);
    expect([binary[at], binary[at + 1]]).toEqual([1, STOCK_FUSE_WIRE.length]);
    const wire = binary.subarray(at + 2, at + 2 + STOCK_FUSE_WIRE.length).toString('latin1');
    const names = [
      'runAsNode',
      'cookieEncryption',
      'nodeOptions',
      'nodeCliInspect',
      'embeddedAsarIntegrity',
      'onlyLoadAppFromAsar',
      'browserV8Snapshot',
      'fileProtocolPrivileges',
    ];
    const fuses = Object.fromEntries(names.map((name, i) => [name, wire[i] === '1']));
    expect(fuses).toEqual({
      runAsNode: false,
      cookieEncryption: false,
      nodeOptions: false,
      nodeCliInspect: false,
      embeddedAsarIntegrity: true,
      onlyLoadAppFromAsar: true,
      browserV8Snapshot: false,
      fileProtocolPrivileges: false,
    });
  });

  test("mctoken ui's page bridge is not packaged (the desktop app never loads it)", () => {
    expect(entries.filter((e) => e.startsWith('dist/http-shell'))).toEqual([]);
  });
});
