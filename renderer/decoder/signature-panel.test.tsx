// The signature panel's secret encoding: each choice explained next to the field, a Salt key pasted as Key Management
// shows it (hex, with or without 0x) verified with its bytes, and the verdict saying which reading was compared.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/decode/decode-token';
import { VERIFY_MESSAGES } from '../../shared/verify/verify-errors';
import { ENGAGEMENT_SIGNING_SECRET, SALT_KEY_BYTES, SALT_KEY_HEX, makeActivityCall } from '../test-support/sample-tokens';
import { SignaturePanel } from './signature-panel';

function status(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-signature-status]');
  if (element === null) throw new Error('no signature status element');
  return element;
}

function reading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-secret-reading]');
}

async function renderPanel(jwt: string) {
  const user = userEvent.setup();
  render(<SignaturePanel token={decodeToken(jwt)} secretProfiles={[]} />);
  await waitFor(() => expect(status()).toHaveAttribute('aria-busy', 'false'));
  return user;
}

async function enterSecret(user: ReturnType<typeof userEvent.setup>, secret: string) {
  const field = screen.getByLabelText('Signing secret');
  await user.clear(field);
  await user.click(field);
  await user.paste(secret);
}

describe('SignaturePanel: the secret encoding', () => {
  it('offers text, hex (a Salt key) and base64, and explains the choice next to the field', async () => {
    const user = await renderPanel(makeActivityCall());
    const encoding = screen.getByLabelText('Secret encoding');
    expect([...(encoding as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Text (JWT signing secret)',
      'Hex (Salt key from Key Management)',
      'Base64',
    ]);
    expect(encoding).toHaveAccessibleDescription(/^Text: the secret's characters as typed are the key \(UTF-8\)/);
    expect(screen.getByLabelText('Signing secret')).toHaveAccessibleDescription(/^Text: /);
    await user.selectOptions(encoding, 'hex');
    expect(encoding).toHaveAccessibleDescription(/^Hex: paste a Salt key as Key Management shows it \(0x and spaces optional\)/);
    expect(encoding).toHaveAccessibleDescription(/customerKey/);
    await user.selectOptions(encoding, 'base64');
    expect(encoding).toHaveAccessibleDescription(/^Base64: /);
  });

  it.each([
    ['as Key Management shows it', SALT_KEY_HEX],
    ['with 0x', `0x${SALT_KEY_HEX.toLowerCase()}`],
  ])('verifies an activity call signed with a Salt key pasted %s, and says it compared the hex bytes', async (_what, secret) => {
    const user = await renderPanel(makeActivityCall({ key: SALT_KEY_BYTES }));
    await user.selectOptions(screen.getByLabelText('Secret encoding'), 'hex');
    await enterSecret(user, secret);
    await waitFor(() => expect(status()).toHaveAttribute('data-signature-status', 'valid'));
    expect(reading()).toHaveAttribute('data-secret-reading', 'hex');
    expect(reading()).toHaveTextContent(
      'Compared with the 32 bytes the hexadecimal decodes to (0x and spaces ignored), as a Salt key from Key Management is used.',
    );
  });

  it('a Salt key read as text does not verify, and the verdict says to choose hex', async () => {
    const user = await renderPanel(makeActivityCall({ key: SALT_KEY_BYTES }));
    await enterSecret(user, SALT_KEY_HEX);
    await waitFor(() => expect(status()).toHaveAttribute('data-signature-status', 'invalid'));
    expect(status()).toHaveTextContent(VERIFY_MESSAGES.secretLooksHex);
    expect(reading()).toHaveAttribute('data-secret-reading', 'text');
    expect(reading()).toHaveTextContent(`its ${SALT_KEY_HEX.length} bytes of UTF-8`);
  });

  it('a wrong Salt key is invalid, read as hex', async () => {
    const user = await renderPanel(makeActivityCall({ key: SALT_KEY_BYTES }));
    await user.selectOptions(screen.getByLabelText('Secret encoding'), 'hex');
    await enterSecret(user, `0x${'ab'.repeat(32)}`);
    await waitFor(() => expect(status()).toHaveAttribute('data-signature-status', 'invalid'));
    expect(status()).toHaveTextContent(VERIFY_MESSAGES.badSignatureSecret);
    expect(reading()).toHaveAttribute('data-secret-reading', 'hex');
  });

  it('verifies a call signed with the package JWT signing secret as text', async () => {
    const user = await renderPanel(makeActivityCall());
    await enterSecret(user, ENGAGEMENT_SIGNING_SECRET);
    await waitFor(() => expect(status()).toHaveAttribute('data-signature-status', 'valid'));
    expect(reading()).toHaveTextContent(
      `Compared with the secret read as text: its ${ENGAGEMENT_SIGNING_SECRET.length} bytes of UTF-8, as the package's JWT signing secret is used.`,
    );
  });
});
