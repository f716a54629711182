// Proves the layer rules in eslint.config.js bite: each forbidden import or global, placed in
// the layer it is forbidden in, is reported; the same code in an allowed place is not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `filePath` and returns the messages of the layer rules. */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer lint rules', () => {
  it('keeps Node built-ins out of shared/', async () => {
    expect(await layerMessages('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual([
      "'node:fs' import is restricted from being used. Node built-ins are not allowed in this layer.",
    ]);
    expect(await layerMessages('shared/probe.ts', "import { createHash } from 'crypto';\nexport const h = createHash;\n")).toHaveLength(1);
  });

  it('keeps DOM and Node globals out of shared/', async () => {
    const messages = await layerMessages(
      'shared/probe.ts',
      'export const a = document.title + window.name + process.pid + Buffer.from("x").length;\n',
    );
    expect(messages).toEqual([
      "Unexpected use of 'document'. shared/ may not use DOM globals.",
      "Unexpected use of 'window'. shared/ may not use DOM globals.",
      "Unexpected use of 'process'. shared/ may not use Node globals.",
      "Unexpected use of 'Buffer'. shared/ may not use Node globals.",
    ]);
  });

  it('keeps electron out of shared/, renderer/, cli/ and electron/services/', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['shared/probe.ts', 'renderer/probe.tsx', 'cli/probe.ts', 'electron/services/probe.ts']) {
      expect(await layerMessages(file, code), file).toEqual([
        "'electron' import is restricted from being used. Only electron/app/ and electron/preload/ may import electron.",
      ]);
    }
    expect(await layerMessages('electron/app/probe.ts', code)).toEqual([]);
  });

  it('keeps Node out of renderer/', async () => {
    expect(await layerMessages('renderer/probe.tsx', "import path from 'node:path';\nexport const p = path;\n")).toHaveLength(1);
  });

  it('allows raw ipcMain/ipcRenderer only in the two typed wrappers', async () => {
    const main = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";
    const renderer = "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n";
    expect(await layerMessages('electron/app/window.ts', main)).toEqual([
      "'ipcMain' import from 'electron' is restricted. Use the typed IPC wrappers (electron/app/ipc-main.ts, electron/preload/preload.ts).",
    ]);
    expect(await layerMessages('electron/app/ipc-main.ts', main)).toEqual([]);
    expect(await layerMessages('electron/preload/preload.ts', renderer)).toEqual([]);
  });

  it('keeps shared/ from reaching into the other layers', async () => {
    expect(await layerMessages('shared/probe.ts', "import { x } from '../electron/services/x';\nexport const y = x;\n")).toEqual([
      "'../electron/services/x' import is restricted from being used by a pattern. This layer may not import from electron/.",
    ]);
  });

  it('keeps the CLI away from the Electron glue', async () => {
    expect(await layerMessages('cli/probe.ts', "import { x } from '../electron/app/main';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerMessages('cli/probe.ts', "import { x } from '../electron/services/x';\nexport const y = x;\n")).toEqual([]);
  });
});
