import { expect, test } from '../fixtures/workbench-test';
import { HTTP_PROTOCOL } from '../../shared/ipc/http-protocol';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

// The page side of mctoken ui's checks, in a real browser: the token leaves the address bar, the page keeps working after a
// reload, and neither another host name (DNS rebinding) nor another origin gets in.

test.describe('mctoken ui in the browser', () => {
  test('the launch token leaves the address bar at once, and a reload still reaches the services', async ({ desktop }) => {
    const { page, shell } = await desktop.open();
    await expect(ui.nav(page, 'Profiles')).toBeVisible();
    expect(page.url()).toBe(`${shell.origin}/`);
    // Kept for reloads in this tab's sessionStorage only: never a cookie, so nothing sends it along by itself.
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([shell.token]);
    expect(await page.context().cookies()).toEqual([]);
    await page.reload();
    expect(page.url()).toBe(`${shell.origin}/`);
    await openScreen(page, 'Profiles');
    await expect(ui.needsDesktop(page)).toHaveCount(0);
    const info = await page.evaluate(() => window.workbench?.['app:info'](null));
    expect(info).toMatchObject({ ok: true, value: { version: '0.0.0-e2e' } });
  });

  test('the same server under another host name (DNS rebinding) serves nothing, not even the page', async ({ desktop, page }) => {
    const { shell } = await desktop.open();
    const response = await page.goto(`http://localhost:${shell.port}/#token=${shell.token}`);
    expect(response?.status()).toBe(403);
    expect(await page.evaluate(() => 'workbench' in window)).toBe(false);
    await expect(page.locator('body')).toHaveText(`Refused: open the address mctoken ui printed (127.0.0.1:${shell.port}).`);
  });

  test('a page of another origin cannot call the services, even holding the token', async ({ desktop, page, idp, observations }) => {
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
      { url: `${shell.origin}${HTTP_PROTOCOL.invokePath}app%3Ainfo`, token: shell.token },
    );
    expect(outcome).toBe('refused: TypeError');
    expect(appInfoReplies()).toBe(1);
    expect(observations.of('http-response').map((o) => o.label)).toContain(`${HTTP_PROTOCOL.invokePath}app%3Ainfo`);
  });
});
