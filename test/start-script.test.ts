// `npm start` where Electron's binary is missing and cannot be downloaded: one plain line, then `mctoken ui` in its place.
// The download is pointed at a closed local port (ELECTRON_MIRROR), so the test never reaches the internet; on a machine
// that has Electron, ELECTRON_OVERRIDE_DIST_PATH points at an empty folder to make the binary missing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// The built CLI and renderer are what npm start serves: like the other CLI tests this needs `npm run build` first, and it
// fails (rather than skips) without it, so a renamed build output cannot hide behind a skip.
const BUILT_FILES = [join(ROOT, 'dist', 'cli', 'mctoken.cjs'), join(ROOT, 'dist', 'renderer', 'index.html')];
const temp: string[] = [];
afterAll(async () => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('npm start without Electron’s binary', () => {
  it('has the built CLI and renderer it starts (run npm run build first)', () => {
    expect(BUILT_FILES.filter((file) => !existsSync(file))).toEqual([]);
  });

  it(
    'says what failed and how to fix it in one line, then serves the app with mctoken ui and stops on Ctrl-C',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mctw-start-'));
      temp.push(dir);
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-open'], {
        cwd: ROOT,
        detached: true,
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: join(dir, 'cache'),
          MCTW_USER_DATA_DIR: join(dir, 'user-data'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        });
        child.on('exit', () => reject(new Error(`npm start ended early: ${stderr}`)));
      });
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
      expect(stderr.split('\n')[0]).toMatch(
        /^Electron's binary is not installed and could not be downloaded \(the download [^)]+\): serving the app for your browser instead \(open the address below\)\. For the desktop app, check the network or proxy, or set ELECTRON_MIRROR to a reachable Electron mirror, then run npm start again\.$/,
      );
      expect(stderr).not.toContain('opening the app in your browser');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect((await fetch(address.replace(/#.*$/, ''))).status).toBe(200);

      // Ctrl-C in a terminal reaches the whole process group.
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain('Stopped.\n');
    },
  );
});
