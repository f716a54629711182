import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { normalizePrivateKeyPem } from '../../shared/keys/normalize-private-key';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { testKeyPair } from '../test-support/sample-tokens';
import { CredentialsForm } from './credentials-form';

async function fillNewProfile(user: ReturnType<typeof userEvent.setup>, key: string) {
  await user.type(screen.getByLabelText('Profile name'), 'Intelligence production');
  await user.type(screen.getByLabelText('Client id (service account id)'), '  svc-7d2e9b1c4a ');
  await user.click(screen.getByLabelText('Private key'));
  await user.paste(key);
}

describe('CredentialsForm', () => {
  it('saves a new profile with the normalized key, shows the stored key fingerprint and clears the key', async () => {
    const saved = makeProfile({ id: 'p-new', keyInfo: { type: 'RSA', bits: 2048, fingerprint: 'SHA256:NEWfingerprint123', format: 'pkcs1' } });
    const fake = createFakeBridge({ 'profiles:save': () => ({ ok: true, value: saved }) });
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={onSaved} />, fake.bridge);
    const keys = testKeyPair();
    await fillNewProfile(user, keys.pkcs1Escaped);
    await user.selectOptions(screen.getByLabelText('Region'), 'eu2');
    await user.click(screen.getByText('Advanced'));
    await user.click(screen.getByLabelText(/Query string/));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [request] = fake.callsTo('profiles:save') as SaveProfileRequest[];
    expect(request).toEqual({
      name: 'Intelligence production',
      product: 'intelligence',
      clientId: 'svc-7d2e9b1c4a',
      region: 'eu2',
      discoveryUrl: 'https://idp.intelligence.salesforce.com/eu2/.well-known/openid-configuration',
      tokenRequestStyle: 'query',
      privateKeyPem: normalizePrivateKeyPem(keys.pkcs1Pem).pem,
    });
    expect(screen.getByText('SHA256:NEWfingerprint123')).toBeInTheDocument();
    expect(screen.getByText(/RSA 2048 bits · PKCS#1/)).toBeInTheDocument();
    expect(screen.getByLabelText('Private key')).toHaveValue('');
    expect(document.body).not.toHaveTextContent(keys.pkcs1Pem.split('\n')[1]!);
  });

  it('says next to the region choice that the region table is a guess and recommends pasting the discovery URL', async () => {
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={vi.fn()} />, createFakeBridge().bridge);
    const hint = "Only us1's discovery URL is documented; the others are guessed from it. Best: choose “Paste a discovery URL…” and paste the one the Intelligence UI shows.";
    expect(screen.getByText(hint)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Region'), 'custom');
    expect(screen.queryByText(hint)).toBeNull();
    expect(screen.getByLabelText('Discovery URL')).toBeInTheDocument();
  });

  it('sends a pasted discovery URL and the passphrase of an encrypted key', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} />, fake.bridge);
    await fillNewProfile(user, testKeyPair().pkcs8EncryptedPem);
    await user.selectOptions(screen.getByLabelText('Region'), 'custom');
    await user.type(screen.getByLabelText('Discovery URL'), 'https://idp.intelligence.salesforce.com/custom/.well-known/openid-configuration');
    await user.type(screen.getByLabelText('Passphrase'), testKeyPair().passphrase);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(fake.callsTo('profiles:save')).toHaveLength(1));
    expect(fake.callsTo('profiles:save')[0]).toMatchObject({
      region: null,
      discoveryUrl: 'https://idp.intelligence.salesforce.com/custom/.well-known/openid-configuration',
      passphrase: testKeyPair().passphrase,
      privateKeyPem: expect.stringMatching(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/),
      tokenRequestStyle: 'form',
    });
  });

  it.each([
    ['no client id', async (user: ReturnType<typeof userEvent.setup>) => user.type(screen.getByLabelText('Profile name'), 'x'), 'ERR_CLIENT_ID_INVALID', /^The client id is empty: paste the service account id/],
    [
      'no key for a new profile',
      async (user: ReturnType<typeof userEvent.setup>) => {
        await user.type(screen.getByLabelText('Profile name'), 'x');
        await user.type(screen.getByLabelText('Client id (service account id)'), 'svc-1');
      },
      'ERR_KEY_EMPTY',
      new RegExp(`^${PRIVATE_KEY_MESSAGES.empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    ],
    [
      'an insecure discovery URL',
      async (user: ReturnType<typeof userEvent.setup>) => {
        await fillNewProfile(user, testKeyPair().pkcs1Pem);
        await user.selectOptions(screen.getByLabelText('Region'), 'custom');
        await user.type(screen.getByLabelText('Discovery URL'), 'http://idp.example.com/x');
      },
      'ERR_URL_INSECURE',
      /^The discovery URL uses http:\/\/ on idp\.example\.com: only https:\/\/ is allowed/,
    ],
    [
      'an encrypted key without its passphrase',
      async (user: ReturnType<typeof userEvent.setup>) => fillNewProfile(user, testKeyPair().pkcs1EncryptedPem),
      'ERR_KEY_ENCRYPTED',
      /^This key is encrypted: enter its passphrase\.$/,
    ],
  ])('does not send a profile with %s, and says what to fix', async (_what, fill, code, message) => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} />, fake.bridge);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const alert = screen.getAllByRole('alert').at(-1)!;
    expect(within(alert).getByText('Not saved')).toBeInTheDocument();
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(within(alert).getByText(code)).toBeInTheDocument();
    expect(fake.callsTo('profiles:save')).toEqual([]);
  });

  it('updates an existing profile without resending the stored key', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={makeProfile()} onSaved={() => undefined} />, fake.bridge);
    expect(screen.getByLabelText('Profile name')).toHaveValue('Intelligence production');
    expect(screen.getByLabelText('Region')).toHaveValue('us1');
    await user.clear(screen.getByLabelText('Profile name'));
    await user.type(screen.getByLabelText('Profile name'), 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(fake.callsTo('profiles:save')).toHaveLength(1));
    const [request] = fake.callsTo('profiles:save') as SaveProfileRequest[];
    expect(request).toMatchObject({ id: 'p-intel', name: 'Renamed', region: 'us1' });
    expect(request).not.toHaveProperty('privateKeyPem');
  });

  it('shows the error the app returns, with its hint', async () => {
    const fake = createFakeBridge({
      'profiles:save': () => ({ ok: false, error: { code: 'ERR_PROFILE_NAME_TAKEN', message: 'A profile named "Intelligence production" exists: choose another name.', hint: 'Names are case-insensitive.' } }),
    });
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} />, fake.bridge);
    await fillNewProfile(user, testKeyPair().pkcs1Pem);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const alert = await screen.findByText('A profile named "Intelligence production" exists: choose another name.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Names are case-insensitive.');
    expect(screen.getByLabelText('Private key')).not.toHaveValue('');
  });
});
