// Profiles at hand, in Chromium over the real services: a saved Engagement profile is selected at once and "Run again" runs
// it from the keychain; the Profiles screen with 34 profiles searches, stays one tab stop, fits 800×600 and passes axe in
// both schemes and sizes, as do the two credentials forms with their profile pickers.
import type { Page } from '@playwright/test';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { testKeyPair } from '../../test/support/test-keys';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { COLOR_SCHEMES, WINDOW_SIZES, expectNoAxeViolations } from '../support/accessibility';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

let server: EngagementServer;
test.beforeEach(async ({ watchedSecrets }) => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  watchedSecrets.push({ name: 'Engagement client secret', needles: [SAMPLE_PACKAGE.clientSecret] });
});
test.afterEach(async () => {
  await server.close();
});

const field = (page: Page, label: string) => ui.shownScreen(page).getByLabel(label, { exact: true });

/** The next `engagement:token` call the page makes, as it sent it. */
function nextEngagementRun(page: Page): Promise<Record<string, unknown>> {
  return page
    .waitForRequest((request) => request.url().includes(`/api/invoke/${encodeURIComponent('engagement:token')}`))
    .then((request) => request.postDataJSON() as Record<string, unknown>);
}

test.describe('Profiles at hand', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('Save profile on Engagement selects the saved profile, clears the secret, and Run again runs it from the keychain', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await openScreen(page, 'Engagement credentials');
    await field(page, 'Profile name').fill('MC at hand');
    await field(page, 'Subdomain or auth base URL').fill(server.authBaseUrl);
    await field(page, 'Client id').fill(SAMPLE_PACKAGE.clientId);
    await field(page, 'Client secret').fill(SAMPLE_PACKAGE.clientSecret);
    const first = nextEngagementRun(page);
    await field(page, 'Client id').press('Enter');
    expect(await first).toMatchObject({ draft: { clientId: SAMPLE_PACKAGE.clientId } });
    await expect(ui.shownScreen(page).locator('[data-step-id="soap-endpoint"]')).toHaveAttribute('data-step-status', 'ok');

    await ui.saveProfile(page).click();
    await expect(ui.shownScreen(page).getByText('Saved profile “MC at hand”')).toBeVisible();
    await expect(ui.profilePicker(page).locator('option:checked')).toHaveText('MC at hand');
    await expect(field(page, 'Client secret')).toHaveValue('');
    const again = nextEngagementRun(page);
    await ui.runAgain(page).click();
    const request = await again;
    expect(request).toMatchObject({ profileId: expect.any(String) });
    expect(request).not.toHaveProperty('draft');
    await expect(ui.shownScreen(page).locator('[data-step-id="soap-endpoint"]')).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.shownScreen(page).locator('.field__error')).toHaveCount(0);
  });

  for (const size of WINDOW_SIZES) {
    for (const colorScheme of COLOR_SCHEMES) {
      test(`${size.name}, ${colorScheme}: 34 profiles searched and passed by keyboard; both forms with their pickers pass axe`, async ({
        desktop,
      }) => {
        const { page, services } = await desktop.open();
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme });
        const where = (screen: string) => `${screen} (${size.name}, ${colorScheme})`;
        const keys = testKeyPair();
        for (let i = 1; i <= 34; i++) {
          const n = String(i).padStart(2, '0');
          await (i % 10 === 0
            ? services.profiles.save({
                name: `Intelligence ${n} with a rather long name that wraps in its column`,
                product: 'intelligence',
                clientId: `service-account-${n}-7d2e9b1c4a5f`,
                region: null,
                discoveryUrl: `https://idp.intelligence.salesforce.com/tenant-${n}/.well-known/openid-configuration`,
                privateKeyPem: keys.pkcs1Pem,
              })
            : services.profiles.save({
                name: `Package ${n}`,
                product: 'engagement',
                clientId: `pkg-${n}-4f9c2a1b8e7d6c5b`,
                subdomain: `mc${n}5885gzs27c5t9-63k636ttgm`.slice(0, 28),
                clientSecret: `secret-${n}`,
              }));
        }

        await page.reload(); // the page read the (empty) list when it opened
        await openScreen(page, 'Profiles');
        await expect(ui.profileRows(page)).toHaveCount(34);
        await expect(ui.shownScreen(page).locator('thead th').nth(3)).toHaveText('Endpoint');
        await expectNoAxeViolations(page, where('the profiles screen with 34 profiles'));
        // Everything fits the window: no sideways scrolling, the last column's buttons on screen.
        const overflow = await page.evaluate(() => {
          const table = document.querySelector('.app__screen:not([hidden]) .profiles-table');
          return table === null ? null : table.scrollWidth - table.clientWidth;
        });
        expect(overflow).toBe(0);
        const del = await ui.deleteProfile(page, 'Package 01').boundingBox();
        expect((del?.x ?? Infinity) + (del?.width ?? 0)).toBeLessThanOrEqual(size.width);

        // One tab stop for the table: from the sort box, Tab lands in the table, the next Tab leaves it.
        await ui.profileSort(page).focus();
        await page.keyboard.press('Tab');
        await expect(
          ui
            .shownScreen(page)
            .getByRole('button', { name: 'Copy client id of Intelligence 10 with a rather long name that wraps in its column' }),
        ).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await expect(
          ui
            .shownScreen(page)
            .getByRole('button', { name: 'Copy client id of Intelligence 20 with a rather long name that wraps in its column' }),
        ).toBeFocused();
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('.profiles-table') ?? null)).toBeNull();

        await ui.profileSearch(page).fill('tenant-30');
        await expect(ui.profileRows(page)).toHaveCount(1);
        await ui.profileSearch(page).fill('pkg-07');
        await expect(ui.profileRows(page)).toHaveCount(1);
        await expectNoAxeViolations(page, where('the profiles screen searched'));
        await ui.useProfile(page, 'Package 07').click();

        await expect(ui.screenTitle(page)).toHaveText('Engagement credentials');
        await expect(ui.profilePicker(page).locator('option:checked')).toHaveText('Package 07');
        await expect(field(page, 'Client id')).toHaveValue('pkg-07-4f9c2a1b8e7d6c5b');
        await expectNoAxeViolations(page, where('the Engagement form with a saved profile'));
        await ui.profilePicker(page).selectOption({ label: 'Unsaved values (test without saving)' });
        await field(page, 'Subdomain or auth base URL').fill('mcshort');
        await expect(ui.shownScreen(page).locator('[data-warning-code="WARN_SUBDOMAIN_SHAPE"]')).toBeVisible();
        await ui.saveProfile(page).click();
        await expect(field(page, 'Profile name')).toBeFocused();
        await expectNoAxeViolations(page, where('the Engagement form with a shape warning and invalid fields'));

        await openScreen(page, 'Intelligence credentials');
        await ui.profilePicker(page).selectOption({ label: 'Intelligence 30 with a rather long name that wraps in its column' });
        await expect(ui.discoveryUrl(page)).toHaveValue(
          'https://idp.intelligence.salesforce.com/tenant-30/.well-known/openid-configuration',
        );
        await expectNoAxeViolations(page, where('the Intelligence form picked from its profile picker'));
      });
    }
  }
});
