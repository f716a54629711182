import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './support/chromium';

/**
 * End-to-end suites. Run under `bash scripts/with-keyring.sh` after `npm run build`.
 * - chromium: the built renderer in Debian's Chromium, served by the real `mctoken ui` server over the
 *   real main-process services (its HTTP transport, launch token, Host and Origin checks).
 * - electron: the real app through Electron's IPC; skipped where Electron's binary is not installed.
 * - packaging: electron-builder's Linux `dir` target against a placeholder Electron distribution.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testDir: './journeys',
      use: { browserName: 'chromium', headless: true, launchOptions: CHROMIUM_LAUNCH_OPTIONS, trace: 'off', screenshot: 'only-on-failure' },
    },
    { name: 'electron', testDir: './electron', timeout: 90_000 },
    { name: 'packaging', testDir: './packaging', timeout: 60_000 },
  ],
});
