import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { testKeyPair } from '../../test/support/test-keys';
import { WINDOW_SIZES } from '../support/accessibility';
import { ui } from '../support/locators';
import { openScreen, saveIntelligenceProfile } from '../support/workbench-actions';

const LONG_NAME = 'Intelligence production service account for the EMEA analytics workspace';
const LONG_URL = `https://idp.intelligence.salesforce.com/${'tenant-segment/'.repeat(8)}.well-known/openid-configuration`;

test.describe('Layout that fits: profiles table, focus after Use, the narrow navigation', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  for (const size of WINDOW_SIZES) {
    test(`${size.name}: long names and URLs fit the profiles table; the actions stay on screen; Use moves the focus to the credentials screen`, async ({
      desktop,
    }) => {
      const { page } = await desktop.open();
      await page.setViewportSize({ width: size.width, height: size.height });
      await saveIntelligenceProfile(page, {
        name: LONG_NAME,
        clientId: `svc-${'0123456789abcdef'.repeat(4)}`,
        discoveryUrl: LONG_URL,
        key: testKeyPair().pkcs1Escaped,
      });
      await openScreen(page, 'Profiles');
      const row = ui.profileRow(page, LONG_NAME);
      await expect(row).toHaveCount(1);

      const overflow = await ui.mainColumn(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, 'sideways overflow of the main column (px)').toBeLessThanOrEqual(0);
      for (const action of [ui.useProfile(page, LONG_NAME), ui.renameProfile(page, LONG_NAME), ui.deleteProfile(page, LONG_NAME)])
        await expect(action).toBeInViewport();
      await expect(row.getByTitle(LONG_URL)).toHaveCount(1);

      // Tabbing to Delete scrolls nothing sideways.
      await ui.deleteProfile(page, LONG_NAME).focus();
      expect(await ui.mainColumn(page).evaluate((el) => el.scrollLeft)).toBe(0);

      await ui.renameProfile(page, LONG_NAME).click();
      await page.keyboard.press('Escape');
      await expect(ui.renameProfile(page, LONG_NAME)).toBeFocused();

      await ui.useProfile(page, LONG_NAME).click();
      await expect(ui.screenTitle(page)).toHaveText('Intelligence credentials');
      await expect(ui.screenTitle(page)).toBeFocused();
    });
  }

  test('800×600: the icon-only navigation has same-size icons and a visible tooltip on hover and on keyboard focus', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await page.setViewportSize({ width: 800, height: 600 });
    const sizes = await ui
      .navIcons(page)
      .evaluateAll((icons) => icons.map((icon) => `${icon.getBoundingClientRect().width}x${icon.getBoundingClientRect().height}`));
    expect(sizes).toEqual(['20x20', '20x20', '20x20', '20x20']);

    await expect(ui.navText(page, 'Profiles')).not.toBeInViewport();
    await ui.nav(page, 'Profiles').hover();
    await expect(ui.navText(page, 'Profiles')).toBeInViewport();
    const box = await ui.navText(page, 'Profiles').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(60);

    await page.mouse.move(700, 500);
    await ui.nav(page, 'Decoder').focus();
    await page.keyboard.press('Tab');
    await expect(ui.nav(page, 'Intelligence credentials')).toBeFocused();
    await expect(ui.navText(page, 'Intelligence credentials')).toBeInViewport();
    await expect(ui.navText(page, 'Intelligence credentials')).toContainText('Intelligence credentials');
  });
});
