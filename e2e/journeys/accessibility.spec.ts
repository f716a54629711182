import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { SAMPLE_PACKAGE, startEngagementServer } from '../../test/support/engagement-server';
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
        await saveIntelligenceProfile(page, {
          name: 'Axe profile',
          clientId: CLIENT_ID,
          discoveryUrl: idp.discoveryUrl('us1'),
          key: testKeyPair().pkcs1Escaped,
        });
        await ui.getToken(page).click();
        await expect(ui.issuedToken(page)).toBeVisible();
        for (const id of ['discovery', 'assertion', 'token'] as const)
          await ui.step(page, id).getByRole('button', { name: 'Details' }).click();
        await ui.step(page, 'token').getByRole('button', { name: 'Reveal sensitive values' }).click();
        await expectNoAxeViolations(page, where('the credentials screen with an issued token'));

        await openScreen(page, 'Profiles');
        await expect(ui.profileRows(page)).toHaveCount(1);
        await expectNoAxeViolations(page, where('the profiles screen'));
        await ui.deleteProfile(page, 'Axe profile').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoAxeViolations(page, where('the delete dialog'));
      });

      test(`${size.name}, ${colorScheme}: Engagement credentials (a failed run, an issued token) and the legacy refresh`, async ({
        desktop,
      }) => {
        const server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
        try {
          const { page } = await desktop.open();
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.emulateMedia({ colorScheme });
          const where = (screen: string) => `${screen} (${size.name}, ${colorScheme})`;
          const screen = ui.shownScreen(page);

          await openScreen(page, 'Engagement credentials');
          await expectNoAxeViolations(page, where('the empty Engagement form'));
          await screen.getByLabel('Subdomain or auth base URL', { exact: true }).fill(server.authBaseUrl);
          await screen.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
          await screen.getByLabel('Client secret', { exact: true }).fill('not-the-secret');
          await screen.getByRole('button', { name: 'Get token' }).click();
          await expect(screen.locator('[data-step-id="token"]')).toHaveAttribute('data-step-status', 'failed');
          await expectNoAxeViolations(page, where('the Engagement screen with a failed run'));
          await screen.getByLabel('Client secret', { exact: true }).fill(SAMPLE_PACKAGE.clientSecret);
          await screen.getByLabel('Scopes (optional)', { exact: true }).fill('email_read journeys_read');
          await screen.getByRole('button', { name: 'Run again' }).click();
          await expect(screen.locator('[data-step-id="soap-endpoint"]')).toHaveAttribute('data-step-status', 'ok');
          await expect(screen.getByTestId('missing-scopes')).toBeVisible();
          await expectNoAxeViolations(page, where('the Engagement screen with an issued token and who-am-I'));

          const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
          await pasteToken(
            page,
            await makeEngagementSsoJwt({
              version: 2,
              extraClaims: { request: { rest: { authEndpoint: server.refreshUrl, refreshToken } } },
            }),
          );
          const panel = ui.shownScreen(page).getByRole('region', { name: 'Legacy refresh' });
          await panel.getByRole('button', { name: 'Refresh…' }).click();
          await expect(panel.getByRole('button', { name: 'Spend the refresh token' })).toBeDisabled();
          await expectNoAxeViolations(page, where('the legacy refresh panel'));
          await panel.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
          await panel.getByLabel('Client secret', { exact: true }).fill(SAMPLE_PACKAGE.clientSecret);
          await panel.getByLabel(/I understand/).check();
          await panel.getByRole('button', { name: 'Spend the refresh token' }).click();
          await expect(panel.getByRole('group', { name: 'Refreshed token' })).toBeVisible();
          await expect(ui.claimRow(page, 'request.rest.refreshToken')).toContainText('Spent');
          await ui.tokenNotes(page).locator('summary').click();
          await expectNoAxeViolations(page, where('the decoder after a legacy refresh (spent token, new token, notes open)'));
        } finally {
          await server.close();
        }
      });

      test(`${size.name}, ${colorScheme}: the plain browser (no desktop bridge)`, async ({ page, appUrl }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme });
        await page.goto(appUrl);
        for (const screen of ['Decoder', 'Intelligence credentials', 'Engagement credentials', 'Profiles'] as const) {
          await openScreen(page, screen);
          await expectNoAxeViolations(page, `${screen} in a plain browser (${size.name}, ${colorScheme})`);
        }
      });
    }
  }
});
