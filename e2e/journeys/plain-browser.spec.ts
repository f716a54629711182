import { expect, test } from '../fixtures/workbench-test';
import { ENGAGEMENT_SIGNING_SECRET, V2_CLAIM_PATHS, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { ui } from '../support/locators';
import { openScreen, pasteToken } from '../support/workbench-actions';

test.describe('Plain browser: the built renderer without the desktop bridge', () => {
  test('the decoder works fully; the credentials and profiles screens say they need the desktop app', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    expect(await page.evaluate(() => 'workbench' in window)).toBe(false);
    await expect(page.getByText('Browser mode · decoder only')).toBeVisible();

    await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
    for (const path of V2_CLAIM_PATHS) await expect(ui.claimRow(page, path), `row for ${path}`).toHaveCount(1);
    await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');

    await openScreen(page, 'Intelligence credentials');
    await expect(ui.needsDesktop(page)).toBeVisible();
    await expect(
      page.getByText('Testing Intelligence credentials uses the OS keychain and makes network calls from the app'),
    ).toBeVisible();
    await expect(ui.credentialsForm(page)).toHaveCount(0);

    await openScreen(page, 'Profiles');
    await expect(ui.needsDesktop(page)).toBeVisible();
  });
});
