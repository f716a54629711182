import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfilesListing, TokenCacheState } from '../../shared/ipc/ipc-contract';
import { createFakeBridge, listingOf, makeProfile, type FakeHandlers } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { ProfilesScreen } from './profiles-screen';

const INTEL = makeProfile();
const PACKAGE = makeProfile({
  id: 'p-pkg',
  name: 'Package prod',
  product: 'engagement',
  clientId: 'pkg-1',
  region: null,
  discoveryUrl: null,
  keyInfo: null,
  hasSecret: false,
  hasClientSecret: true,
  subdomain: 'mc563885gzs27c5t9-63k636ttgm',
});
const SSO_ONLY = makeProfile({
  id: 'p-sso',
  name: 'SSO only',
  product: 'engagement',
  clientId: '',
  region: null,
  discoveryUrl: null,
  keyInfo: null,
  secretEncoding: 'text',
});
const PUBLIC_APP = makeProfile({
  id: 'p-web',
  name: 'Public app',
  product: 'engagement-web',
  clientId: 'web-1',
  region: null,
  discoveryUrl: null,
  keyInfo: null,
  hasSecret: true,
  hasClientSecret: false,
  subdomain: 'mc563885gzs27c5t9-63k636ttgm',
  redirectUri: 'https://127.0.0.1:80/',
  tokenBaseUrl: 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/',
});
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.copied-token.sig';

function setup(
  states: Record<string, TokenCacheState>,
  handlers: FakeHandlers = {},
  value: ProfilesListing = listingOf([INTEL, PACKAGE, SSO_ONLY]),
) {
  const fake = createFakeBridge({ 'profiles:token-states': () => ({ ok: true, value: states }), ...handlers });
  renderWithBridge(
    <ProfilesScreen listing={{ status: 'ok', value }} selectedIds={[]} onUse={vi.fn()} onChanged={vi.fn()} onReload={vi.fn()} />,
    fake.bridge,
  );
  return { fake, user: userEvent.setup() };
}

const rowOf = (id: string) => document.querySelector<HTMLElement>(`[data-profile-id="${id}"]`)!;

describe('a profile’s cached token in the profiles table', () => {
  it('says whether a token is cached and its time left, never the token; nothing for a profile that cannot get one', async () => {
    const expiresAt = Date.now() + 17 * 60_000 + 30_000;
    setup({ [INTEL.id]: { cached: false }, [PACKAGE.id]: { cached: true, expiresAt }, [SSO_ONLY.id]: { cached: false } });
    expect(await within(rowOf(PACKAGE.id)).findByText(/Token cached ·/)).toHaveTextContent('Token cached · 17 min left');
    expect(within(rowOf(PACKAGE.id)).getByText('17 min left')).toHaveAttribute('datetime', new Date(expiresAt).toISOString());
    expect(within(rowOf(INTEL.id)).getByText('No token cached')).toBeInTheDocument();
    expect(within(rowOf(SSO_ONLY.id)).queryByText(/token cached/i)).toBeNull();
    expect(within(rowOf(SSO_ONLY.id)).queryByRole('button', { name: /Copy token/ })).toBeNull();
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('a public app (no client secret) gets a token with its stored refresh token; without one it cannot', async () => {
    const expiresAt = Date.now() + 10 * 60_000;
    const signedOut = { ...PUBLIC_APP, id: 'p-web-out', name: 'Signed out app', hasSecret: false };
    const { fake, user } = setup(
      { [PUBLIC_APP.id]: { cached: false } },
      { 'profiles:copy-token': () => ({ ok: true, value: { accessToken: TOKEN, expiresAt, cached: false } }) },
      listingOf([PUBLIC_APP, signedOut]),
    );
    expect(await within(rowOf(PUBLIC_APP.id)).findByText('No token cached')).toBeInTheDocument();
    expect(within(rowOf(signedOut.id)).queryByRole('button', { name: /Copy token/ })).toBeNull();
    await user.click(within(rowOf(PUBLIC_APP.id)).getByRole('button', { name: 'Copy token of Public app' }));
    expect(fake.callsTo('profiles:copy-token')).toEqual([{ profileId: PUBLIC_APP.id }]);
  });

  it('an expired entry counts as none', async () => {
    setup({ [INTEL.id]: { cached: true, expiresAt: Date.now() - 1_000 } });
    expect(await within(rowOf(INTEL.id)).findByText('No token cached')).toBeInTheDocument();
  });

  it('Copy token asks the main process for the profile’s token, copies it, says it was new, and asks for the states again', async () => {
    const expiresAt = Date.now() + 300_000;
    const { fake, user } = setup(
      { [INTEL.id]: { cached: false } },
      { 'profiles:copy-token': () => ({ ok: true, value: { accessToken: TOKEN, expiresAt, cached: false } }) },
    );
    await waitFor(() => expect(fake.callsTo('profiles:token-states')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Copy token of Intelligence production' }));
    expect(fake.callsTo('profiles:copy-token')).toEqual([{ profileId: INTEL.id }]);
    expect(await navigator.clipboard.readText()).toBe(TOKEN);
    expect(await within(rowOf(INTEL.id)).findByText('New token copied')).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(fake.callsTo('profiles:token-states')).toHaveLength(2));
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('a reused token says so', async () => {
    const { user } = setup(
      { [PACKAGE.id]: { cached: true, expiresAt: Date.now() + 600_000 } },
      { 'profiles:copy-token': () => ({ ok: true, value: { accessToken: TOKEN, expiresAt: Date.now() + 600_000, cached: true } }) },
    );
    await user.click(screen.getByRole('button', { name: 'Copy token of Package prod' }));
    expect(await within(rowOf(PACKAGE.id)).findByText('Token copied (reused from the cache)')).toBeInTheDocument();
  });

  it('a failed exchange is shown above the table with its code, nothing is copied, and the states are asked again', async () => {
    await navigator.clipboard.writeText('before');
    const { fake, user } = setup(
      {},
      {
        'profiles:copy-token': () => ({
          ok: false,
          error: { code: 'ERR_OAUTH_INVALID_CLIENT', message: 'invalid_client: Invalid client ID or secret.', hint: 'Check the package.' },
        }),
      },
    );
    await user.click(screen.getByRole('button', { name: 'Copy token of Package prod' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No token for Package prod');
    expect(alert).toHaveTextContent('invalid_client: Invalid client ID or secret.');
    expect(alert).toHaveTextContent('ERR_OAUTH_INVALID_CLIENT');
    expect(await navigator.clipboard.readText()).toBe('before');
    await waitFor(() => expect(fake.callsTo('profiles:token-states')).toHaveLength(2));
  });

  it('is one more action in the row for the keyboard, after the copy buttons and before Use', async () => {
    const { user } = setup({});
    const copyClient = screen.getByRole('button', { name: 'Copy client id of Intelligence production' });
    copyClient.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Copy token of Intelligence production' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Use Intelligence production' })).toHaveFocus();
  });
});
