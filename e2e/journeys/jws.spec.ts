// Tokens from outside Marketing Cloud: the RFC 7520 and RFC 8037 JWS examples pasted into the decoder, compact and as JSON,
// their text payloads shown, and verified with the RFC keys pasted as a PEM, a JWK or a JWK set; a flipped bit is invalid.
import { createPublicKey } from 'node:crypto';
import { expect, test } from '../fixtures/workbench-test';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import { RFC7520_RSA_PUBLIC_JWK, RFC7520_VECTORS, flipBit, serialize } from '../../test/support/rfc7520-vectors';
import { ui } from '../support/locators';
import { pasteToken } from '../support/workbench-actions';

const rs256 = RFC7520_VECTORS.find((v) => v.name.startsWith('RFC 7520 4.1'))!;
const multiple = RFC7520_VECTORS.find((v) => v.name.startsWith('RFC 7520 4.8'))!;
const ed25519 = RFC7520_VECTORS.find((v) => v.name.startsWith('RFC 8037'))!;

test.describe('Decoder: any JWS', () => {
  test('RFC 7520 4.1: the text payload is shown, the JWS verifies with the PEM public key, and a flipped bit is invalid', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await pasteToken(page, serialize(rs256, 'compact'));
    await expect(page.getByRole('heading', { name: TOKEN_KIND_LABELS.jws })).toBeVisible();
    await expect(ui.payloadText(page)).toHaveText(rs256.payloadText);
    await expect(ui.verifyWith(page)).toHaveValue('pem');
    await ui
      .publicKeyPem(page)
      .fill(createPublicKey({ key: RFC7520_RSA_PUBLIC_JWK, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString());
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');

    await pasteToken(page, serialize({ ...rs256, payload: flipBit(rs256.payload) }, 'compact'));
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
    await expect(ui.signatureStatus(page).locator('.signature-status__code')).toHaveText('ERR_VERIFY_SIGNATURE_INVALID');
  });

  test('RFC 8037 A.4 (EdDSA) as flattened JSON verifies with its OKP JWK', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, serialize(ed25519, 'flattened'));
    await expect(ui.payloadText(page)).toHaveText('Example of Ed25519 signing');
    await ui.verifyWith(page).selectOption('jwk');
    await ui.jwkInput(page).fill(JSON.stringify(ed25519.keys[0]));
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
  });

  test('RFC 7520 4.8 (general JSON, three signatures) verifies each signature with a JWK set picked by kid', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, serialize(multiple, 'general'));
    await ui.verifyWith(page).selectOption('jwk');
    await ui.jwkInput(page).fill(JSON.stringify({ keys: multiple.keys }));
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
    await expect(ui.signatureResults(page)).toHaveCount(3);
    for (const result of await ui.signatureResults(page).all()) await expect(result).toHaveAttribute('data-signature-result', 'valid');
  });
});
