// A web app's sign-in in Chromium over the real services and the strict local authorization server: the sign-in page
// opens in a new tab, the test signs in on its login form, the browser ends on the redirect URI (which fails to load, as
// https://127.0.0.1:80/ does), and that address is pasted back. The whole flow (with who-am-I) saved as a profile, a state
// mismatch, and access_denied; the leak scan (fixture) covers the client secret, every code and the stored refresh token.
import type { BrowserContext, Page } from '@playwright/test';
import { SIGN_IN_USER, WEB_APP, startAuthorizationServer, type AuthorizationServer } from '../../test/support/authorization-server';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test, type WatchedSecret } from '../fixtures/workbench-test';
import { expectNoAxeViolationsEverywhere } from '../support/both-schemes';
import { secretForms } from '../support/leak-scan';
import { ui } from '../support/locators';
import { openScreen } from '../support/workbench-actions';

const REDIRECT_ORIGIN = 'https://127.0.0.1:80';

let server: AuthorizationServer;
test.beforeEach(async ({ context, watchedSecrets }) => {
  server = await startAuthorizationServer({ packages: [WEB_APP], users: [SIGN_IN_USER] });
  watchedSecrets.push({ name: 'web app client secret', needles: secretForms(WEB_APP.clientSecret!) });
  // Nothing listens on the documented local redirect URI: the browser shows an error page there, with the address kept.
  await context.route(
    (url) => url.origin === REDIRECT_ORIGIN,
    (route) => route.fulfill({ status: 502, contentType: 'text/plain', body: 'This site can’t be reached.' }),
  );
});
test.afterEach(async () => {
  await server.close();
});

const shown = (page: Page) => ui.shownScreen(page);
const field = (page: Page, label: string) => shown(page).getByLabel(label, { exact: true });
const step = (page: Page, id: string) => shown(page).locator(`[data-step-id="${id}"]`);

/** Opens the Web or public app tab and fills the sign-in form for the sample web app. */
async function fillSignIn(page: Page): Promise<void> {
  await openScreen(page, 'Engagement credentials');
  await shown(page).getByRole('tab', { name: 'Web or public app' }).click();
  await field(page, 'Subdomain or auth base URL').fill(server.authBaseUrl);
  await field(page, 'Client id').fill(WEB_APP.clientId);
  await field(page, 'Client secret (web app only)').fill(WEB_APP.clientSecret!);
  await field(page, 'Scopes').fill('email_read offline journeys_read');
}

/**
 * "Open sign-in page", then the new tab's login form (signed in, or denied): returns the address the tab ended on, with
 * its code added to the leak scan.
 */
async function signInInNewTab(page: Page, context: BrowserContext, watched: WatchedSecret[], deny = false): Promise<string> {
  const opened = context.waitForEvent('page');
  await shown(page).getByRole('button', { name: 'Open sign-in page' }).click();
  const tab = await opened;
  await tab.getByLabel('Username').fill(SIGN_IN_USER.username);
  await tab.getByLabel('Password').fill(SIGN_IN_USER.password);
  await tab.getByRole('button', { name: deny ? 'Deny' : 'Sign in and allow' }).click();
  await tab.waitForURL((url) => url.origin === REDIRECT_ORIGIN);
  const address = tab.url();
  await tab.close();
  const code = new URL(address).searchParams.get('code');
  if (code !== null) watched.push({ name: 'authorization code', needles: secretForms(code) });
  return address;
}

async function finishWith(page: Page, address: string): Promise<void> {
  await field(page, 'Address the browser ended on').fill(address);
  await shown(page).getByRole('button', { name: 'Finish sign-in' }).click();
}

test.describe('Web or public app sign-in', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('signs in by paste-back: steps, the token, missing scopes with the five-minute note; saved as a profile and listed', async ({
    desktop,
    context,
    watchedSecrets,
  }) => {
    const { page, services } = await desktop.open();
    await fillSignIn(page);
    const address = await signInInNewTab(page, context, watchedSecrets);
    expect(address.startsWith(`${REDIRECT_ORIGIN}/?code=`)).toBe(true);
    await finishWith(page, address);
    for (const id of ['authorize', 'redirect', 'code-exchange']) await expect(step(page, id)).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.runStatus(page)).toHaveText('Signed in: access token issued.');
    const accessToken = (await shown(page).getByLabel('Access token value').textContent())?.trim() ?? '';
    expect(server.hasIssued(accessToken)).toBe(true);
    await expect(shown(page).locator('.countdown__text')).toHaveText(/^Expires in \d+:\d\d$/);
    await expect(shown(page).getByTestId('missing-scopes')).toContainText('journeys_read');
    await expect(shown(page).getByTestId('missing-scopes')).toContainText('up to five minutes');
    await expect(shown(page).getByRole('table', { name: 'Token details' })).toContainText(`${server.authBaseUrl}rest/`);

    // One click: who-am-I with the token the app holds for the sign-in (the server answers only the token it issued).
    const whoami = shown(page).getByRole('group', { name: 'Who am I with this token' });
    await whoami.getByRole('button', { name: 'Who am I' }).click();
    for (const id of ['userinfo', 'soap-endpoint'])
      await expect(whoami.locator(`[data-step-id="${id}"]`)).toHaveAttribute('data-step-status', 'ok');
    const answer = whoami.getByRole('table', { name: 'Who am I' });
    await expect(answer.getByRole('row', { name: `MID (business unit) ${SIGN_IN_USER.mid}` })).toBeVisible();
    await expect(answer.getByRole('row', { name: `Package scopes ${WEB_APP.scopes.join(' ')}` })).toBeVisible();
    await expect(answer.getByRole('row', { name: /^Redirect URLs https:\/\/127\.0\.0\.1:80\// })).toBeVisible();
    expect(server.requests.filter((request) => request.path === '/v2/userinfo').map((request) => request.status)).toEqual([200]);
    await expectNoAxeViolationsEverywhere(page, 'the web app sign-in with a token and who-am-I');

    // The token opens in the decoder like every other result; the sign-in is still there to save.
    await shown(page).getByRole('button', { name: 'Open in decoder' }).click();
    await expect(ui.screenTitle(page)).toHaveText('Decoder');
    await expect(ui.tokenInput(page)).toHaveValue(accessToken);
    await openScreen(page, 'Engagement credentials');
    await field(page, 'Profile name').fill('Web e2e');
    await shown(page).getByRole('button', { name: 'Save as profile' }).click();
    await expect(shown(page).getByText('Saved profile “Web e2e”')).toBeVisible();
    const profile = (await services.profiles.list()).profiles.find((p) => p.name === 'Web e2e');
    expect(profile).toMatchObject({ product: 'engagement-web', clientId: WEB_APP.clientId });
    const refreshToken = await services.secrets.get(`profile:${profile!.id}`);
    watchedSecrets.push({ name: 'stored refresh token', needles: secretForms(refreshToken) });
    expect(server.liveRefreshTokens(WEB_APP.clientId)).toBe(1);

    await openScreen(page, 'Profiles');
    await expect(ui.profileRow(page, 'Web e2e')).toContainText('Engagement web app');
  });

  test('an address with another state is refused without using its code; the right one then signs in', async ({
    desktop,
    context,
    watchedSecrets,
  }) => {
    const { page } = await desktop.open();
    await fillSignIn(page);
    const address = await signInInNewTab(page, context, watchedSecrets);
    const tampered = new URL(address);
    tampered.searchParams.set('state', 'not-the-state-this-sign-in-sent');
    await finishWith(page, tampered.href);
    await expect(step(page, 'redirect')).toHaveAttribute('data-step-status', 'failed');
    await expect(step(page, 'redirect').locator('.error-message__code')).toHaveText('ERR_AUTH_STATE_MISMATCH');
    await expect(step(page, 'code-exchange')).toHaveAttribute('data-step-status', 'pending');
    expect(server.issued.authorization_code).toBe(0);

    await finishWith(page, address);
    await expect(step(page, 'code-exchange')).toHaveAttribute('data-step-status', 'ok');
    await expect(shown(page).getByLabel('Access token value')).not.toBeEmpty();
  });

  test('a denied sign-in (error=access_denied) says so with its hint, and the sign-in has ended', async ({
    desktop,
    context,
    watchedSecrets,
  }) => {
    const { page } = await desktop.open();
    await fillSignIn(page);
    const address = await signInInNewTab(page, context, watchedSecrets, true);
    expect(new URL(address).searchParams.get('error')).toBe('access_denied');
    await finishWith(page, address);
    const error = step(page, 'redirect').locator('.error-message');
    await expect(error.locator('.error-message__code')).toHaveText('ERR_AUTH_DENIED');
    await expect(error.locator('.error-message__hint')).toContainText('sign in again');
    await expectNoAxeViolationsEverywhere(page, 'the web app sign-in refused');

    await finishWith(page, address);
    await expect(shown(page).locator('.error-message__code').first()).toHaveText('ERR_SIGN_IN_NOT_FOUND');
  });
});
