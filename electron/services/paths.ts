// Where the app keeps its files: the same folder Electron's app.getPath('userData') gives, so the app and the CLI share profiles.
import { homedir as osHomedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The product name Electron names the user-data folder after (package.json "productName"). */
export const PRODUCT_NAME = 'MC Token Workbench';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The per-user application data folder Electron uses as `appData` on each platform. */
export function appDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, homedir: string): string {
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? win32.join(homedir, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support');
  return nonEmpty(env.XDG_CONFIG_HOME) ?? posix.join(homedir, '.config');
}

/**
 * The user-data folder: env MCTW_USER_DATA_DIR when set, else what Electron's app.getPath('userData') gives for the
 * product "MC Token Workbench" (Linux: $XDG_CONFIG_HOME or ~/.config; macOS: ~/Library/Application Support; Windows: %APPDATA%).
 */
export function defaultUserDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir: string = osHomedir(),
): string {
  const override = nonEmpty(env.MCTW_USER_DATA_DIR);
  if (override !== undefined) return override;
  const join = platform === 'win32' ? win32.join : posix.join;
  return join(appDataDir(env, platform, homedir), PRODUCT_NAME);
}
