import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import { testKeyPair } from '../test-support/sample-tokens';
import { PrivateKeyField } from './private-key-field';

/** The field with its own state, as the form holds it. */
function Harness({ stored = null }: { stored?: Parameters<typeof PrivateKeyField>[0]['storedKey'] }) {
  const [value, setValue] = useState('');
  const [passphrase, setPassphrase] = useState('');
  return (
    <PrivateKeyField
      value={value}
      onChange={setValue}
      passphrase={passphrase}
      onPassphraseChange={setPassphrase}
      storedKey={stored}
      id="key"
    />
  );
}

async function pasteKey(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('Private key'));
  await user.paste(text);
  return user;
}

const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\n-----END CERTIFICATE-----\n';

describe('PrivateKeyField', () => {
  it('accepts a PKCS#1 key pasted on one line with literal \\n escapes, as in the docs', async () => {
    render(<Harness />);
    await pasteKey(testKeyPair().pkcs1Escaped);
    expect(
      screen.getByText(
        'PKCS#1 RSA private key: ready. Get token uses it for one run; Save puts it in the OS keychain, and it is never shown again.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
  });

  it('accepts a PKCS#8 key', async () => {
    render(<Harness />);
    await pasteKey(testKeyPair().pkcs8Pem);
    expect(screen.getByText(/^PKCS#8 private key: ready\./)).toBeInTheDocument();
  });

  it.each([
    ['a public key', (): string => testKeyPair().publicPem, 'ERR_KEY_PUBLIC', PRIVATE_KEY_MESSAGES.publicKey],
    ['a PKCS#1 public key', (): string => testKeyPair().pkcs1PublicPem, 'ERR_KEY_PUBLIC', PRIVATE_KEY_MESSAGES.publicKey],
    ['a certificate', (): string => CERTIFICATE, 'ERR_KEY_CERTIFICATE', PRIVATE_KEY_MESSAGES.certificate],
    [
      'a truncated key',
      (): string => testKeyPair().pkcs1Pem.replace(/-----END RSA PRIVATE KEY-----\s*$/, ''),
      'ERR_KEY_MALFORMED',
      PRIVATE_KEY_MESSAGES.noEnd,
    ],
  ])('says plainly when the text is %s', async (_what, text, code, message) => {
    render(<Harness />);
    await pasteKey(text());
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(within(alert).getByText(code)).toBeInTheDocument();
    expect(screen.queryByText(/: ready\./)).toBeNull();
  });

  it.each([
    ['PKCS#8', (): string => testKeyPair().pkcs8EncryptedPem, 'Encrypted PKCS#8 private key'],
    ['PKCS#1', (): string => testKeyPair().pkcs1EncryptedPem, 'Encrypted PKCS#1 RSA private key'],
  ])('asks for the passphrase of an encrypted %s key', async (_format, text, label) => {
    render(<Harness />);
    const user = await pasteKey(text());
    expect(screen.getByText(`${label}: enter its passphrase. It is used once to decrypt the key and is not stored.`)).toBeInTheDocument();
    const passphrase = screen.getByLabelText('Passphrase');
    expect(passphrase).toHaveAttribute('type', 'password');
    await user.type(passphrase, 'secret words');
    expect(passphrase).toHaveValue('secret words');
  });

  it('reads a dropped .pem file with FileReader', async () => {
    render(<Harness />);
    const area = screen.getByLabelText('Private key');
    const file = new File([testKeyPair().pkcs1Pem], 'key.pem', { type: 'application/x-pem-file' });
    fireEvent.drop(area, { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(area).toHaveValue(testKeyPair().pkcs1Pem));
    expect(screen.getByText(/^PKCS#1 RSA private key: ready\./)).toBeInTheDocument();
  });

  it('reads a chosen file from the file picker', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    const file = new File([testKeyPair().publicPem], 'public.pem', { type: 'application/x-pem-file' });
    await user.upload(screen.getByLabelText('Private key file'), file);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(PRIVATE_KEY_MESSAGES.publicKey));
  });

  it('refuses a dropped file that is too large to be a key', async () => {
    render(<Harness />);
    const area = screen.getByLabelText('Private key');
    const file = new File(['x'.repeat(16 * 1024 + 1)], 'big.pem');
    fireEvent.drop(area, { dataTransfer: { files: [file], types: ['Files'] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be read as a key: choose the .pem file of the private key (under 16 KB).');
    expect(alert).toHaveTextContent('ERR_FILE_READ');
    expect(area).toHaveValue('');
  });

  it('refuses a pasted key longer than the 16 KB cap the router and the CLI share, with ERR_KEY_TOO_LARGE', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Private key'), { target: { value: `${testKeyPair().pkcs1Pem}${'\\'.repeat(16 * 1024)}` } });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(PRIVATE_KEY_MESSAGES.tooLarge);
    expect(alert).toHaveTextContent('ERR_KEY_TOO_LARGE');
  });

  it('describes the stored key (never the key) while the field is empty', () => {
    render(<Harness stored={{ type: 'RSA', bits: 4096, fingerprint: 'SHA256:abcDEF123', format: 'pkcs8' }} />);
    expect(screen.getByText('SHA256:abcDEF123')).toBeInTheDocument();
    expect(screen.getByText(/Stored: RSA 4096 bits · PKCS#8/)).toBeInTheDocument();
  });
});
