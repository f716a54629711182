import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { testKeyPair } from '../../test/support/test-keys';
import { COLOR_SCHEMES, WINDOW_SIZES, expectNoAxeViolations } from '../support/accessibility';
import { ui } from '../support/locators';
import { openScreen, pasteToken, saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-axe-service-account';

test.describe('Every screen passes axe-core, light and dark, at 1280×800 and 800×600', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  for (const size of WINDOW_SIZES) {
    for (const colorScheme of COLOR_SCHEMES) {
      test(`${size.name}, ${colorScheme}: decoder, credentials (with a run) and profiles`, async ({ desktop, idp }) => {
        idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
        const { page } = await desktop.open();
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme });
        const where = (screen: string) => `${screen} (${size.name}, ${colorScheme})`;

        await openScreen(page, 'Decoder');
        await expectNoAxeViolations(page, where('the empty decoder'));
        await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
        await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
        await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
        await expectNoAxeViolations(page, where('the decoder with a verified token'));
        await ui.signingSecret(page).fill(`${ENGAGEMENT_SIGNING_SECRET}-wrong`);
        await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
        await ui.shownScreen(page).getByRole('tab', { name: 'JSON' }).first().click();
        await expectNoAxeViolations(page, where('the decoder with a bad signature and the JSON view'));
        await pasteToken(page, 'eyJhbGciOiJIUzI1NiJ9.%%%.abc');
        await expect(ui.decoderError(page)).toBeVisible();
        await expectNoAxeViolations(page, where('the decoder with input that is not a token'));
        await pasteToken(page, await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -60 }));
        await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toBeVisible();
        await expectNoAxeViolations(page, where('the decoder with an expired token'));

        await openScreen(page, 'Intelligence credentials');
        await expectNoAxeViolations(page, where('the empty credentials form'));
        await ui.saveProfile(page).click();
        await expect(ui.fieldError(page, 'Profile name')).toBeVisible();
        await expectNoAxeViolations(page, where('the credentials form with invalid fields'));
        await saveIntelligenceProfile(page, { name: 'Axe profile', clientId: CLIENT_ID, discoveryUrl: idp.discoveryUrl('us1'), key: testKeyPair().pkcs1Escaped });
        await ui.getToken(page).click();
        await expect(ui.issuedToken(page)).toBeVisible();
        for (const id of ['discovery', 'assertion', 'token'] as const) await ui.step(page, id).getByRole('button', { name: 'Details' }).click();
        await ui.step(page, 'token').getByRole('button', { name: 'Reveal sensitive values' }).click();
        await expectNoAxeViolations(page, where('the credentials screen with an issued token'));

        await openScreen(page, 'Profiles');
        await expect(ui.profileRows(page)).toHaveCount(1);
        await expectNoAxeViolations(page, where('the profiles screen'));
        await ui.deleteProfile(page, 'Axe profile').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoAxeViolations(page, where('the delete dialog'));
      });

      test(`${size.name}, ${colorScheme}: the plain browser (no desktop bridge)`, async ({ page, appUrl }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme });
        await page.goto(appUrl);
        for (const screen of ['Decoder', 'Intelligence credentials', 'Profiles'] as const) {
          await openScreen(page, screen);
          await expectNoAxeViolations(page, `${screen} in a plain browser (${size.name}, ${colorScheme})`);
        }
      });
    }
  }
});
