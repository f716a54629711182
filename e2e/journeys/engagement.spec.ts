// Engagement credentials in Chromium over the real services: server-to-server token from unsaved values and from a saved
// profile, who-am-I, an error with its hint, the token opened in the decoder, and the legacy refresh from a decoded SSO JWT.
// The leak scan (fixture) also covers the client secret and the spent refresh token.
import type { Page } from '@playwright/test';
import { OTHER_MID, SAMPLE_MID, SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { WINDOW_SIZES } from '../support/accessibility';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { stepLayoutProblems } from '../support/layout-checks';
import { ui } from '../support/locators';
import { openScreen, pasteToken } from '../support/workbench-actions';

let server: EngagementServer;
test.beforeEach(async ({ watchedSecrets }) => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  watchedSecrets.push({ name: 'Engagement client secret', needles: [SAMPLE_PACKAGE.clientSecret] });
});
test.afterEach(async () => {
  await server.close();
});

const field = (page: Page, label: string) => ui.shownScreen(page).getByLabel(label, { exact: true });
const step = (page: Page, id: string) => ui.shownScreen(page).locator(`[data-step-id="${id}"]`);

async function fillUnsaved(page: Page, values: { secret: string; scope?: string; accountId?: string }): Promise<void> {
  await openScreen(page, 'Engagement credentials');
  await field(page, 'Subdomain or auth base URL').fill(server.authBaseUrl);
  await field(page, 'Client id').fill(SAMPLE_PACKAGE.clientId);
  await field(page, 'Client secret').fill(values.secret);
  await field(page, 'Scopes (optional)').fill(values.scope ?? '');
  await field(page, 'Account id (MID, optional)').fill(values.accountId ?? '');
}

test.describe('Engagement credentials', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('unsaved values get a token: steps turn green, scopes granted vs asked, who-am-I, and the token opens in the decoder', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await fillUnsaved(page, { secret: SAMPLE_PACKAGE.clientSecret, scope: 'email_read journeys_read' });
    await ui.shownScreen(page).getByRole('button', { name: 'Get token' }).click();
    for (const id of ['token', 'userinfo', 'soap-endpoint']) await expect(step(page, id)).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.shownScreen(page).getByTestId('missing-scopes')).toContainText('journeys_read');
    const who = ui.shownScreen(page).getByRole('table', { name: 'Who am I' });
    await expect(who).toContainText(SAMPLE_MID);
    await expect(who).toContainText('S7');
    await expect(ui.shownScreen(page).getByText('Expires in', { exact: false })).toBeVisible();
    const accessToken = (await ui.shownScreen(page).getByLabel('Access token value').textContent())?.trim() ?? '';
    expect(server.hasIssued(accessToken)).toBe(true);
    await ui.shownScreen(page).getByRole('button', { name: 'Open in decoder' }).click();
    await expect(ui.screenTitle(page)).toHaveText('Decoder');
    await expect(ui.tokenInput(page)).toHaveValue(accessToken);
    await expect(ui.shownScreen(page).locator('[data-token-kind]')).toHaveAttribute('data-token-kind', 'engagement-access-token');
  });

  test('a wrong secret fails the token step with invalid_client and its hint', async ({ desktop }) => {
    const { page } = await desktop.open();
    await fillUnsaved(page, { secret: 'not-the-secret' });
    await ui.shownScreen(page).getByRole('button', { name: 'Get token' }).click();
    await expect(step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
    const error = step(page, 'token').locator('.error-message');
    await expect(error.locator('.error-message__code')).toHaveText('ERR_OAUTH_INVALID_CLIENT');
    await expect(error.locator('.error-message__hint')).toContainText('no server-to-server API Integration component');
  });

  for (const size of WINDOW_SIZES) {
    test(`${size.name}: a failed run and Run again come into view with the focus on a status that says what happened; Copy as curl makes a working call`, async ({
      desktop,
      context,
    }) => {
      const { page } = await desktop.open();
      await page.setViewportSize({ width: size.width, height: size.height });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await fillUnsaved(page, { secret: 'not-the-secret' });
      await ui.shownScreen(page).getByRole('button', { name: 'Get token' }).click();
      await expect(step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
      await expect(ui.runStatus(page)).toHaveText(/^Failed: invalid_client: /);
      await expect(ui.runStatus(page)).toBeFocused();
      await expect(ui.runStatus(page)).toBeInViewport();
      await expect(step(page, 'token').locator('.step__error')).toBeInViewport();
      expect(await stepLayoutProblems(ui.tokenPanel(page)), 'the failed run').toEqual([]);

      await field(page, 'Client secret').fill(SAMPLE_PACKAGE.clientSecret);
      await ui.shownScreen(page).getByRole('button', { name: 'Run again' }).click();
      await expect(step(page, 'soap-endpoint')).toHaveAttribute('data-step-status', 'ok');
      await expect(ui.runStatus(page)).toHaveText('Access token issued.');
      await expect(ui.runStatus(page)).toBeFocused();
      await expect(ui.issuedToken(page)).toBeInViewport({ ratio: 0.3 });
      expect(await stepLayoutProblems(ui.tokenPanel(page)), 'the run with who-am-I').toEqual([]);
      await expectNoAxeViolationsInBothSchemes(page, `the Engagement screen with a token in view (${size.name})`);

      // The copied call is the documented endpoints lookup on the token's rest_instance_url, and it works as is.
      await ui.copyBearerCurl(page).click();
      const curl = await page.evaluate(() => navigator.clipboard.readText());
      const url = /'(https?:\/\/[^']+)'\s*$/.exec(curl)?.[1] ?? '';
      const authorization = /--header 'Authorization: (Bearer [^']+)'/.exec(curl)?.[1] ?? '';
      expect(url).toBe(`${server.restBaseUrl}platform/v1/endpoints/soap`);
      const answer = await fetch(url, { headers: { Authorization: authorization } });
      expect(answer.status).toBe(200);
    });
  }

  test('saved as a profile (secret to the keychain), it runs again after a restart with its account id', async ({ desktop }) => {
    let { page } = await desktop.open();
    await fillUnsaved(page, { secret: SAMPLE_PACKAGE.clientSecret, accountId: OTHER_MID });
    await ui.shownScreen(page).getByLabel('Profile name').fill('MC e2e');
    await ui.shownScreen(page).getByRole('button', { name: 'Save profile' }).click();
    await expect(ui.shownScreen(page).getByText('Saved profile “MC e2e”')).toBeVisible();
    ({ page } = await desktop.open());
    await openScreen(page, 'Engagement credentials');
    await field(page, 'Use').selectOption({ label: 'MC e2e' });
    await ui.shownScreen(page).getByRole('button', { name: 'Get token' }).click();
    await expect(step(page, 'soap-endpoint')).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.shownScreen(page).getByRole('table', { name: 'Who am I' })).toContainText(OTHER_MID);
  });

  test('Refresh from a decoded SSO JWT warns first, then shows the new access and refresh tokens', async ({ desktop, watchedSecrets }) => {
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    watchedSecrets.push({ name: 'spent refresh token', needles: [refreshToken] });
    const jwt = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { request: { rest: { authEndpoint: server.refreshUrl, refreshToken } } },
    });
    const { page } = await desktop.open();
    await pasteToken(page, jwt);
    const panel = ui.shownScreen(page).getByRole('region', { name: 'Legacy refresh' });
    await panel.getByRole('button', { name: 'Refresh…' }).click();
    await panel.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
    await panel.getByLabel('Client secret', { exact: true }).fill(SAMPLE_PACKAGE.clientSecret);
    const spend = panel.getByRole('button', { name: 'Spend the refresh token' });
    await expect(spend).toBeDisabled();
    await expect(panel).toContainText('a second use fails after a 5-minute grace');
    await panel.getByLabel(/I understand/).check();
    await spend.click();
    await expect(panel.locator('[data-step-id="refresh"]')).toHaveAttribute('data-step-status', 'ok');
    const access = (await panel.getByLabel('New access token').textContent())?.trim() ?? '';
    expect(server.hasIssued(access)).toBe(true);
    await expect(panel.getByLabel('New refresh token')).not.toBeEmpty();
    await expect(panel.getByRole('button', { name: 'Copy new refresh token' })).toBeVisible();
    // In view, with the same countdown as every token, and the refresh token in the JWT marked as spent.
    await expect(panel.locator('.token-run__status')).toHaveText('New access token issued.');
    await expect(panel.locator('.token-run__status')).toBeFocused();
    await expect(panel.getByRole('group', { name: 'Refreshed token' })).toBeInViewport({ ratio: 0.3 });
    await expect(panel.locator('.countdown__text')).toHaveText(/^Expires in \d+:\d\d$/);
    await expect(ui.claimRow(page, 'request.rest.refreshToken')).toHaveAttribute('data-spent', 'true');
    await expect(ui.claimRow(page, 'request.rest.refreshToken')).toContainText('Spent');
  });
});
