import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium: the suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.MCTW_CHROMIUM ?? '/usr/bin/chromium';

/** Launch options for Debian's Chromium, shared by the e2e config, the screenshots script and the bench. */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
