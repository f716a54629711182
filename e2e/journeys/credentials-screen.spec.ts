import { readdir } from 'node:fs/promises';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { testKeyPair } from '../../test/support/test-keys';
import { COLOR_SCHEMES, WINDOW_SIZES, expectNoAxeViolations } from '../support/accessibility';
import { ui } from '../support/locators';
import { openScreen, saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-service-account-0003';

test.describe('Intelligence credentials: test before saving, results in view, validation at once', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  for (const size of WINDOW_SIZES) {
    test(`${size.name}: Get token on an unsaved form runs it as it stands, brings the run into view and stores nothing`, async ({
      desktop,
      idp,
    }) => {
      const keys = testKeyPair();
      idp.registerClient(CLIENT_ID, keys.publicPem);
      const { page, services } = await desktop.open();
      await page.setViewportSize({ width: size.width, height: size.height });
      await openScreen(page, 'Intelligence credentials');
      await ui.clientId(page).fill(CLIENT_ID);
      await ui.region(page).selectOption('custom');
      await ui.discoveryUrl(page).fill(idp.discoveryUrl('us1'));
      await ui.privateKey(page).fill(keys.pkcs1Escaped);
      idp.setFault('slow', { delayMs: 800, only: 'discovery' });
      await ui.getToken(page).click();

      // The live status takes the focus and is on screen while the steps run.
      await expect(ui.runStatus(page)).toBeFocused();
      await expect(ui.runStatus(page)).toBeInViewport();
      await expect(ui.runStatus(page)).toHaveAttribute('aria-live', 'polite');
      await expect(ui.step(page, 'discovery')).toBeInViewport();
      await expect(ui.runSubject(page)).toHaveText('with the form as it stands (not saved)');
      await expect(ui.runStatus(page)).toHaveText('Access token issued.');
      await expect(ui.issuedToken(page)).toBeInViewport({ ratio: 0.3 });

      // Nothing was saved: no profile file, no keychain entry.
      await expect(ui.savedNotice(page)).toHaveCount(0);
      expect(await services.secrets.list()).toEqual([]);
      expect((await readdir(desktop.userDataDir)).filter((f) => f.endsWith('.json'))).toEqual([]);
      await openScreen(page, 'Profiles');
      await expect(ui.noProfiles(page)).toBeVisible();
    });
  }

  test('a saved profile with edits shows "Edited", drops the Saved notice, and runs the edits only with the key pasted again', async ({
    desktop,
    idp,
  }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Edited profile',
      clientId: 'wrong-client-id',
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    await expect(ui.editedBadge(page)).toHaveCount(0);

    await ui.clientId(page).fill(CLIENT_ID);
    await expect(ui.editedBadge(page)).toHaveText('Edited · not saved');
    await expect(ui.savedNotice(page)).toHaveCount(0);
    await ui.getToken(page).click();
    await expect(ui.privateKey(page)).toBeFocused();
    await expect(ui.privateKey(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(ui.fieldError(page, 'Private key')).toContainText('To test these unsaved changes, paste the private key again');

    await ui.privateKey(page).fill(keys.pkcs1Escaped);
    await ui.getToken(page).click();
    await expect(ui.runStatus(page)).toHaveText('Access token issued.');
    await expect(ui.runSubject(page)).toHaveText('with the form as it stands (not saved)');
    await expect(ui.editedBadge(page)).toBeVisible();

    // The saved profile still has the old client id: unchanged, the form runs the saved profile (and fails as saved).
    await ui.clientId(page).fill('wrong-client-id');
    await ui.privateKey(page).fill('');
    await expect(ui.editedBadge(page)).toHaveCount(0);
    await ui.getToken(page).click();
    await expect(ui.runSubject(page)).toHaveText('with the saved profile “Edited profile”');
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
  });

  test('Save on an empty form reports every invalid field at once, next to each, and focuses the first', async ({ desktop }) => {
    const { page } = await desktop.open();
    await openScreen(page, 'Intelligence credentials');
    await ui.region(page).selectOption('custom');
    await ui.discoveryUrl(page).fill('http://idp.example.com/x');
    await ui.saveProfile(page).click();
    await expect(ui.profileName(page)).toBeFocused();
    for (const label of ['Profile name', 'Client id (service account id)', 'Discovery URL', 'Private key']) {
      const field = ui.shownScreen(page).getByLabel(label, { exact: true });
      await expect(field, label).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`), `${label} error`).toHaveClass(/field__error/);
    }
    await expect(ui.fieldError(page, 'Discovery URL')).toContainText('ERR_URL_INSECURE');
    await expect(ui.fieldError(page, 'Client id (service account id)')).toContainText('ERR_CLIENT_ID_INVALID');
    // "Give the profile a name" says it all: no error code under it.
    await expect(ui.fieldError(page, 'Profile name')).toHaveText(/^Give the profile a name/);
    await expect(ui.fieldError(page, 'Profile name')).not.toContainText('ERR_PROFILE_INVALID');
  });

  test('a previous run’s “Could not reach…” goes when a new field error shows', async ({ desktop }) => {
    const { page } = await desktop.open();
    await openScreen(page, 'Intelligence credentials');
    await ui.clientId(page).fill(CLIENT_ID);
    await ui.region(page).selectOption('custom');
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    await ui.discoveryUrl(page).fill('http://127.0.0.1:9/.well-known/openid-configuration');
    await ui.privateKey(page).fill(testKeyPair().pkcs1Escaped);
    await ui.getToken(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'failed');
    await expect(ui.stepError(page, 'discovery')).toContainText('Could not reach');
    await expect(ui.runStatus(page)).toHaveText(/^Failed: Could not reach/);

    await ui.clientId(page).fill('');
    await ui.getToken(page).click();
    await expect(ui.clientId(page)).toBeFocused();
    await expect(ui.fieldError(page, 'Client id (service account id)')).toBeVisible();
    await expect(ui.tokenPanel(page)).not.toContainText('Could not reach');
    await expect(ui.runStatus(page)).toHaveText(/^Not run yet/);
  });

  test('Copy as curl uses the token; the token request is a separate copy that says its assertion works once', async ({
    desktop,
    idp,
    context,
  }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    const { page } = await desktop.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await saveIntelligenceProfile(page, {
      name: 'Curl',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    await ui.getToken(page).click();
    const token = ((await ui.accessTokenValue(page).textContent()) ?? '').trim();
    expect(idp.hasIssued(token)).toBe(true);

    await ui.copyBearerCurl(page).click();
    const bearer = await page.evaluate(() => navigator.clipboard.readText());
    expect(bearer).toContain(`--header 'Authorization: Bearer ${token}'`);
    expect(bearer).not.toContain('client_assertion');

    await expect(ui.copyTokenRequest(page)).toHaveAccessibleDescription(/its jti works once/);
    await ui.copyTokenRequest(page).click();
    const request = await page.evaluate(() => navigator.clipboard.readText());
    expect(request).toContain('client_assertion=');
    expect(request).toContain(idp.tokenUrl('us1'));
  });

  for (const colorScheme of COLOR_SCHEMES) {
    test(`${colorScheme}: the credentials screen with invalid fields and with a failed run passes axe at 800×600`, async ({
      desktop,
      idp,
    }) => {
      idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
      const { page } = await desktop.open();
      await page.setViewportSize({ width: 800, height: 600 });
      await page.emulateMedia({ colorScheme });
      await saveIntelligenceProfile(page, {
        name: 'Failing',
        clientId: CLIENT_ID,
        discoveryUrl: idp.discoveryUrl('us1'),
        key: testKeyPair('other').pkcs1Escaped,
      });
      await ui.getToken(page).click();
      await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
      await expectNoAxeViolations(page, `the credentials screen with a failed run (${colorScheme})`);
    });
  }
});
