import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { ui } from '../support/locators';
import { openScreen, saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-service-account-0002';

test.describe('Profiles across restarts: files hold the profile, the keychain holds the key', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('reopening the app shows the saved profile, and its key is only in the keychain', async ({ desktop, idp }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    const first = await desktop.open();
    await saveIntelligenceProfile(first.page, {
      name: 'Survives restart',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    const fingerprint = (await ui.savedNotice(first.page).textContent()) ?? '';

    const { page, services } = await desktop.open();
    expect(first.page.isClosed()).toBe(true);
    await openScreen(page, 'Profiles');
    const row = ui.profileRow(page, 'Survives restart');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Intelligence');
    await expect(row).toContainText(CLIENT_ID);
    await expect(row).toContainText(fingerprint);

    // The key is in the keychain (and is the one pasted), and in no file of the user-data folder.
    const accounts = await services.secrets.list();
    expect(accounts).toHaveLength(1);
    const stored = await services.secrets.get(accounts[0] ?? '');
    const storedPublic = createPublicKey(createPrivateKey(stored)).export({ type: 'spki', format: 'der' });
    expect(storedPublic.equals(keys.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    const files = await readdir(desktop.userDataDir, { recursive: true });
    expect(files.length).toBeGreaterThan(0);
    const keyLines = [pemBody(keys.pkcs1Pem).slice(0, 64), pemBody(keys.pkcs8Pem).slice(0, 64), pemBody(stored).slice(0, 64)];
    for (const file of files) {
      const bytes = await readFile(join(desktop.userDataDir, file)).catch(() => Buffer.alloc(0));
      for (const line of keyLines) expect(bytes.includes(line), `${file} holds the key`).toBe(false);
    }

    // The reopened app gets a token with the stored key.
    await ui.useProfile(page, 'Survives restart').click();
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'ok');
  });

  test('after a reopen the Intelligence screen picks the saved profile from its own picker and gets a token', async ({ desktop, idp }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    const first = await desktop.open();
    await saveIntelligenceProfile(first.page, {
      name: 'Picked again',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    await expect(ui.profilePicker(first.page).locator('option:checked')).toHaveText('Picked again');

    const { page } = await desktop.open();
    await openScreen(page, 'Intelligence credentials');
    await expect(ui.profilePicker(page).locator('option:checked')).toHaveText('New profile (not saved yet)');
    await ui.profilePicker(page).selectOption({ label: 'Picked again' });
    await expect(ui.clientId(page)).toHaveValue(CLIENT_ID);
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.runSubject(page)).toHaveText('with the saved profile “Picked again”');
  });

  test('deleting a profile removes its keychain entry', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page, services } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'To delete',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    expect(await services.secrets.list()).toHaveLength(1);

    await openScreen(page, 'Profiles');
    await ui.deleteProfile(page, 'To delete').click();
    await ui.confirmDelete(page).click();
    await expect(ui.noProfiles(page)).toBeVisible();
    expect(await services.secrets.list()).toEqual([]);
    const profilesFile = (await readdir(desktop.userDataDir)).filter((f) => f.endsWith('.json'));
    for (const file of profilesFile) expect(await readFile(join(desktop.userDataDir, file), 'utf8')).not.toContain('To delete');
  });
});
