import { expect, test } from '../fixtures/workbench-test';
import { ENGAGEMENT_SIGNING_SECRET, V2_CLAIM_PATHS, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { ui } from '../support/locators';
import { pasteToken } from '../support/workbench-actions';

/** The token with one payload claim changed and the original signature kept. */
function tamperPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}.${signature}`;
}

test.describe('Decoder in the desktop app', () => {
  test('an Engagement v2 SSO JWT: every claim has its row and explanation; the signing secret verifies it, a wrong one does not', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
    for (const path of V2_CLAIM_PATHS) {
      await expect(ui.claimRow(page, path), `row for ${path}`).toHaveCount(1);
      await expect(ui.claimExplanation(page, path), `explanation for ${path}`).toHaveText(/\w{3,}.*\w{3,}/);
    }
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'unchecked');

    await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
    await expect(ui.signatureStatus(page)).toContainText('Signature verified');

    await ui.signingSecret(page).fill(`${ENGAGEMENT_SIGNING_SECRET}-wrong`);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
    await expect(ui.signatureStatus(page).locator('.signature-status__message')).toHaveText(
      'The signature does not match: the secret is wrong (check its encoding: text, base64 or hex) or the token was altered.',
    );
    await expect(ui.signatureStatus(page).locator('.signature-status__code')).toHaveText('ERR_VERIFY_SIGNATURE_INVALID');
  });

  test('a tampered payload is invalid with the right secret', async ({ desktop }) => {
    const { page } = await desktop.open();
    const token = tamperPayload(await makeEngagementSsoJwt({ version: 2 }), (claims) => {
      const request = claims.request as { user: { email: string } };
      request.user.email = 'mallory@example.com';
    });
    await pasteToken(page, token);
    await expect(ui.claimRow(page, 'request.user.email')).toContainText('mallory@example.com');
    await ui.signingSecret(page).fill(ENGAGEMENT_SIGNING_SECRET);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
  });

  test('an expired v1 token warns that it has expired', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -3600 }));
    await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toBeVisible();
    await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toContainText('Expired');
    await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toContainText(/expired/i);
    await expect(ui.claimRow(page, 'request.user.oauthToken')).toHaveCount(1);
  });

  test('garbage gets a clear message and nothing breaks: a real token still decodes afterwards', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, 'this is not a token at all');
    await expect(ui.decoderError(page)).toContainText('This is not a token the decoder can read');
    await expect(ui.decoderError(page).locator('.error-message__text')).toHaveText(
      'Found 1 segment (no dots); expected 3 (header.payload.signature), or 4 for an Engagement access token. Paste the whole token.',
    );
    await expect(ui.decoderError(page).locator('.error-message__code')).toHaveText('ERR_TOKEN_SEGMENTS');
    await expect(ui.claimRows(page)).toHaveCount(0);

    await ui.tokenInput(page).fill('eyJhbGciOiJIUzI1NiJ9.%%%.abc');
    await expect(ui.decoderError(page).locator('.error-message__text')).toHaveText(
      "Segment 2 (payload) is not valid base64url: it has a character outside A-Z, a-z, 0-9, '-' and '_' at character 1. Check that the token was copied whole.",
    );
    await expect(ui.decoderError(page).locator('.error-message__code')).toHaveText('ERR_TOKEN_BASE64');

    await ui.tokenInput(page).fill(await makeEngagementSsoJwt({ version: 2 }));
    await expect(ui.decoderError(page)).toHaveCount(0);
    await expect(ui.claimRow(page, 'request.user.email')).toHaveCount(1);
  });
});
