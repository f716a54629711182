import { build, Platform } from 'electron-builder';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { writePlaceholderElectronDist } from './placeholder-electron';

/** Where a packaged Linux `dir` build ended up. */
export interface LinuxDirPackage {
  appOutDir: string;
  asarPath: string;
  unpackedDir: string;
}

/**
 * Runs electron-builder with the project's own electron-builder.yml for the Linux `dir` target,
 * against a placeholder Electron distribution in `workDir`: nothing is downloaded, nothing published,
 * no native module rebuilt.
 */
export async function packageLinuxDir(workDir: string): Promise<LinuxDirPackage> {
  const electronPkg = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  };
  const electronDist = join(workDir, 'electron-dist');
  await writePlaceholderElectronDist(electronDist, electronPkg.version);
  const output = join(workDir, 'release');
  await build({
    projectDir: REPO_ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist, electronVersion: electronPkg.version, npmRebuild: false, directories: { output } },
  });
  const appOutDir = join(output, 'linux-unpacked');
  return { appOutDir, asarPath: join(appOutDir, 'resources', 'app.asar'), unpackedDir: join(appOutDir, 'resources', 'app.asar.unpacked') };
}
