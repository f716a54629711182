import { test, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeytarSecretStore } from '../../electron/services/secret-store/keytar-secret-store';
import { ENGAGEMENT_SIGNING_SECRET, V2_CLAIM_PATHS, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expectNoLeaks, privateKeyNeedles } from '../fixtures/workbench-test';
import { ELECTRON_MISSING_REASON, electronExecutablePath } from '../support/electron-binary';
import { secretForms } from '../support/leak-scan';
import { ui } from '../support/locators';
import { Observations } from '../support/observations';
import { openScreen, pasteToken, saveIntelligenceProfile } from '../support/workbench-actions';
import { launchApp, type LaunchedApp } from './launch-app';

const executable = electronExecutablePath();
const CLIENT_ID = 'e2e-electron-service-account';

test.describe("The desktop app through Electron's real IPC", () => {
  test.skip(executable === null, ELECTRON_MISSING_REASON);

  let userDataDir = '';
  let keychainService = '';
  let idp: IdpServer;
  let observations: Observations;
  let running: LaunchedApp | null = null;

  const launch = async (): Promise<LaunchedApp> => {
    if (running !== null) await running.app.close();
    running = await launchApp(executable ?? '', userDataDir, keychainService, observations);
    return running;
  };

  test.beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-electron-'));
    keychainService = `mctw-e2e-electron-${randomUUID()}`;
    observations = new Observations();
    idp = await startIdpServer();
  });

  test.afterEach(async () => {
    if (running !== null) await running.app.close();
    running = null;
    await idp.close();
    try {
      await expectNoLeaks(userDataDir, observations, [
        { name: 'private key (default test key pair)', needles: privateKeyNeedles(testKeyPair()) },
        { name: 'Engagement signing secret', needles: secretForms(ENGAGEMENT_SIGNING_SECRET) },
      ]);
      expect(
        observations.of('pageerror').map((o) => o.text),
        'uncaught errors in the win',
      ).toEqual([]);
    } finally {
      if (KEYRING_ISOLATED) {
        const store = createKeytarSecretStore({ service: keychainService });
        for (const account of await store.list()) await store.delete(account);
      }
      await rm(userDataDir, { recursive: true, force: true });
    }
  });

  test('the win has the preload bridge and the decoder explains and verifies an Engagement v2 JWT', async () => {
    const { window: win } = await launch();
    expect(await win.evaluate(() => typeof window.workbench?.['app:info'])).toBe('function');
    await expect(win.getByText(/^v\d+\.\d+\.\d+/)).toBeVisible();
    await pasteToken(win, await makeEngagementSsoJwt({ version: 2 }));
    for (const path of V2_CLAIM_PATHS) await expect(ui.claimRow(win, path), `row for ${path}`).toHaveCount(1);
    await ui.signingSecret(win).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(win)).toHaveAttribute('data-signature-status', 'valid');
  });

  test('save an Intelligence profile, get a token, relaunch: the profile is there; delete it: the keychain entry is gone', async () => {
    test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    let { window: win } = await launch();
    await saveIntelligenceProfile(win, {
      name: 'Electron e2e',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    await ui.getToken(win).click();
    for (const id of ['discovery', 'assertion', 'token'] as const) await expect(ui.step(win, id)).toHaveAttribute('data-step-status', 'ok');
    const accessToken = (await ui.accessTokenValue(win).textContent())?.trim() ?? '';
    expect(idp.hasIssued(accessToken)).toBe(true);
    await expect(ui.countdown(win)).toHaveText(/^Expires in [45]:\d\d$/);

    const store = createKeytarSecretStore({ service: keychainService });
    expect(await store.list()).toHaveLength(1);

    ({ window: win } = await launch());
    await openScreen(win, 'Profiles');
    await expect(ui.profileRow(win, 'Electron e2e')).toHaveCount(1);
    await ui.deleteProfile(win, 'Electron e2e').click();
    await ui.confirmDelete(win).click();
    await expect(ui.noProfiles(win)).toBeVisible();
    expect(await store.list()).toEqual([]);
  });

  test('a slow server: the run can be cancelled through IPC', async () => {
    test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { window: win } = await launch();
    await saveIntelligenceProfile(win, {
      name: 'Slow',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('slow', { delayMs: 30_000 });
    await ui.getToken(win).click();
    await expect(ui.step(win, 'discovery')).toHaveAttribute('data-step-status', 'running');
    await ui.cancelRun(win).click();
    await expect(ui.step(win, 'discovery')).toHaveAttribute('data-step-status', 'cancelled');
    await expect(ui.stepError(win, 'discovery').locator('.error-message__code')).toHaveText('ERR_CANCELLED');
  });
});
