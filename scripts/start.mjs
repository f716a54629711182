#!/usr/bin/env node
// `npm start` after the build: launches the desktop app with Electron. Where Electron's binary is missing and cannot be
// fetched (offline, a proxy, a locked-down laptop, CI), it says so in one line with how to fix it, then opens the same app in
// the system browser with `mctoken ui` (which prints its address). Arguments after `npm start --` go to `mctoken ui`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
/** How long the one download attempt may take before the browser takes over. */
const DOWNLOAD_TIMEOUT_MS = Number(process.env.MCTW_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 60_000);

/**
 * The installed Electron executable, or null. Reads what `require('electron')` would return without calling it (that call
 * throws "Electron failed to install correctly" when the binary is missing); same rule as e2e/support/electron-binary.ts.
 */
function electronExecutable() {
  try {
    const pathFile = join(ELECTRON_DIR, 'path.txt');
    const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const candidate = override ? join(override, relativePath || 'electron') : relativePath ? join(ELECTRON_DIR, 'dist', relativePath) : '';
    return candidate !== '' && existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

/** One short phrase for why the download failed, from its output (never the stack trace). */
function downloadFailure(output, timedOut) {
  if (timedOut) return `the download did not finish within ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} s`;
  const network =
    /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CERT_[A-Z_]+|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b/.exec(
      output,
    );
  if (network) return `the download failed: ${network[1]}`;
  const http = /Response code (\d{3})/.exec(output);
  if (http) return `the download failed with HTTP ${http[1]}`;
  if (/fetch failed/.test(output)) return 'the download server could not be reached';
  return 'the download failed';
}

/** Runs Electron's own installer once (it honours ELECTRON_MIRROR and proxies); resolves with null on success, else why not. */
function tryDownloadElectron() {
  const installer = join(ELECTRON_DIR, 'install.js');
  if (!existsSync(installer)) return Promise.resolve('the electron package is not installed (run npm ci)');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: ELECTRON_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const keep = (chunk) => (output = (output + chunk.toString()).slice(-8192));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, DOWNLOAD_TIMEOUT_MS);
    child.on('error', () => resolve('the installer could not be started'));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && electronExecutable() !== null ? null : downloadFailure(output, timedOut));
    });
  });
}

/** Runs a child with our terminal; Ctrl-C reaches it directly (same process group), so we only wait for it to end. */
function runAttached(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.code ?? error.message}.`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}

let electron = electronExecutable();
let failure = null;
if (electron === null) {
  failure = await tryDownloadElectron();
  electron = electronExecutable();
}
if (electron !== null) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAttached(electron, [ROOT], env);
} else {
  // With --no-open nothing is opened: mctoken ui only prints the address.
  const instead = process.argv.slice(2).includes('--no-open')
    ? 'serving the app for your browser instead (open the address below)'
    : 'opening the app in your browser instead';
  console.error(
    `Electron's binary is not installed and could not be downloaded (${failure}): ${instead}. ` +
      'For the desktop app, check the network or proxy, or set ELECTRON_MIRROR to a reachable Electron mirror, then run npm start again.',
  );
  runAttached(process.execPath, [join(ROOT, 'dist', 'cli', 'mctoken.cjs'), 'ui', ...process.argv.slice(2)]);
}
