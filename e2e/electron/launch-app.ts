import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT } from '../support/paths';
import type { Observations } from '../support/observations';

/** A launched desktop app and its main window. */
export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
}

/**
 * Launches the built app (package.json "main": dist/electron/main.cjs) with the given user-data folder and keychain
 * service, and waits for its window. Console messages and page errors go to `observations`.
 */
export async function launchApp(
  executablePath: string,
  userDataDir: string,
  keychainService: string,
  observations: Observations,
): Promise<LaunchedApp> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  const app = await electron.launch({
    executablePath,
    args: [REPO_ROOT],
    cwd: REPO_ROOT,
    env: { ...env, MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService, ELECTRON_ENABLE_LOGGING: '1' },
  });
  app.process().stdout?.on('data', (chunk: Buffer) => observations.add('console', 'main-stdout', chunk.toString('utf8')));
  app.process().stderr?.on('data', (chunk: Buffer) => observations.add('console', 'main-stderr', chunk.toString('utf8')));
  const window = await app.firstWindow();
  window.on('console', (message) => observations.add('console', message.type(), message.text()));
  window.on('pageerror', (error) => observations.add('pageerror', error.name, `${error.message}\n${error.stack ?? ''}`));
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}
