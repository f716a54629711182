import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker @electron/fuses looks for in Electron's binary; the fuse wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuse wire as shipped (version 1, 8 fuses, '1' on and '0' off): runAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, asar integrity off, only-load-from-asar off, browser V8 snapshot off, file:// privileges on.
 */
export const STOCK_FUSE_WIRE = '10110001';

/**
 * Writes a stand-in for an unpacked Linux Electron distribution: what electron-builder copies and
 * renames when `electronDist` points at a folder. The `electron` file is a shell script, not Electron,
 * so a package built on it can be inspected but not launched. It carries Electron's fuse sentinel and a
 * stock fuse wire in a comment, so electron-builder's `electronFuses` can be applied to it and read back.
 */
export async function writePlaceholderElectronDist(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const fuseWire = `# ${FUSE_SENTINEL}\x01\x08${STOCK_FUSE_WIRE}\n`;
  await writeFile(join(dir, 'electron'), `#!/bin/sh\n${fuseWire}echo "placeholder Electron: this package cannot launch" >&2\nexit 1\n`);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), 'placeholder\n');
}
