// Test helper: runs the BUILT CLI (dist/cli/mctoken.cjs) as a child process and records everything it printed, so every
// test file can end with a scan proving no output ever carried a key or secret.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Per-test time limit for the CLI suites: each test spawns several Node processes, slow on a loaded 2-core machine. Not an assertion. */
export const CLI_TEST_TIMEOUT_MS = 90_000;

/** The built CLI the tests run. */
export const CLI_PATH = join(REPO_ROOT, 'dist/cli/mctoken.cjs');

/** What one run of the CLI did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runMctoken}. */
export interface RunOptions {
  /** Written to stdin, which is then closed (stdin is always closed, so nothing waits on it). */
  input?: string;
  /** Added to (or, with `undefined`, removed from) the environment. */
  env?: Record<string, string | undefined>;
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Leave stdin open for the test to write (e.g. a pasted line) and end itself. */
  keepStdinOpen?: boolean;
}

const transcript: string[] = [];

/** Everything every run in this test process printed on stdout and stderr, for leak scans. */
export function cliTranscript(): string {
  return transcript.join('\n');
}

/** A CLI process under way: its handle (to send it a signal) and what it will have done once it ends. */
export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Starts `node dist/cli/mctoken.cjs ...args`, without the test runner's colour variables unless `env` sets them. */
export function startMctoken(args: string[], options: RunOptions = {}): StartedCli {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      transcript.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
  child.stdin!.on('error', () => undefined);
  if (options.keepStdinOpen !== true) child.stdin!.end(options.input ?? '');
  return { child, done };
}

/** Runs the CLI to its end (see {@link startMctoken}). */
export function runMctoken(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return startMctoken(args, options).done;
}

function newestSource(dir: string): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'app' || entry.name === 'preload' || entry.name === 'test-support') continue;
      const inner = newestSource(path);
      if (inner.mtimeMs > newest.mtimeMs) newest = inner;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
    }
  }
  return newest;
}

/** Fails with what to do when the CLI is not built, or is older than a source it bundles (cli/, shared/, electron/services/). */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) throw new Error('dist/cli/mctoken.cjs is missing: build it first with `node scripts/build-node.mjs`.');
  const built = statSync(CLI_PATH).mtimeMs;
  for (const dir of ['cli', 'shared', 'electron/services']) {
    const newest = newestSource(join(REPO_ROOT, dir));
    if (newest.mtimeMs > built)
      throw new Error(`dist/cli/mctoken.cjs is older than ${newest.path}: rebuild it with \`node scripts/build-node.mjs\`.`);
  }
}

/** True when the text holds an ANSI escape sequence (colour). */
export function hasAnsi(text: string): boolean {
  return text.includes('\u001b[');
}
