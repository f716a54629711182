import { KEYRING_ISOLATED, KEYRING_SKIP_REASON, expect, expectNoLeaks, test } from '../fixtures/workbench-test';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { scanFolderForSecrets } from '../support/leak-scan';
import { ui } from '../support/locators';
import { openScreen, pasteToken, saveEngagementSecret, saveIntelligenceProfile } from '../support/workbench-actions';

const CLIENT_ID = 'e2e-service-account-0003';

test.describe('Leak scan after the journeys', () => {
  test.skip(!KEYRING_ISOLATED, KEYRING_SKIP_REASON);

  test('the private key and the signing secret appear in no user-data file, console message, or anything the server sent', async ({
    desktop,
    idp,
    observations,
    watchedSecrets,
  }) => {
    const keys = testKeyPair();
    idp.registerClient(CLIENT_ID, keys.publicPem);
    let { page } = await desktop.open();

    // Intelligence: save the key, get a token, fail once with a server error.
    await saveIntelligenceProfile(page, {
      name: 'Scan me',
      clientId: CLIENT_ID,
      discoveryUrl: idp.discoveryUrl('us1'),
      key: keys.pkcs1Escaped,
    });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'ok');
    idp.setFault('server-error', { only: 'token' });
    await ui.getToken(page).click();
    await expect(ui.step(page, 'token')).toHaveAttribute('data-step-status', 'failed');
    idp.setFault('none');

    // Engagement: save the signing secret, verify with it from the keychain and typed in.
    await saveEngagementSecret(page, 'Engagement SSO', ENGAGEMENT_SIGNING_SECRET);
    await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
    await ui.verifyWith(page).selectOption({ label: 'Saved signing secret' });
    await ui.savedSecretProfile(page).selectOption({ label: 'Engagement SSO' });
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
    await ui.verifyWith(page).selectOption({ label: 'Signing secret (HS256)' });
    await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');

    // Restart and list again.
    ({ page } = await desktop.open());
    await openScreen(page, 'Profiles');
    await expect(ui.profileRows(page)).toHaveCount(2);

    // The scan saw real traffic, and the secrets are where they belong: in the keychain only.
    expect(observations.of('ipc-response').map((o) => o.label)).toEqual(
      expect.arrayContaining(['profiles:save', 'intelligence:run', 'verify:with-profile', 'profiles:list']),
    );
    expect(observations.of('ipc-event').length).toBeGreaterThanOrEqual(6);
    expect(observations.of('http-response').map((o) => o.label)).toEqual(expect.arrayContaining(['/', '/workbench-bridge.js']));
    expect(await scanFolderForSecrets(desktop.userDataDir, [pemBody(keys.pkcs1Pem).slice(0, 64), ENGAGEMENT_SIGNING_SECRET])).toEqual([]);
    await expectNoLeaks(desktop.userDataDir, observations, watchedSecrets);
  });
});

test('the scan itself finds a planted secret in a file, in any of its written forms, and in an observation', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { Observations, recordSent } = await import('../support/observations');
  const { secretForms, pemNeedles } = await import('../support/leak-scan');
  const dir = await mkdtemp(join(tmpdir(), 'mctw-scan-'));
  try {
    const body = pemBody(testKeyPair().pkcs1Pem);
    await writeFile(join(dir, 'plain.json'), JSON.stringify({ key: testKeyPair().pkcs1Pem }));
    await writeFile(join(dir, 'b64.txt'), Buffer.from(ENGAGEMENT_SIGNING_SECRET).toString('base64'));
    await writeFile(join(dir, 'clean.txt'), 'nothing to see');
    expect((await scanFolderForSecrets(dir, pemNeedles(body))).map((h) => h.file)).toContain('plain.json');
    expect((await scanFolderForSecrets(dir, secretForms(ENGAGEMENT_SIGNING_SECRET))).map((h) => h.file)).toEqual(['b64.txt']);
    const observations = new Observations();
    observations.add('ipc-response', 'profiles:save', { ok: true, value: { echoed: ENGAGEMENT_SIGNING_SECRET } });
    recordSent(observations, {
      kind: 'event',
      label: 'intelligence:progress',
      body: `data: ${JSON.stringify({ seq: 1, event: 'intelligence:progress', payload: { body } })}\n\n`,
    });
    expect(observations.containing(secretForms(ENGAGEMENT_SIGNING_SECRET)).map((h) => h.observation.label)).toEqual(['profiles:save']);
    expect(observations.containing(pemNeedles(body)).map((h) => `${h.observation.source} ${h.observation.label}`)).toContain(
      'ipc-event intelligence:progress',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
