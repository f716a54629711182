// Compose in Chromium over the real services: an activity execute call signed with a Salt key (hex) and sent to the local
// test activity, which checks Content-Type: application/jwt and the signature; a saved profile's secret signing without
// ever reaching the page; Edit and re-sign from the decoder; live JSON checks; axe in both schemes at both sizes.
import { startActivityServer, type ActivityServer } from '../../test/support/activity-server';
import { ENGAGEMENT_SIGNING_SECRET } from '../../test/support/engagement-tokens';
import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, test } from '../fixtures/workbench-test';
import { WINDOW_SIZES } from '../support/accessibility';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { openScreen, pasteToken, saveEngagementSecret } from '../support/workbench-actions';

const SALT_HEX = '0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const saltBytes = Uint8Array.from(Buffer.from(SALT_HEX.slice(2), 'hex'));

let salted: ActivityServer;
let packaged: ActivityServer;
test.beforeEach(async ({ watchedSecrets }) => {
  salted = await startActivityServer({ secret: saltBytes });
  packaged = await startActivityServer({ secret: new TextEncoder().encode(ENGAGEMENT_SIGNING_SECRET) });
  watchedSecrets.push({ name: 'Salt key', needles: [SALT_HEX.slice(2)] });
});
test.afterEach(async () => {
  await salted.close();
  await packaged.close();
});

test.describe('Compose', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('an execute call signed with a Salt key in hex reaches the activity as application/jwt and verifies', async ({ desktop }) => {
    const { page } = await desktop.open();
    await openScreen(page, 'Compose');
    await expect(ui.composeTemplate(page)).toHaveValue('activity-execute');
    await ui.composeSecret(page).fill(SALT_HEX);
    await ui.composeSecretEncoding(page).selectOption('hex');
    await ui.composeLifetime(page).fill('5m');
    await ui.composeSign(page).click();
    await expect(ui.signedToken(page)).toHaveText(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    await expect(ui.shownScreen(page).getByText('the secret as hex (32 bytes)')).toBeVisible();
    await expect(ui.sendStyle(page)).toHaveValue('activity');
    await ui.sendUrl(page).fill(`${salted.url}/execute`);
    await ui.sendButton(page).click();
    await expect(ui.sendReport(page)).toHaveAttribute('data-status', '200');
    await expect(ui.sendReport(page)).toContainText('application/jwt');
    await expect(ui.sendReport(page).getByLabel('Response body')).toHaveText('{"success":true,"keyValue":"testemail123@gmail.com"}');
    expect(salted.requests).toEqual([
      expect.objectContaining({ path: '/execute', contentType: 'application/jwt', verified: true, cookie: null }),
    ]);
    expect(salted.requests[0]?.payload).toMatchObject({ keyValue: 'testemail123@gmail.com', exp: expect.any(Number) });
  });

  test("a saved profile's signing secret signs in the app; Edit and re-sign from the decoder keeps the claims", async ({ desktop }) => {
    const { page } = await desktop.open();
    await saveEngagementSecret(page, 'Package', ENGAGEMENT_SIGNING_SECRET);
    await openScreen(page, 'Compose');
    await ui.shownScreen(page).getByLabel("A saved profile's signing secret").check();
    await ui.shownScreen(page).getByLabel('Profile', { exact: true }).selectOption({ label: 'Package' });
    await ui.composeSign(page).click();
    const token = (await ui.signedToken(page).textContent()) ?? '';
    await ui.shownScreen(page).getByRole('button', { name: 'Open in decoder' }).click();
    await expect(ui.tokenInput(page)).toHaveValue(token);
    await ui.editAndResign(page).click();
    await expect(ui.screenTitle(page)).toHaveText('Compose');
    await expect(ui.composePayload(page)).toHaveValue(/"keyValue": "testemail123@gmail.com"/);
    await ui.composePayload(page).fill((await ui.composePayload(page).inputValue()).replace('testemail123@gmail.com', 'contact-42'));
    await ui.shownScreen(page).getByLabel("A saved profile's signing secret").check();
    await ui.shownScreen(page).getByLabel('Profile', { exact: true }).selectOption({ label: 'Package' });
    await ui.composeSign(page).click();
    await expect(ui.signedToken(page)).not.toHaveText(token);
    await ui.sendUrl(page).fill(`${packaged.url}/execute`);
    await ui.sendButton(page).click();
    await expect(ui.sendReport(page)).toHaveAttribute('data-status', '200');
    expect(packaged.requests.at(-1)).toMatchObject({ verified: true, payload: { keyValue: 'contact-42' } });
  });

  test('header and payload are checked as you type; alg none is refused; http elsewhere is refused before sending', async ({ desktop }) => {
    const { page } = await desktop.open();
    await openScreen(page, 'Compose');
    await ui.composePayload(page).fill('{"a": 1,}');
    await expect(ui.composePayload(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(ui.composeSign(page)).toBeDisabled();
    await ui.composePayload(page).fill('{"a": 1}');
    await ui.composeHeader(page).fill('{"alg": "none"}');
    await expect(ui.shownScreen(page).getByText(/Compose never makes an unsigned token/)).toBeVisible();
    await ui.composeHeader(page).fill('{"typ": "JWT"}');
    await ui.composeSecret(page).fill('not-a-real-secret');
    await ui.composeSign(page).click();
    await ui.sendUrl(page).fill('http://example.com/execute');
    await ui.sendButton(page).click();
    await expect(ui.shownScreen(page).locator('[role="alert"]')).toContainText('ERR_URL_INSECURE');
  });

  for (const size of WINDOW_SIZES) {
    test(`axe finds nothing on Compose, signed and sent, in both schemes at ${size.name}`, async ({ desktop }) => {
      const { page } = await desktop.open();
      await page.setViewportSize({ width: size.width, height: size.height });
      await openScreen(page, 'Compose');
      await expectNoAxeViolationsInBothSchemes(page, `Compose at ${size.name}`);
      await ui.composeSecret(page).fill(SALT_HEX);
      await ui.composeSecretEncoding(page).selectOption('hex');
      await ui.composeSign(page).click();
      await ui.sendUrl(page).fill(`${salted.url}/execute`);
      await ui.sendButton(page).click();
      await expect(ui.sendReport(page)).toHaveAttribute('data-status', '200');
      await expectNoAxeViolationsInBothSchemes(page, `Compose with a sent token at ${size.name}`);
      await ui.composeAlg(page).selectOption('ES256');
      await expect(ui.composePrivateKey(page)).toBeVisible();
      await expectNoAxeViolationsInBothSchemes(page, `Compose with a private key at ${size.name}`);
    });
  }

  test('the decoder offers Edit and re-sign for a JWT', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
    await ui.editAndResign(page).click();
    await expect(ui.composeTemplate(page)).toHaveValue('jwt');
    await expect(ui.composePayload(page)).toHaveValue('{\n  "sub": "x"\n}');
  });
});
