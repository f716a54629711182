// A developer pastes the raw request a custom activity logged (Journey Builder's execute call, signed with a Salt key)
// and checks it: the decoder names the call, explains every field, says what it stripped, verifies the Salt key pasted
// as Key Management shows it (hex with 0x) and says it compared the key's bytes; axe is clean in both schemes.
import { expect, test } from '../fixtures/workbench-test';
import {
  RECORDED_EXECUTE_PATHS,
  SALT_KEY_BYTES,
  SALT_KEY_HEX,
  makeActivityCall,
  rawActivityRequest,
} from '../../test/support/custom-activity-calls';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { pasteToken } from '../support/workbench-actions';

test.describe('Decoder: a Journey Builder custom-activity call', () => {
  test('a logged execute request decodes, every field explained, and verifies with the Salt key as hex', async ({
    desktop,
    watchedSecrets,
  }) => {
    watchedSecrets.push({ name: 'Salt key', needles: [SALT_KEY_HEX, SALT_KEY_HEX.toLowerCase()] });
    const { page } = await desktop.open();
    await pasteToken(page, rawActivityRequest(makeActivityCall({ key: SALT_KEY_BYTES })));

    await expect(page.getByRole('heading', { name: TOKEN_KIND_LABELS['custom-activity'] })).toBeVisible();
    for (const path of RECORDED_EXECUTE_PATHS) {
      await expect(ui.claimRow(page, path), `row for ${path}`).toHaveCount(1);
      await expect(ui.claimExplanation(page, path), `explanation for ${path}`).toHaveText(/\w{3,}.*\w{3,}/);
    }
    await expect(ui.claimRow(page, 'keyValue')).toContainText('testemail123@gmail.com');
    await expect(ui.claimExplanation(page, 'keyValue')).toContainText('the contact key');
    // Sound: no warning, two notes (how the call is sent and signed; what was stripped from the paste).
    await expect(page.getByRole('list', { name: 'Warnings' })).toHaveCount(0);
    await ui.tokenNotes(page).locator('summary').click();
    await expect(ui.tokenWarning(page, 'WARN_CUSTOM_ACTIVITY_CALL')).toContainText('Salt key from Key Management');
    await expect(ui.tokenWarning(page, 'WARN_INPUT_STRIPPED')).toContainText(
      'removed the request line (POST /execute), 3 header lines (Host, Content-Type: application/jwt, Content-Length).',
    );

    // The Salt key read as text does not match, and the verdict says to choose hex.
    await ui.signingSecret(page).fill(`0x${SALT_KEY_HEX}`);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'invalid');
    await expect(ui.signatureStatus(page)).toContainText('It looks like hexadecimal, as Key Management shows a Salt key');
    await expect(ui.secretReading(page)).toHaveAttribute('data-secret-reading', 'text');

    await ui.secretEncoding(page).selectOption('hex');
    await expect(ui.secretEncoding(page)).toHaveAccessibleDescription(/^Hex: paste a Salt key as Key Management shows it/);
    await expect(ui.signatureStatus(page)).toHaveAttribute('data-signature-status', 'valid');
    await expect(ui.secretReading(page)).toHaveText(
      'Compared with the 32 bytes the hexadecimal decodes to (0x and spaces ignored), as a Salt key from Key Management is used.',
    );
    await expectNoAxeViolationsInBothSchemes(page, 'the decoder with a verified custom-activity call');
  });
});
