import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/workbench-test';
import { HTTP_PROTOCOL } from '../../shared/ipc/http-protocol';
import { WINDOW_SIZES } from '../support/accessibility';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

// The page side of mctoken ui's checks, in a real browser: the one-time launch code leaves the address bar, the session
// token it is traded for is in no address, the page keeps working after a reload, a spent address opens nothing (and says
// what to do), and neither another host name (DNS rebinding) nor another origin gets in.

/** The screen on show (the others are hidden but in the page). */
const onScreen = (page: Page): Locator => page.locator('.app__screen:not([hidden])');

test.describe('mctoken ui in the browser', () => {
  test('the launch code leaves the address bar at once, the session is in no address, and a reload still reaches the services', async ({
    desktop,
  }) => {
    const { page, shell } = await desktop.open();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await expect(ui.nav(page, 'Profiles')).toBeVisible();
    expect(page.url()).toBe(`${shell.origin}/`);
    // Kept for reloads in this tab's sessionStorage only: never a cookie, so nothing sends it along by itself.
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([shell.sessionToken]);
    expect(await page.context().cookies()).toEqual([]);
    await page.reload();
    expect(page.url()).toBe(`${shell.origin}/`);
    await openScreen(page, 'Profiles');
    await expect(ui.needsDesktop(page)).toHaveCount(0);
    const info = await page.evaluate(() => window.workbench?.['app:info'](null));
    expect(info).toMatchObject({ ok: true, value: { version: '0.0.0-e2e' } });
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((url) => url.includes(shell.sessionToken))).toEqual([]);
    expect(await page.evaluate(() => window.location.href + history.length)).not.toContain(shell.sessionToken);
  });

  test('a spent address, or a tab without a session, opens nothing and says to open a fresh address', async ({ desktop, context }) => {
    const { shell } = await desktop.open();
    const spent = await context.newPage();
    await spent.goto(shell.address);
    await openScreen(spent, 'Profiles');
    await expect(onScreen(spent).getByText('Open the address mctoken ui printed')).toBeVisible();
    await expect(
      onScreen(spent).getByText('This address was already used or is older than 60 seconds, so it opens nothing.'),
    ).toBeVisible();
    await expect(ui.needsDesktop(spent)).toHaveCount(0);
    expect(await spent.evaluate(() => 'workbench' in window)).toBe(false);
    for (const size of WINDOW_SIZES) {
      await spent.setViewportSize({ width: size.width, height: size.height });
      await expectNoAxeViolationsInBothSchemes(spent, `the no-session notice at ${size.name}`);
    }

    const bookmark = await context.newPage();
    await bookmark.goto(`${shell.origin}/`);
    await openScreen(bookmark, 'Intelligence credentials');
    await expect(
      onScreen(bookmark).getByText('This tab has no mctoken ui session (a bookmark, a new tab, or an address already used).'),
    ).toBeVisible();

    // A fresh address (Enter in mctoken ui's terminal) opens the same tab.
    await bookmark.goto(shell.newAddress());
    await openScreen(bookmark, 'Profiles');
    await expect(onScreen(bookmark).getByText('Open the address mctoken ui printed')).toHaveCount(0);
    expect(await bookmark.evaluate(() => window.workbench?.['profiles:list'](null))).toMatchObject({ ok: true });
  });

  test('the browser finds the app icon at /favicon.ico', async ({ desktop }) => {
    const { page, shell } = await desktop.open();
    const icon = await page.request.get(`${shell.origin}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/png');
  });

  test('the same server under another host name (DNS rebinding) serves nothing, not even the page', async ({ desktop, page }) => {
    const { shell } = await desktop.open();
    const response = await page.goto(shell.newAddress().replace('127.0.0.1', 'localhost'));
    expect(response?.status()).toBe(403);
    expect(await page.evaluate(() => 'workbench' in window)).toBe(false);
    await expect(page.locator('body')).toHaveText(`Refused: open the address mctoken ui printed (127.0.0.1:${shell.port}).`);
  });

  test('a page of another origin cannot call the services, even holding the session token', async ({
    desktop,
    page,
    idp,
    observations,
  }) => {
    const { shell, page: app } = await desktop.open();
    const appInfoReplies = (): number => observations.of('ipc-response').filter((o) => o.label === 'app:info').length;
    await expect(ui.nav(app, 'Profiles')).toBeVisible();
    await expect.poll(appInfoReplies).toBe(1);
    await page.goto(idp.discoveryUrl('us1'));
    const outcome = await page.evaluate(
      async ({ url, token }) => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: 'null',
          });
          return `answered ${res.status}`;
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      },
      { url: `${shell.origin}${HTTP_PROTOCOL.invokePath}app%3Ainfo`, token: shell.sessionToken },
    );
    expect(outcome).toBe('refused: TypeError');
    expect(appInfoReplies()).toBe(1);
    expect(observations.of('http-response').map((o) => o.label)).toContain(`${HTTP_PROTOCOL.invokePath}app%3Ainfo`);
  });
});
