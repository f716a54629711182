import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a stand-in for an unpacked Linux Electron distribution: what electron-builder copies and
 * renames when `electronDist` points at a folder. The `electron` file is a shell script, not Electron,
 * so a package built on it can be inspected but not launched.
 */
export async function writePlaceholderElectronDist(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "placeholder Electron: this package cannot launch" >&2\nexit 1\n');
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), 'placeholder\n');
}
