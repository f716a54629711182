// `--help` and `--version` on every command, and the top-level usage errors of the built CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, REPO_ROOT, assertCliBuilt, runMctoken } from './test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const COMMANDS = ['decode', 'token', 'profiles', 'ui', 'profiles list', 'profiles show', 'profiles save', 'profiles delete'];

beforeAll(() => assertCliBuilt());

describe('mctoken --help and --version', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runMctoken(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runMctoken(['-V'])).stdout).toBe(`${version}\n`);
  });

  it('prints the overview with the commands and examples', async () => {
    const run = await runMctoken(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mctoken \[options\] \[command\]\n/);
    for (const command of ['decode [options] [token]', 'token [options]', 'profiles']) expect(run.stdout).toContain(`  ${command}`);
    expect(run.stdout).toContain('\nExamples:\n');
  });

  it.each(COMMANDS)('prints help with examples for "mctoken %s"', async (command) => {
    const run = await runMctoken([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^Usage: mctoken ${command} `));
    expect(run.stdout).toContain('\nExamples:\n  mctoken ');
  });
});

describe('mctoken usage errors', () => {
  it('exits 2 for an unknown command, and shows the help on stderr with exit 2 for no command', async () => {
    expect(await runMctoken(['bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown command 'bogus'\n(run with --help for usage)\n",
    });
    const none = await runMctoken([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: mctoken \[options\] \[command\]\n/);
  });
});
