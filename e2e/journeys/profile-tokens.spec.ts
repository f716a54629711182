// A saved profile's token from the Profiles screen, in Chromium over the real services and keychain: the row says whether
// a token is cached and its time left, "Copy token" copies a new one and then the cached one (one token request), "Get
// token" on the credentials screen still runs the whole flow and refreshes the cache, a failed exchange is shown with its
// code; axe in both schemes; and no token lands in any file under HOME or the user-data folder.
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { filesHoldingTokens } from '../../test/support/files-holding';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

const NAME = 'MC tokens';

let server: EngagementServer;
test.beforeEach(async ({ watchedSecrets }) => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  watchedSecrets.push({ name: 'Engagement client secret', needles: [SAMPLE_PACKAGE.clientSecret] });
});
test.afterEach(async () => {
  await server.close();
});

const tokenRequests = () => server.requests.filter((request) => request.endpoint === 'token').length;

test.describe('Tokens from the Profiles screen', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('Copy token copies a new token, then the cached one; Get token refreshes the cache; a failure says why', async ({
    desktop,
    context,
  }) => {
    const { page, services } = await desktop.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await services.profiles.save({
      name: NAME,
      product: 'engagement',
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: server.authBaseUrl,
    });
    await page.reload(); // the page read the (empty) list when it opened
    await openScreen(page, 'Profiles');
    await expect(ui.profileTokenState(page, NAME)).toHaveText('No token cached');
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copied: string[] = [];

    await ui.copyProfileToken(page, NAME).click();
    await expect(ui.profileRow(page, NAME).getByText('New token copied')).toBeAttached();
    copied.push(await clipboard());
    expect(copied[0]).toMatch(/^[\w.-]{20,}$/);
    // The server's 1079 s: the row counts it down, to the minute.
    await expect(ui.profileTokenState(page, NAME)).toHaveText(/^Token cached · 1[78] min left$/);
    await expect(ui.profileTokenState(page, NAME)).toHaveAttribute('data-token-cached', 'yes');
    await expect(ui.copyProfileToken(page, NAME)).toBeFocused();
    await expectNoAxeViolationsInBothSchemes(page, 'the profiles screen with a cached token');

    await ui.copyProfileToken(page, NAME).click();
    await expect(ui.profileRow(page, NAME).getByText('Token copied (reused from the cache)')).toBeAttached();
    expect(await clipboard()).toBe(copied[0]);
    expect(tokenRequests()).toBe(1);
    await expect(ui.shownScreen(page)).not.toContainText(copied[0]!);

    // Get token on the credentials screen still runs the whole flow, and the cache follows it.
    await ui.useProfile(page, NAME).click();
    await expect(ui.screenTitle(page)).toHaveText('Engagement credentials');
    await ui.shownScreen(page).getByRole('button', { name: 'Get token' }).click();
    await expect(ui.shownScreen(page).locator('[data-step-id="token"]')).toHaveAttribute('data-step-status', 'ok');
    expect(tokenRequests()).toBe(2);
    await openScreen(page, 'Profiles');
    await ui.copyProfileToken(page, NAME).click();
    await expect(ui.profileRow(page, NAME).getByText('Token copied (reused from the cache)')).toBeAttached();
    copied.push(await clipboard());
    expect(copied[1]).not.toBe(copied[0]);
    expect(tokenRequests()).toBe(2);

    // Nothing cached and a failing exchange: an error with its code above the table, nothing copied.
    await services.profileTokens.refused((await services.profiles.list()).profiles[0]!.id, copied[1]!);
    server.setFault('server-error', { only: 'token' });
    await ui.copyProfileToken(page, NAME).click();
    const problem = ui.shownScreen(page).locator('.profiles-table__problem [role="alert"]');
    await expect(problem).toContainText(`No token for ${NAME}`);
    await expect(problem.locator('.error-message__code')).toHaveText(/^ERR_/);
    expect(await clipboard()).toBe(copied[1]);
    await expect(ui.profileTokenState(page, NAME)).toHaveText('No token cached');
    await expectNoAxeViolationsInBothSchemes(page, 'the profiles screen after a failed Copy token');
    server.setFault('none');

    // The tokens are in the keychain only: no file under HOME or the user-data folder holds one.
    expect(filesHoldingTokens(desktop.userDataDir, copied)).toEqual([]);
  });
});
