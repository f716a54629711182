import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, privateKeyNeedles, test } from '../fixtures/workbench-test';
import { testKeyPair } from '../../test/support/test-keys';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { recordStepStatuses } from '../support/step-recorder';
import { saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-service-account-0001';
const INVALID_CLIENT_HINT =
  'The key does not match this client id, or the client id belongs to another region. Check the region/discovery URL and that you pasted the key generated with this service account.';

test.describe('Intelligence credentials: save a profile and get a token through the real services', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('a PKCS#1 key pasted with literal \\n is saved and gets a token: every step turns green and the countdown runs', async ({
    desktop,
    idp,
  }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    const { page } = await desktop.open();
    expect(keys.pkcs1Escaped).toContain('\\n');
    await saveIntelligenceProfile(page, {
      name: 'Intelligence e2e',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });

    // Discovery answers after a pause, so its running state can be seen before it turns green.
    idp.setFault('slow', { delayMs: 1500, only: 'discovery' });
    const stepLog = await recordStepStatuses(page);
    await ui.getToken(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'running');
    await expect(ui.step(page, 'assertion')).toHaveAttribute('data-step-status', 'pending');
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'pending');
    for (const id of ['discovery', 'assertion', 'token'] as const)
      await expect(ui.step(page, id)).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.runStatus(page)).toHaveText('Access token issued.');

    const log = await stepLog();
    expect(log.filter((entry) => entry.endsWith(':ok'))).toEqual(['discovery:ok', 'assertion:ok', 'token:ok']);
    expect(log.indexOf('discovery:running')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('discovery:running')).toBeLessThan(log.indexOf('discovery:ok'));

    const accessToken = (await ui.accessTokenValue(page).textContent())?.trim() ?? '';
    expect(idp.hasIssued(accessToken)).toBe(true);
    await expect(ui.countdown(page)).toHaveText(/^Expires in [45]:\d\d$/);
    const first = await ui.countdown(page).textContent();
    await expect(ui.countdown(page)).not.toHaveText(first ?? '');
    await expect(ui.countdown(page)).toHaveText(/^Expires in [45]:\d\d$/);
    expect(idp.requests.map((r) => `${r.endpoint}:${r.status}`)).toEqual(['discovery:200', 'token:200']);
  });

  test('a key that does not match the client gets invalid_client with its hint', async ({ desktop, idp, watchedSecrets }) => {
    const wrong = testKeyPair('e2e-wrong-key');
    watchedSecrets.push({ name: 'private key (wrong key pair)', needles: privateKeyNeedles(wrong) });
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Wrong key',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('eu1'),
      key: wrong.pkcs1Escaped,
    });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'ok');
    await expect(ui.step(page, 'assertion')).toHaveAttribute('data-step-status', 'ok');
    const error = ui.stepError(page, 'token');
    await expect(error.locator('.error-message__text')).toHaveText('invalid_client: client_assertion signature is invalid for this client');
    await expect(error.locator('.error-message__hint')).toHaveText(INVALID_CLIENT_HINT);
    await expect(error.locator('.error-message__code')).toHaveText('ERR_OAUTH_INVALID_CLIENT');
    await expect(ui.issuedToken(page)).toHaveCount(0);
  });

  test('a slow server: the running request can be cancelled', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Slow server',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us2'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('slow', { delayMs: 30_000 });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'running');
    await ui.cancelRun(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'cancelled');
    await expect(ui.stepError(page, 'discovery').locator('.error-message__text')).toHaveText(
      'Cancelled: the request to the discovery endpoint was stopped before it finished.',
    );
    await expect(ui.stepError(page, 'discovery').locator('.error-message__code')).toHaveText('ERR_CANCELLED');
    await expect(ui.step(page, 'assertion')).toHaveAttribute('data-step-status', 'pending');
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'pending');
    await expect(ui.getToken(page)).toBeEnabled();
    expect(idp.requests.filter((r) => r.endpoint === 'token')).toEqual([]);
  });

  test('a running step shows its time against its limit; Escape cancels, and the cancel reads calm, not as a failure', async ({
    desktop,
    idp,
  }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Escape',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('slow', { delayMs: 30_000 });
    await ui.requestTimeout(page).fill('20');
    await ui.getToken(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'running');
    await expect(ui.step(page, 'discovery').locator('.step__duration')).toHaveText(/^\d+ s of 20 s$/);
    await expect(ui.runStatus(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'cancelled');
    await expect(ui.runStatus(page)).toHaveText('Cancelled: the request to the discovery endpoint was stopped before it finished.');
    await expect(ui.runStatus(page)).toHaveClass(/token-run__status--cancelled/);
    await expect(ui.stepError(page, 'discovery').locator('.error-message')).toHaveClass(/error-message--neutral/);
    await expect(ui.tokenPanel(page).getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolationsInBothSchemes(page, 'the credentials screen with a cancelled run');
  });

  test('a slow server with a short timeout: the timeout message appears', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Timeout',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('slow', { delayMs: 30_000 });
    await expect(ui.requestTimeout(page)).toHaveValue('15');
    await ui.requestTimeout(page).fill('1');
    await ui.getToken(page).click();
    await expect(ui.step(page, 'discovery')).toHaveAttribute('data-step-status', 'failed');
    const host = new URL(idp.baseUrl).host;
    await expect(ui.stepError(page, 'discovery').locator('.error-message__text')).toHaveText(
      `The discovery endpoint (${host}) did not answer within 1 s: check the network/VPN or try again.`,
    );
    await expect(ui.stepError(page, 'discovery').locator('.error-message__code')).toHaveText('ERR_TIMEOUT');
    await expect(ui.runStatus(page)).toHaveText(
      `Failed: The discovery endpoint (${host}) did not answer within 1 s: check the network/VPN or try again.`,
    );
  });

  test('the token endpoint answers 500: the step says the service may be down', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'Server error',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('server-error', { only: 'token' });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
    await expect(ui.stepError(page, 'token').locator('.error-message__text')).toHaveText(
      'The token endpoint answered HTTP 500 without an OAuth error: the service may be down. Try again later.',
    );
    await expect(ui.stepError(page, 'token').locator('.error-message__code')).toHaveText('ERR_TOKEN_ENDPOINT_HTTP');
  });

  test('the token endpoint answers an HTML page: the step says a proxy may be in the way', async ({ desktop, idp }) => {
    idp.registerClient(CLIENT_ID, testKeyPair().publicPem);
    const { page } = await desktop.open();
    await saveIntelligenceProfile(page, {
      name: 'HTML answer',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: testKeyPair().pkcs1Escaped,
    });
    idp.setFault('html', { only: 'token' });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
    await expect(ui.stepError(page, 'token').locator('.error-message__text')).toHaveText(
      'The token endpoint answered HTTP 502 with what looks like an HTML page, not JSON: a proxy may be in the way, or the URL is wrong. Check the discovery URL.',
    );
    await expect(ui.stepError(page, 'token').locator('.error-message__code')).toHaveText('ERR_TOKEN_ENDPOINT_NOT_JSON');
  });
});
