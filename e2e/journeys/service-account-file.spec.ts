import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { COLOR_SCHEMES, expectNoAxeViolations } from '../support/accessibility';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-service-account-file-0007';

test.describe('Intelligence credentials: importing the service-account file', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  for (const colorScheme of COLOR_SCHEMES) {
    test(`${colorScheme}: the file fills the form, Save puts the key in the keychain, a bad file is a coded error; axe clean`, async ({
      desktop,
      idp,
    }) => {
      const keys = testKeyPair();
      idp.registerClient(CLIENT_ID, keys.publicPem);
      const { page, services } = await desktop.open();
      await page.emulateMedia({ colorScheme });
      await openScreen(page, 'Intelligence credentials');

      const file = { serviceAccountId: CLIENT_ID, discoveryEndpoint: idp.discoveryUrl('us1'), privateKey: keys.pkcs1Pem, label: 'e2e' };
      await ui.serviceAccountFile(page).setInputFiles({
        name: 'service-account.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await expect(ui.clientId(page)).toHaveValue(CLIENT_ID);
      await expect(ui.region(page)).toHaveValue('custom');
      await expect(ui.discoveryUrl(page)).toHaveValue(idp.discoveryUrl('us1'));
      await expect(ui.privateKey(page)).toHaveValue(keys.pkcs1Pem);
      await expect(ui.serviceAccountImportStatus(page).locator('p')).toHaveText(
        'Filled from service-account.json: client id, discovery URL, private key. Save puts the key in the OS keychain.',
      );
      await expectNoAxeViolations(page, `Intelligence credentials after an import (${colorScheme})`);

      await ui.profileName(page).fill('From the file');
      await ui.saveProfile(page).click();
      await expect(ui.savedNotice(page)).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
      await expect(ui.privateKey(page)).toHaveValue('');
      expect(await services.secrets.list()).toHaveLength(1);
      await ui.getToken(page).click();
      await expect(ui.runStatus(page)).toHaveText('Access token issued.');
      await expect(page.locator('body')).not.toContainText(pemBody(keys.pkcs1Pem).slice(0, 64));

      await ui
        .serviceAccountFile(page)
        .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"serviceAccountId": ') });
      await expect(ui.serviceAccountImportStatus(page).getByRole('alert')).toContainText('The service-account file is not JSON');
      await expect(ui.serviceAccountImportStatus(page)).toContainText('ERR_SERVICE_ACCOUNT_FILE_JSON');
      await expect(ui.clientId(page)).toHaveValue(CLIENT_ID);
      await expectNoAxeViolations(page, `Intelligence credentials after a failed import (${colorScheme})`);
    });
  }
});
