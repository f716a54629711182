// No dead IPC surface: every channel and event of the contract has a caller in the renderer or the CLI, outside tests.
// A channel only tests call is attack surface for nothing: remove it, or give it its caller.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS } from '../shared/ipc/ipc-contract';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.split(/[\\/]/).includes('test-support'));
}

const callerSources = ['renderer', 'cli'].flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

function callers(name: string): string[] {
  return callerSources.filter((file) => file.text.includes(`'${name}'`)).map((file) => file.path);
}

describe('IPC surface', () => {
  it('finds the callers it looks for (the scan is not empty)', () => {
    expect(callerSources.length).toBeGreaterThan(20);
    expect(callers('profiles:save')).toEqual(expect.arrayContaining([join('renderer', 'intelligence', 'credentials-form.tsx')]));
    expect(callers('no:such-channel')).toEqual([]);
  });

  it.each([...IPC_CHANNELS, ...IPC_EVENTS])('%s has a caller outside tests', (name) => {
    expect(callers(name), `${name}: no caller in renderer/ or cli/ outside tests`).not.toEqual([]);
  });
});
