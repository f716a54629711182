import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** Why the Electron suite skips where the binary is missing. */
export const ELECTRON_MISSING_REASON =
  'Electron binary not installed here (it cannot be downloaded on this machine): run npm run e2e:electron on a laptop with Electron installed';

/**
 * The path of the installed Electron executable, or null when it is not installed.
 * Reads what `require('electron')` would return without calling it: that call tries to
 * download the binary when it is missing, which would hang or fail offline.
 */
export function electronExecutablePath(): string | null {
  const pkgDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  try {
    const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (override) {
      const candidate = join(override, relativePath || 'electron');
      return existsSync(candidate) ? candidate : null;
    }
    if (!relativePath) return null;
    const candidate = join(pkgDir, 'dist', relativePath);
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}
