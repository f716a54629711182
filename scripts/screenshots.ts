// Regenerates the README screenshots in docs/screenshots/ from the built renderer in Debian's Chromium, served by the
// real mctoken ui server over the real services (as in the e2e suite) and the local identity provider.
// Run after `npm run build`: bash scripts/with-keyring.sh npx tsx scripts/screenshots.ts
import { chromium, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbenchServices } from '../electron/services/create-services';
import { startHttpShell } from '../electron/services/http-shell/http-shell';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementSsoJwt } from '../test/support/engagement-tokens';
import { startActivityServer } from '../test/support/activity-server';
import { startIdpServer } from '../test/support/idp-server';
import { testKeyPair } from '../test/support/test-keys';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/support/chromium';
import { ui } from '../e2e/support/locators';
import { HTTP_BRIDGE_SCRIPT, REPO_ROOT, RENDERER_DIST } from '../e2e/support/paths';
import { openScreen, pasteToken, saveIntelligenceProfile } from '../e2e/support/workbench-actions';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');
const CLIENT_ID = '7f3c2a9e-service-account';

async function shootDecoder(page: Page): Promise<void> {
  await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
  await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
  await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
  await ui.tokenInput(page).evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT_DIR, 'decoder.png') });
}

/** Compose: an activity execute call signed with a Salt key (hex) and sent to a local activity that verified it. */
async function shootCompose(page: Page): Promise<void> {
  const salt = '0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const activity = await startActivityServer({ secret: Uint8Array.from(Buffer.from(salt.slice(2), 'hex')) });
  try {
    await openScreen(page, 'Compose');
    await ui.composeSecret(page).fill(salt);
    await ui.composeSecretEncoding(page).selectOption('hex');
    await ui.composeLifetime(page).fill('5m');
    await ui.composeSign(page).click();
    await ui.sendUrl(page).fill(`${activity.url}/execute`);
    await ui.sendButton(page).click();
    await expect(ui.sendReport(page)).toHaveAttribute('data-status', '200');
    await page.setViewportSize({ width: 1440, height: 1420 });
    await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && el.scrollTo(0, 0)));
    await page.screenshot({ path: join(OUT_DIR, 'compose.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  } finally {
    await activity.close();
  }
}

async function shootCredentials(page: Page, discoveryUrl: string): Promise<void> {
  await saveIntelligenceProfile(page, { name: 'Intelligence US1', clientId: CLIENT_ID, discoveryUrl, key: testKeyPair().pkcs1Escaped });
  await ui.getToken(page).click();
  for (const id of ['discovery', 'assertion', 'token'] as const) await expect(ui.step(page, id)).toHaveAttribute('data-step-status', 'ok');
  await expect(ui.countdown(page)).toHaveText(/^Expires in/);
  // The app scrolls inside its main column: show it from the top, tall enough for the form and the run.
  await page.setViewportSize({ width: 1440, height: 1330 });
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && el.scrollTo(0, 0)));
  await page.screenshot({ path: join(OUT_DIR, 'credentials.png') });
}

/** Takes the screenshots: the decoder with a verified Engagement v2 token, Compose after a send, and the credentials screen after a successful token run. */
async function main(): Promise<void> {
  if (process.env.MCTW_KEYRING !== 'isolated')
    throw new Error('Run under `bash scripts/with-keyring.sh`: the credentials screenshot saves a key to a throwaway keychain.');
  await mkdir(OUT_DIR, { recursive: true });
  const userDataDir = await mkdtemp(join(tmpdir(), 'mctw-screenshots-'));
  const services = createWorkbenchServices({ userDataDir, keychainService: `mctw-screenshots-${randomUUID()}`, appVersion: '0.1.0' });
  const idp = await startIdpServer({ clients: { [CLIENT_ID]: testKeyPair().publicPem } });
  const shell = await startHttpShell({ router: services.router, rendererDir: RENDERER_DIST, bridgeScriptFile: HTTP_BRIDGE_SCRIPT });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(shell.address);
    await shootDecoder(page);
    await shootCompose(page);
    await shootCredentials(page, idp.discoveryUrl('us1'));
    console.log(`screenshots: wrote decoder.png, compose.png and credentials.png in ${OUT_DIR}`);
  } finally {
    await browser.close();
    for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await shell.close();
    await idp.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

await main();
