// `mctoken ui` run as the built CLI: the address line, the server behind it, no browser, Ctrl-C, and its usage errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, runMctoken, startMctoken, type StartedCli } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const ADDRESS = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/;
let started: StartedCli | null = null;
let userDataDir = '';

beforeAll(() => assertCliBuilt());
afterEach(async () => {
  if (started !== null && started.child.exitCode === null) started.child.kill('SIGKILL');
  started = null;
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** Starts `mctoken ui` with these arguments and resolves with its first stdout line. */
async function startUi(
  args: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): Promise<{ line: string; stdout: () => string; stderr: () => string }> {
  userDataDir = await mkdtemp(join(tmpdir(), 'mctw-ui-'));
  started = startMctoken(['ui', ...args], { env: { MCTW_USER_DATA_DIR: userDataDir, ...env }, input });
  let stdout = '';
  let stderr = '';
  started.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    started!.child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    started!.child.on('exit', () => reject(new Error(`mctoken ui exited early: ${stderr}`)));
  });
  return { line, stdout: () => stdout, stderr: () => stderr };
}

/** Trades a launch code for the session token, as the page does. */
async function sessionFor(origin: string, code: string): Promise<string> {
  const reply = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${code}`, 'content-type': 'application/json' },
    body: 'null',
  });
  if (reply.status !== 200) throw new Error(`trade refused with ${reply.status}`);
  return ((await reply.json()) as { value: { sessionToken: string } }).value.sessionToken;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('mctoken ui', () => {
  it('prints exactly the address on its own stdout line, serves the app and the services there, and stops cleanly on Ctrl-C', async () => {
    const { line, stderr } = await startUi(['--no-open', '--port', '0']);
    const [, port, code] = ADDRESS.exec(line) ?? [];
    expect(Number(port)).toBeGreaterThan(0);
    const origin = `http://127.0.0.1:${port}`;
    const token = await sessionFor(origin, code ?? '');

    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="./workbench-bridge.js"></script>');
    const call = (t: string) =>
      fetch(`${origin}/api/invoke/profiles%3Alist`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: 'null',
      });
    expect(await (await call(token)).json()).toEqual({ ok: true, value: { profiles: [], problems: [], keychain: {}, foreign: [] } });
    expect((await call('x'.repeat(43))).status).toBe(401);

    started!.child.kill('SIGINT');
    const run = await started!.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${line}\n`);
    expect(stderr()).toBe(
      'MC Token Workbench is served at the address above, to this machine only. It opens one tab, once, within 60 s: press Enter for a new address. Press Ctrl-C to stop.\nStopped.\n',
    );
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('prints a new address with a new one-time code for each Enter, and a spent code opens nothing', async () => {
    // Two Enters, as stdin lines.
    const { line, stdout } = await startUi(['--no-open'], {}, '\n\n');
    const [, port, first] = ADDRESS.exec(line) ?? [];
    const origin = `http://127.0.0.1:${port}`;
    await vi.waitFor(() => expect(stdout().split('\n')).toHaveLength(4), { timeout: 10_000 });
    const [, second, third] = stdout().split('\n');
    expect(third).toMatch(ADDRESS);
    const session = await sessionFor(origin, first ?? '');
    expect(stdout()).not.toContain(session);
    const [, secondPort, secondCode] = ADDRESS.exec(second ?? '') ?? [];
    expect(secondPort).toBe(port);
    expect(secondCode).not.toBe(first);
    expect(await sessionFor(origin, secondCode ?? '')).toBe(session);
    await expect(sessionFor(origin, first ?? '')).rejects.toThrow('trade refused with 401');
  });

  it('uses the port it is given, with a new code at each start', async () => {
    const port = await freePort();
    const first = await startUi(['--no-open', '--port', String(port)]);
    expect(ADDRESS.exec(first.line)?.[1]).toBe(String(port));
    started!.child.kill('SIGINT');
    await started!.done;
    const second = await startUi(['--no-open', '--port', String(port)]);
    expect(ADDRESS.exec(second.line)?.[2]).not.toBe(ADDRESS.exec(first.line)?.[2]);
  });

  it('where no browser can be opened, says so without the address and keeps serving', async () => {
    const { line, stderr } = await startUi([], { PATH: '/nonexistent' });
    expect(line).toMatch(ADDRESS);
    await vi.waitFor(() => expect(stderr()).toContain('Could not open a browser ('), { timeout: 10_000 });
    expect(stderr()).toMatch(/Could not open a browser \((xdg-open|open|rundll32) was not found\): open the address above yourself\.\n/);
    expect(stderr()).not.toContain(ADDRESS.exec(line)?.[2] ?? '?');
    expect((await fetch(line.replace(/#.*$/, ''))).status).toBe(200);
  });

  it('refuses a bad port and a port in use with exit 2 and what to do', async () => {
    expect(await runMctoken(['ui', '--no-open', '--port', '70000'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --port must be a whole number from 0 to 65535 (0 picks a free one); got "70000". (ERR_USAGE)\n',
    });
    const { line } = await startUi(['--no-open']);
    const port = ADDRESS.exec(line)?.[1];
    const clash = await runMctoken(['ui', '--no-open', '--port', port ?? '']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain(`Port ${port} is already in use: choose another with --port, or --port 0 for a free one.`);
  });
});
