import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { SAMPLE_PACKAGE, startEngagementServer } from '../../test/support/engagement-server';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { testKeyPair } from '../../test/support/test-keys';
import { WINDOW_SIZES } from '../support/accessibility';
import { expectNoAxeViolationsEverywhere } from '../support/both-schemes';
import { ui } from '../support/locators';
import { openScreen, pasteToken, saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-axe-service-account';
/** The size each journey is driven at; every state it reaches is checked at each size and in each scheme. */
const LAPTOP = { width: WINDOW_SIZES[0].width, height: WINDOW_SIZES[0].height };

test.describe('Every screen state passes axe-core, light and dark, at 1280×800 and 800×600', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);
  // Each state is checked four times (two sizes, two schemes): a journey takes longer than one check of each.
  test.slow();

  test('decoder, credentials (with a run) and profiles', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await page.setViewportSize(LAPTOP);

    await openScreen(page, 'Decoder');
    await expectNoAxeViolationsEverywhere(page, 'the empty decoder');
    await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
    await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
    await expectNoAxeViolationsEverywhere(page, 'the decoder with a verified token');
    await ui.signingSecret(page).fill(`${ENGAGEMENT_SIGNING_SECRET}-wrong`);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
    await ui.shownScreen(page).getByRole('tab', { name: 'JSON' }).first().click();
    await expectNoAxeViolationsEverywhere(page, 'the decoder with a bad signature and the JSON view');
    await pasteToken(page, 'eyJhbGciOiJIUzI1NiJ9.%%%.abc');
    await expect(ui.decoderError(page)).toBeVisible();
    await expectNoAxeViolationsEverywhere(page, 'the decoder with input that is not a token');
    await pasteToken(page, await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -60 }));
    await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toBeVisible();
    await expectNoAxeViolationsEverywhere(page, 'the decoder with an expired token');

    await openScreen(page, 'Intelligence credentials');
    await expectNoAxeViolationsEverywhere(page, 'the empty credentials form');
    await ui.saveProfile(page).click();
    await expect(ui.fieldError(page, 'Profile name')).toBeVisible();
    await expectNoAxeViolationsEverywhere(page, 'the credentials form with invalid fields');
    await saveIntelligenceProfile(page, {
      name: 'Axe profile',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    await ui.getToken(page).click();
    await expect(ui.issuedToken(page)).toBeVisible();
    for (const id of ['discovery', 'assertion', 'token'] as const) await ui.step(page, id).getByRole('button', { name: 'Details' }).click();
    await ui.step(page, 'token').getByRole('button', { name: 'Reveal sensitive values' }).click();
    await expectNoAxeViolationsEverywhere(page, 'the credentials screen with an issued token');

    await openScreen(page, 'Profiles');
    await expect(ui.profileRows(page)).toHaveCount(1);
    await expectNoAxeViolationsEverywhere(page, 'the profiles screen');
    await ui.deleteProfile(page, 'Axe profile').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolationsEverywhere(page, 'the delete dialog');
  });

  test('Engagement credentials (a failed run, an issued token) and the legacy refresh', async ({ desktop }) => {
    const server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
    try {
      const { page } = await desktop.open();
      await page.setViewportSize(LAPTOP);
      const screen = ui.shownScreen(page);

      await openScreen(page, 'Engagement credentials');
      await expectNoAxeViolationsEverywhere(page, 'the empty Engagement form');
      await screen.getByLabel('Subdomain or auth base URL', { exact: true }).fill(server.authBaseUrl);
      await screen.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
      await screen.getByLabel('Client secret', { exact: true }).fill('not-the-secret');
      await screen.getByRole('button', { name: 'Get token' }).click();
      await expect(screen.locator('[data-step-id="token"]')).toHaveAttribute('data-step-status', 'failed');
      await expectNoAxeViolationsEverywhere(page, 'the Engagement screen with a failed run');
      await screen.getByLabel('Client secret', { exact: true }).fill(SAMPLE_PACKAGE.clientSecret);
      await screen.getByLabel('Scopes (optional)', { exact: true }).fill('email_read journeys_read');
      await screen.getByRole('button', { name: 'Run again' }).click();
      await expect(screen.locator('[data-step-id="soap-endpoint"]')).toHaveAttribute('data-step-status', 'ok');
      await expect(screen.getByTestId('missing-scopes')).toBeVisible();
      await expectNoAxeViolationsEverywhere(page, 'the Engagement screen with an issued token and who-am-I');

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
      await expectNoAxeViolationsEverywhere(page, 'the legacy refresh panel');
      await panel.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
      await panel.getByLabel('Client secret', { exact: true }).fill(SAMPLE_PACKAGE.clientSecret);
      await panel.getByLabel(/I understand/).check();
      await panel.getByRole('button', { name: 'Spend the refresh token' }).click();
      await expect(panel.getByRole('group', { name: 'Refreshed token' })).toBeVisible();
      await expect(ui.claimRow(page, 'request.rest.refreshToken')).toContainText('Spent');
      await ui.tokenNotes(page).locator('summary').click();
      await expectNoAxeViolationsEverywhere(page, 'the decoder after a legacy refresh (spent token, new token, notes open)');
    } finally {
      await server.close();
    }
  });

  test('the plain browser (no desktop bridge)', async ({ page, appUrl }) => {
    await page.setViewportSize(LAPTOP);
    await page.goto(appUrl);
    for (const screen of ['Decoder', 'Intelligence credentials', 'Engagement credentials', 'Profiles'] as const) {
      await openScreen(page, screen);
      await expectNoAxeViolationsEverywhere(page, `${screen} in a plain browser`);
    }
  });
});
