import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { normalizePrivateKeyPem } from '../../shared/keys/normalize-private-key';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import { MAX_PROFILE_NAME_LENGTH } from '../../shared/profiles/profile';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { testKeyPair } from '../test-support/sample-tokens';
import { CredentialsForm } from './credentials-form';

/** Fills a new profile; pasted rather than typed key by key, so the test stays fast on a busy machine. */
async function fillNewProfile(user: ReturnType<typeof userEvent.setup>, key: string) {
  await user.click(screen.getByLabelText('Profile name'));
  await user.paste('Intelligence production');
  await user.click(screen.getByLabelText('Client id (service account id)'));
  await user.paste('  svc-7d2e9b1c4a ');
  await user.click(screen.getByLabelText('Private key'));
  await user.paste(key);
}

describe('CredentialsForm', () => {
  it('saves a new profile with the normalized key, shows the stored key fingerprint and clears the key', async () => {
    // What the app stores for this request (the notice is shown while the form still matches it).
    const saved = makeProfile({
      id: 'p-new',
      region: 'eu2',
      discoveryUrl: 'https://idp.intelligence.salesforce.com/eu2/.well-known/openid-configuration',
      tokenRequestStyle: 'query',
      keyInfo: { type: 'RSA', bits: 2048, fingerprint: 'SHA256:NEWfingerprint123', format: 'pkcs1' },
    });
    const fake = createFakeBridge({ 'profiles:save': () => ({ ok: true, value: saved }) });
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={onSaved} onRun={() => undefined} running={false} />, fake.bridge);
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

  it('keeps a name longer than the limit as pasted and refuses it with its length, never cutting it', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={() => undefined} running={false} />, fake.bridge);
    await fillNewProfile(user, testKeyPair().pkcs1Pem);
    const long = 'n'.repeat(MAX_PROFILE_NAME_LENGTH + 1);
    await user.clear(screen.getByLabelText('Profile name'));
    await user.paste(long);
    expect(screen.getByLabelText('Profile name')).toHaveValue(long);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByLabelText('Profile name')).toHaveAccessibleDescription(
      expect.stringContaining(
        `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters; this one has ${MAX_PROFILE_NAME_LENGTH + 1}: shorten it.`,
      ),
    );
    expect(screen.getByLabelText('Profile name')).toHaveFocus();
    expect(fake.callsTo('profiles:save')).toEqual([]);
  });

  it('says next to the region choice that the region table is a guess and recommends pasting the discovery URL', async () => {
    const user = userEvent.setup();
    renderWithBridge(
      <CredentialsForm profile={null} onSaved={vi.fn()} onRun={() => undefined} running={false} />,
      createFakeBridge().bridge,
    );
    const hint =
      "Only us1's discovery URL is documented; the others are guessed from it. Best: choose “Paste a discovery URL…” and paste the one the Intelligence UI shows.";
    expect(screen.getByText(hint)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Region'), 'custom');
    expect(screen.queryByText(hint)).toBeNull();
    expect(screen.getByLabelText('Discovery URL')).toBeInTheDocument();
  });

  it('sends a pasted discovery URL and the passphrase of an encrypted key', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={() => undefined} running={false} />, fake.bridge);
    await fillNewProfile(user, testKeyPair().pkcs8EncryptedPem);
    await user.selectOptions(screen.getByLabelText('Region'), 'custom');
    await user.type(
      screen.getByLabelText('Discovery URL'),
      'https://idp.intelligence.salesforce.com/custom/.well-known/openid-configuration',
    );
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
    [
      'no client id',
      'Client id (service account id)',
      async (user: ReturnType<typeof userEvent.setup>) => user.type(screen.getByLabelText('Profile name'), 'x'),
      'ERR_CLIENT_ID_INVALID',
      /^The client id is empty: paste the service account id/,
    ],
    [
      'no key for a new profile',
      'Private key',
      async (user: ReturnType<typeof userEvent.setup>) => {
        await user.type(screen.getByLabelText('Profile name'), 'x');
        await user.type(screen.getByLabelText('Client id (service account id)'), 'svc-1');
      },
      'ERR_KEY_EMPTY',
      new RegExp(`^${PRIVATE_KEY_MESSAGES.empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    ],
    [
      'an insecure discovery URL',
      'Discovery URL',
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
      'Passphrase',
      async (user: ReturnType<typeof userEvent.setup>) => fillNewProfile(user, testKeyPair().pkcs1EncryptedPem),
      'ERR_KEY_ENCRYPTED',
      /^This key is encrypted: enter its passphrase\.$/,
    ],
  ])(
    'does not send a profile with %s: the %s field says what to fix, is marked invalid and gets the focus',
    async (_what, label, fill, code, message) => {
      const fake = createFakeBridge();
      const user = userEvent.setup();
      renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={() => undefined} running={false} />, fake.bridge);
      await fill(user);
      await user.click(screen.getByRole('button', { name: 'Save profile' }));
      const field = screen.getByLabelText(label, { selector: 'input, textarea' });
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveFocus();
      const errorId = field.getAttribute('aria-describedby')!.split(' ')[0]!;
      const error = document.getElementById(errorId)!;
      expect(within(error).getByText(message)).toBeInTheDocument();
      expect(within(error).getByText(code)).toBeInTheDocument();
      expect(fake.callsTo('profiles:save')).toEqual([]);
    },
  );

  it('reports every invalid field at once, next to each, and focuses the first', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={() => undefined} running={false} />, fake.bridge);
    await user.selectOptions(screen.getByLabelText('Region'), 'custom');
    await user.type(screen.getByLabelText('Discovery URL'), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const invalid = ['Profile name', 'Client id (service account id)', 'Discovery URL', 'Private key'].map((label) =>
      screen.getByLabelText(label, { selector: 'input, textarea' }),
    );
    for (const field of invalid) expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(invalid[0]).toHaveFocus();
    expect(screen.getByLabelText('Profile name')).toHaveAccessibleDescription(/Give the profile a name/);
    expect(screen.getByLabelText('Client id (service account id)')).toHaveAccessibleDescription(/The client id is empty/);
    expect(screen.getByLabelText('Discovery URL')).toHaveAccessibleDescription(/discovery URL/i);
    expect(screen.getByTestId('invalid-summary')).toHaveTextContent('4 fields need attention.');
    expect(screen.queryByRole('alert')).toBeNull();

    // Fixing a field clears its own error only.
    await user.type(screen.getByLabelText('Profile name'), 'P');
    expect(screen.getByLabelText('Profile name')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Client id (service account id)')).toHaveAttribute('aria-invalid', 'true');

    // Get token needs no name: it reports the others and focuses the client id.
    await user.clear(screen.getByLabelText('Profile name'));
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(screen.getByLabelText('Profile name')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Client id (service account id)')).toHaveFocus();
  });

  it('Get token sends the form as it stands for that run only: nothing is saved', async () => {
    const fake = createFakeBridge();
    const onRun = vi.fn();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={onRun} running={false} />, fake.bridge);
    const keys = testKeyPair();
    await user.type(screen.getByLabelText('Client id (service account id)'), 'svc-draft');
    await user.selectOptions(screen.getByLabelText('Region'), 'eu1');
    await user.click(screen.getByLabelText('Private key'));
    await user.paste(keys.pkcs8Pem);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(onRun).toHaveBeenCalledWith(
      {
        draft: {
          clientId: 'svc-draft',
          region: 'eu1',
          privateKeyPem: normalizePrivateKeyPem(keys.pkcs8Pem).pem,
          tokenRequestStyle: 'form',
        },
      },
      15_000,
    );
    expect(fake.callsTo('profiles:save')).toEqual([]);
    expect(screen.getByLabelText('Private key')).not.toHaveValue('');
  });

  it('a saved profile: unchanged runs by id; edited shows "Edited", runs the edits (with the key pasted again) and never saves', async () => {
    const onRun = vi.fn();
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={makeProfile()} onSaved={() => undefined} onRun={onRun} running={false} />, fake.bridge);
    expect(screen.queryByTestId('edited-badge')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(onRun).toHaveBeenLastCalledWith({ profileId: 'p-intel' }, 15_000);

    await user.selectOptions(screen.getByLabelText('Region'), 'us2');
    expect(screen.getByTestId('edited-badge')).toHaveTextContent('Edited · not saved');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Private key')).toHaveFocus();
    expect(screen.getByLabelText('Private key')).toHaveAccessibleDescription(/To test these unsaved changes, paste the private key again/);

    await user.paste(testKeyPair().pkcs1Pem);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(onRun).toHaveBeenLastCalledWith({ draft: expect.objectContaining({ clientId: 'svc-7d2e9b1c4a', region: 'us2' }) }, 15_000);
    expect(fake.callsTo('profiles:save')).toEqual([]);
  });

  it('the "Saved" notice goes away as soon as a field changes', async () => {
    const saved = makeProfile();
    const fake = createFakeBridge({ 'profiles:save': () => ({ ok: true, value: saved }) });
    const user = userEvent.setup();
    const view = renderWithBridge(
      <CredentialsForm profile={saved} onSaved={() => undefined} onRun={() => undefined} running={false} />,
      fake.bridge,
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved “Intelligence production”')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Client id (service account id)'), 'x');
    expect(screen.queryByText('Saved “Intelligence production”')).toBeNull();
    expect(screen.getByTestId('edited-badge')).toBeInTheDocument();
    view.unmount();
  });

  it('updates an existing profile without resending the stored key', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(
      <CredentialsForm profile={makeProfile()} onSaved={() => undefined} onRun={() => undefined} running={false} />,
      fake.bridge,
    );
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
      'profiles:save': () => ({
        ok: false,
        error: {
          code: 'ERR_PROFILE_NAME_TAKEN',
          message: 'A profile named "Intelligence production" exists: choose another name.',
          hint: 'Names are case-insensitive.',
        },
      }),
    });
    const user = userEvent.setup();
    renderWithBridge(<CredentialsForm profile={null} onSaved={() => undefined} onRun={() => undefined} running={false} />, fake.bridge);
    await fillNewProfile(user, testKeyPair().pkcs1Pem);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const alert = await screen.findByText('A profile named "Intelligence production" exists: choose another name.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Names are case-insensitive.');
    expect(screen.getByLabelText('Private key')).not.toHaveValue('');
  });
});
