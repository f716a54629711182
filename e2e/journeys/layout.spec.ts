import type { Page } from '@playwright/test';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { SAMPLE_PACKAGE, startEngagementServer } from '../../test/support/engagement-server';
import { SAMPLE_SUBDOMAIN, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { testKeyPair } from '../../test/support/test-keys';
import { WINDOW_SIZES } from '../support/accessibility';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { documentScroll, panelHeaderProblems, stepLayoutProblems, wheelToTheEnd } from '../support/layout-checks';
import { SCREENS } from '../../renderer/app/screens';
import { ui, type ScreenName } from '../support/locators';
import { openScreen, pasteToken, saveIntelligenceProfile } from '../support/workbench-actions';

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

  for (const size of WINDOW_SIZES) {
    test(`${size.name}: wheel-scrolling any screen to its end scrolls only the main column, never the document`, async ({ desktop }) => {
      const { page } = await desktop.open();
      await page.setViewportSize({ width: size.width, height: size.height });
      // A decoded SSO JWT with its refresh panel open: the longest screen, with visually hidden captions far down.
      await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
      await ui.legacyRefresh(page).getByRole('button', { name: 'Refresh…' }).click();
      await openScreen(page, 'Intelligence credentials');
      await ui.saveProfile(page).click();
      await expect(ui.fieldError(page, 'Profile name')).toBeVisible();
      for (const screen of ['Decoder', 'Intelligence credentials', 'Engagement credentials', 'Compose', 'Profiles'] as ScreenName[]) {
        await openScreen(page, screen);
        await wheelToTheEnd(page);
        expect(await documentScroll(page), `the document on ${screen}`).toEqual({ scrollTop: 0, overflow: 0 });
        await expect(ui.nav(page, screen)).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('navigation', { name: 'Screens' })).toBeInViewport();
      }
    });
  }

  /** Spends a refresh token with the wrong secret: the failed step opens its details. */
  async function failRefresh(page: Page, refreshUrl: string): Promise<void> {
    const panel = ui.legacyRefresh(page);
    await panel.getByRole('button', { name: 'Refresh…' }).click();
    await panel.getByLabel('Client id', { exact: true }).fill(SAMPLE_PACKAGE.clientId);
    await panel.getByLabel('Client secret', { exact: true }).fill('not-the-secret');
    expect(await stepLayoutProblems(panel), `the pending step (${refreshUrl})`).toEqual([]);
    await panel.getByLabel(/I understand/).check();
    await panel.getByRole('button', { name: 'Spend the refresh token' }).click();
    await expect(panel.locator('[data-step-id="refresh"]')).toHaveAttribute('data-step-status', 'failed');
    await expect(panel.getByRole('button', { name: 'Hide details' })).toBeVisible();
  }

  for (const size of WINDOW_SIZES) {
    test(`${size.name}: the refresh step lays out in the decoder's column and in one of 320 px; the signature and refresh cards keep apart`, async ({
      desktop,
    }) => {
      const server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
      try {
        const { page } = await desktop.open();
        await page.setViewportSize({ width: size.width, height: size.height });
        const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
        // As long and unbreakable as a real tenant's auth URL (the server ignores the query).
        const authEndpoint = `${server.refreshUrl}?tenant=${SAMPLE_SUBDOMAIN.repeat(3)}`;
        await pasteToken(
          page,
          await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { authEndpoint, refreshToken } } } }),
        );
        // The card's header (title, the tenant's host, Refresh…) fits the decoder's column, and one of 320 px.
        const column = page.locator('.app__screen:not([hidden]) .decoder__signature');
        expect(await panelHeaderProblems(ui.legacyRefresh(page)), 'the refresh card header in the decoder column').toEqual([]);
        await column.evaluate((el) => (el.style.width = '320px'));
        expect(await panelHeaderProblems(ui.legacyRefresh(page)), 'the refresh card header in a 320 px column').toEqual([]);
        await column.evaluate((el) => (el.style.width = ''));
        await failRefresh(page, authEndpoint);
        const panel = ui.legacyRefresh(page);
        expect(await stepLayoutProblems(panel), 'the failed step in the decoder column').toEqual([]);
        const signatureBottom = await ui.signaturePanel(page).evaluate((el) => el.getBoundingClientRect().bottom);
        const refreshTop = await panel.evaluate((el) => el.getBoundingClientRect().top);
        expect(refreshTop - signatureBottom, 'the gap between the Signature and Legacy refresh cards (px)').toBeGreaterThanOrEqual(12);

        // The same step in a column of 320 px.
        await page.locator('.app__screen:not([hidden]) .decoder__signature').evaluate((el) => (el.style.width = '320px'));
        expect(await stepLayoutProblems(panel), 'the failed step in a 320 px column').toEqual([]);
        await expectNoAxeViolationsInBothSchemes(page, `the decoder with a failed refresh (${size.name})`);
      } finally {
        await server.close();
      }
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
    expect(sizes).toEqual(SCREENS.map(() => '20x20'));

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
