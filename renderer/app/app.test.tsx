import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import type { Profile } from '../../shared/profiles/profile';
import { createFakeBridge, listingOf, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { makeEngagementSsoJwt, testKeyPair } from '../test-support/sample-tokens';
import { App } from './app';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

/** The visible screen, found by its h1 (hidden screens are left out of the accessibility tree). */
function visibleScreen(title: string): HTMLElement {
  const screenElement = screen.getByRole('heading', { level: 1, name: title }).closest<HTMLElement>('.screen');
  if (screenElement === null) throw new Error(`no screen ${title}`);
  return screenElement;
}

function nav(name: RegExp) {
  return within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name });
}

describe('App', () => {
  it('opens on the Decoder and, without the desktop app, says the other screens need it (no errors)', async () => {
    const user = userEvent.setup();
    renderWithBridge(<App />, null);
    expect(nav(/^Decoder/)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByLabelText('Encoded token')).toBeVisible();

    await user.click(nav(/^Intelligence credentials/));
    expect(nav(/^Intelligence credentials/)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByLabelText('Encoded token')).not.toBeVisible();
    expect(within(visibleScreen('Intelligence credentials')).getByText('This needs the desktop app')).toBeVisible();
    expect(screen.queryByRole('heading', { level: 1, name: 'Decoder' })).toBeNull();
    await user.click(nav(/^Profiles/));
    expect(within(visibleScreen('Profiles')).getByText('This needs the desktop app')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the pasted token when switching screens and back', async () => {
    const user = userEvent.setup();
    const token = await makeEngagementSsoJwt({ version: 2 });
    renderWithBridge(<App />, null);
    await user.click(screen.getByLabelText('Encoded token'));
    await user.paste(token);
    await user.click(nav(/^Profiles/));
    await user.click(nav(/^Decoder/));
    expect(screen.getByLabelText('Encoded token')).toHaveValue(token);
    expect(screen.getByRole('heading', { name: TOKEN_KIND_LABELS['engagement-sso-v2'] })).toBeVisible();
  });

  it('shows a banner when the keychain is unavailable, while decoding still works', async () => {
    const fake = createFakeBridge({
      'app:info': () => ({
        ok: true,
        value: {
          version: '0.1.0',
          platform: 'linux',
          keychain: {
            available: false,
            error: {
              code: 'ERR_KEYCHAIN_UNAVAILABLE',
              message: 'No Secret Service answered: install and unlock gnome-keyring, then restart the app.',
            },
          },
        },
      }),
    });
    renderWithBridge(<App />, fake.bridge);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('The OS keychain is not available: saved credentials cannot be used');
    expect(banner).toHaveTextContent('No Secret Service answered: install and unlock gnome-keyring, then restart the app.');
    expect(banner).toHaveTextContent('ERR_KEYCHAIN_UNAVAILABLE');
    expect(banner).toHaveTextContent('The Decoder still works');
    expect(screen.getByText('v0.1.0')).toBeInTheDocument();
  });

  it('switches to a profile from Profiles into the credentials screen, ready to get a token, with the focus on its title', async () => {
    const second = makeProfile({ id: 'p-2', name: 'Intelligence EU sandbox', region: 'eu1' });
    const fake = createFakeBridge({ 'profiles:list': () => ({ ok: true, value: listingOf([makeProfile(), second]) }) });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    await user.click(nav(/^Profiles/));
    await user.click(await screen.findByRole('button', { name: 'Use Intelligence EU sandbox' }));
    expect(nav(/^Intelligence credentials/)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'Edit “Intelligence EU sandbox”' })).toBeVisible();
    expect(within(visibleScreen('Intelligence credentials')).getByLabelText('Region')).toHaveValue('eu1');
    expect(screen.getByRole('heading', { level: 1, name: 'Intelligence credentials' })).toHaveFocus();
    await user.click(within(visibleScreen('Intelligence credentials')).getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('intelligence:run')).toEqual([expect.objectContaining({ profileId: 'p-2' })]);
    expect(screen.getByRole('region', { name: 'Get an access token' })).toHaveTextContent(
      'with the saved profile “Intelligence EU sandbox”',
    );
  });

  it('after saving a new profile, reloads the list and keeps editing the saved profile', async () => {
    let profiles: Profile[] = [];
    const fake = createFakeBridge({
      'profiles:list': () => ({ ok: true, value: listingOf(profiles) }),
      'profiles:save': (request) => {
        const saved = makeProfile({ id: 'p-saved', name: request.name, clientId: request.clientId });
        profiles = [saved];
        return { ok: true, value: saved };
      },
    });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    await user.click(nav(/^Intelligence credentials/));
    const form = within(visibleScreen('Intelligence credentials'));
    await user.type(form.getByLabelText('Profile name'), 'Prod');
    await user.type(form.getByLabelText('Client id (service account id)'), 'svc-1');
    await user.click(form.getByLabelText('Private key'));
    await user.paste(testKeyPair().pkcs1Pem);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Saved “Prod”')).toBeInTheDocument();
    await waitFor(() => expect(fake.callsTo('profiles:list')).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get token' })).toBeEnabled();
    await user.click(nav(/^Profiles/));
    expect(within(visibleScreen('Profiles')).getByRole('row', { name: /^Prod/ })).toHaveAttribute('aria-current', 'true');
  });
});
