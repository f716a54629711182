import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'audit-electron.mjs');
const run = promisify(execFile);

/** Runs the audit script; resolves with its exit code and output whatever the exit code. */
async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fixtureDir = mkdtempSync(join(tmpdir(), 'mctw-audit-fixture-'));
afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

/** A window created with Node integration on and context isolation off: what the audit exists to catch. */
const INSECURE_WINDOW = `const { BrowserWindow } = require('electron');
module.exports = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
`;

// Each run parses the Electron code with Babel: seconds under a loaded machine, hence the generous per-test limit.
describe('scripts/audit-electron.mjs', { timeout: 120_000 }, () => {
  it('passes on the app’s own Electron code, every finding being a reviewed allow-list entry', async () => {
    const result = await audit();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Electronegativity 1\.10\.3 on electron \(Electron \d+\.\d+\.\d+\): \d+ finding\(s\)\./);
    expect(result.stdout).not.toContain('UNREVIEWED');
    expect(result.stdout).toContain('audit-electron: no unreviewed findings.');
    expect(result.code).toBe(0);
  });

  it('fails when a window turns on nodeIntegration, naming the check and the file', async () => {
    writeFileSync(join(fixtureDir, 'window.js'), INSECURE_WINDOW);
    const result = await audit('--input', relative(ROOT, fixtureDir));
    const file = `${relative(ROOT, fixtureDir)}/window.js`;
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`UNREVIEWED NODE_INTEGRATION_JS_CHECK ${file}:2`);
    expect(result.stdout).toContain(`UNREVIEWED CONTEXT_ISOLATION_JS_CHECK ${file}:2`);
    expect(result.stderr).toMatch(
      /^audit-electron: \d+ unreviewed finding\(s\)\. Fix them, or add a reviewed entry \(check, file, reason\) to scripts\/electronegativity-allow\.json\.\n$/,
    );
  });

  it('accepts findings listed in an allow-list with reasons, and only those', async () => {
    writeFileSync(join(fixtureDir, 'window.js'), INSECURE_WINDOW);
    const file = `${relative(ROOT, fixtureDir)}/window.js`;
    const first = await audit('--input', relative(ROOT, fixtureDir));
    const found = [...first.stdout.matchAll(/UNREVIEWED (\S+) (\S+):\d+/g)].map((m) => ({ check: m[1], file: m[2] }));
    expect(found).toContainEqual({ check: 'NODE_INTEGRATION_JS_CHECK', file });

    const allowFile = join(fixtureDir, 'allow.json');
    const reason = 'Test fixture: deliberately insecure to prove the audit fails.';
    const others = found.filter((f) => f.check !== 'NODE_INTEGRATION_JS_CHECK').map((f) => ({ ...f, reason }));
    writeFileSync(allowFile, JSON.stringify({ allow: others }));
    const partly = await audit('--input', relative(ROOT, fixtureDir), '--allow', allowFile);
    expect(partly.code).toBe(1);
    expect(partly.stdout).toContain(`UNREVIEWED NODE_INTEGRATION_JS_CHECK ${file}:2`);
    expect(partly.stdout.match(/UNREVIEWED/g)).toHaveLength(1);

    writeFileSync(allowFile, JSON.stringify({ allow: found.map((f) => ({ ...f, reason })) }));
    const allowed = await audit('--input', relative(ROOT, fixtureDir), '--allow', allowFile);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(`allowed    NODE_INTEGRATION_JS_CHECK ${file}:2`);
  });

  it('refuses an allow-list entry without a written reason (exit 2)', async () => {
    const allowFile = join(fixtureDir, 'no-reason.json');
    writeFileSync(allowFile, JSON.stringify({ allow: [{ check: 'PRELOAD_JS_CHECK', file: 'electron/app/window.ts', reason: '' }] }));
    const result = await audit('--allow', allowFile);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `audit-electron: the audit could not run: ${allowFile}: entry 0 needs "check", "file" and a written "reason" (at least 20 characters)\n`,
    );
  });
});
