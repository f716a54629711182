import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import { MAX_PROFILE_NAME_LENGTH } from '../../shared/profiles/profile';
import type { QueryState } from '../hooks/use-bridge-query';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { BridgeContext } from '../bridge/bridge-context';
import { ProfilesScreen } from './profiles-screen';

const INTEL = makeProfile();
const ENGAGEMENT = makeProfile({
  id: 'p-eng',
  name: 'Engagement SSO app',
  product: 'engagement',
  clientId: '',
  region: null,
  discoveryUrl: null,
  keyInfo: null,
  secretEncoding: 'base64',
});

function listing(value: ProfilesListing): QueryState<ProfilesListing> {
  return { status: 'ok', value };
}

function setup(state: QueryState<ProfilesListing>, fake = createFakeBridge()) {
  const onUse = vi.fn();
  const onChanged = vi.fn();
  const onReload = vi.fn();
  renderWithBridge(
    <ProfilesScreen listing={state} selectedId={INTEL.id} onUse={onUse} onChanged={onChanged} onReload={onReload} />,
    fake.bridge,
  );
  return { onUse, onChanged, onReload, fake, user: userEvent.setup() };
}

function rowOf(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-profile-id="${id}"]`);
  if (row === null) throw new Error(`no row ${id}`);
  return row;
}

describe('ProfilesScreen', () => {
  it('lists name, product, client id, region and what is stored (fingerprint, never a key)', () => {
    setup(listing({ profiles: [INTEL, ENGAGEMENT], problems: [], keychain: {}, foreign: [] }));
    const intel = rowOf(INTEL.id);
    expect(within(intel).getByRole('rowheader')).toHaveTextContent('Intelligence production');
    expect(within(intel).getByText('In use')).toBeInTheDocument();
    expect(within(intel).getByText('Intelligence')).toBeInTheDocument();
    expect(within(intel).getByText('svc-7d2e9b1c4a')).toBeInTheDocument();
    expect(within(intel).getByText('us1')).toBeInTheDocument();
    expect(within(intel).getByText(INTEL.keyInfo!.fingerprint)).toBeInTheDocument();
    expect(within(intel).getByText('RSA 2048 · PKCS#1')).toBeInTheDocument();
    const eng = rowOf(ENGAGEMENT.id);
    expect(within(eng).getByText('Signing secret (base64)')).toBeInTheDocument();
    expect(within(eng).queryByRole('button', { name: /^Use/ })).toBeNull();
  });

  it('switches to a profile with Use', async () => {
    const { onUse, user } = setup(listing({ profiles: [INTEL, ENGAGEMENT], problems: [], keychain: {}, foreign: [] }));
    await user.click(screen.getByRole('button', { name: 'Use Intelligence production' }));
    expect(onUse).toHaveBeenCalledWith(INTEL);
  });

  it('shows problems reading the profiles as a notice', () => {
    setup(
      listing({
        profiles: [],
        problems: [
          { code: 'ERR_PROFILES_CORRUPT', message: 'profiles.json could not be read and was moved aside: re-create your profiles.' },
        ],
        keychain: {},
        foreign: [],
      }),
    );
    expect(screen.getByText('A problem reading your profiles')).toBeInTheDocument();
    expect(screen.getByText('profiles.json could not be read and was moved aside: re-create your profiles.')).toBeInTheDocument();
    expect(screen.getByText('ERR_PROFILES_CORRUPT')).toBeInTheDocument();
    expect(screen.getByText('No profiles yet')).toBeInTheDocument();
  });

  it('renames inline with Enter through profiles:rename', async () => {
    const renamed = { ...INTEL, name: 'Intel prod' };
    const fake = createFakeBridge({ 'profiles:rename': () => ({ ok: true, value: renamed }) });
    const { onChanged, user } = setup(listing({ profiles: [INTEL], problems: [], keychain: {}, foreign: [] }), fake);
    await user.click(screen.getByRole('button', { name: 'Rename Intelligence production' }));
    const input = screen.getByLabelText('New name for Intelligence production');
    expect(input).toHaveAttribute('maxlength', String(MAX_PROFILE_NAME_LENGTH));
    await user.clear(input);
    await user.type(input, '  Intel prod {Enter}');
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ renamed }));
    expect(fake.callsTo('profiles:rename')).toEqual([{ id: INTEL.id, name: 'Intel prod' }]);
    expect(screen.queryByLabelText('New name for Intelligence production')).toBeNull();
    expect(within(rowOf(INTEL.id)).getByRole('button', { name: /^Rename / })).toHaveFocus();
  });

  it('cancels a rename with Escape and shows a rename error in place', async () => {
    const fake = createFakeBridge({
      'profiles:rename': () => ({
        ok: false,
        error: { code: 'ERR_PROFILE_NAME_TAKEN', message: 'Another profile has this name: choose another.' },
      }),
    });
    const { onChanged, user } = setup(listing({ profiles: [INTEL], problems: [], keychain: {}, foreign: [] }), fake);
    await user.click(screen.getByRole('button', { name: 'Rename Intelligence production' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('New name for Intelligence production')).toBeNull();
    expect(screen.getByRole('button', { name: 'Rename Intelligence production' })).toHaveFocus();
    expect(fake.callsTo('profiles:rename')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Rename Intelligence production' }));
    await user.type(screen.getByLabelText('New name for Intelligence production'), '2{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another profile has this name: choose another.');
    expect(alert).toHaveTextContent('ERR_PROFILE_NAME_TAKEN');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('deletes only after confirming in a dialog that says the keychain entry goes too', async () => {
    const fake = createFakeBridge();
    const { onChanged, user } = setup(listing({ profiles: [INTEL, ENGAGEMENT], problems: [], keychain: {}, foreign: [] }), fake);
    await user.click(screen.getByRole('button', { name: 'Delete Intelligence production' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete “Intelligence production”?' });
    expect(dialog).toHaveTextContent('This removes the profile and its private key from the OS keychain.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('profiles:delete')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete Intelligence production' }));
    dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete profile' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ deletedId: INTEL.id }));
    expect(fake.callsTo('profiles:delete')).toEqual([{ id: INTEL.id }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('after a delete the focus goes to the row that took its place, then to the previous row, then to the empty state', async () => {
    const third = makeProfile({ id: 'p-3', name: 'Third' });
    const fake = createFakeBridge();
    const user = userEvent.setup();
    const props = { selectedId: null, onUse: () => undefined, onChanged: () => undefined, onReload: () => undefined };
    const view = renderWithBridge(
      <ProfilesScreen listing={listing({ profiles: [INTEL, ENGAGEMENT, third], problems: [], keychain: {}, foreign: [] })} {...props} />,
      fake.bridge,
    );
    const rerender = (profiles: (typeof INTEL)[]) =>
      view.rerender(
        <BridgeContext.Provider value={fake.bridge}>
          <ProfilesScreen listing={listing({ profiles, problems: [], keychain: {}, foreign: [] })} {...props} />
        </BridgeContext.Provider>,
      );
    const deleteThrough = async (name: string) => {
      await user.click(screen.getByRole('button', { name: `Delete ${name}` }));
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete profile' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    };

    await deleteThrough('Engagement SSO app');
    rerender([INTEL, third]);
    expect(screen.getByRole('button', { name: 'Use Third' })).toHaveFocus();
    await deleteThrough('Third');
    rerender([INTEL]);
    expect(screen.getByRole('button', { name: 'Use Intelligence production' })).toHaveFocus();
    await deleteThrough('Intelligence production');
    rerender([]);
    expect(screen.getByText('No profiles yet')).toHaveFocus();
  });

  it('keeps the dialog open with the error when deleting fails', async () => {
    const fake = createFakeBridge({
      'profiles:delete': () => ({
        ok: false,
        error: { code: 'ERR_KEYCHAIN_LOCKED', message: 'The keychain is locked: unlock it and try again.' },
      }),
    });
    const { onChanged, user } = setup(listing({ profiles: [INTEL], problems: [], keychain: {}, foreign: [] }), fake);
    await user.click(screen.getByRole('button', { name: 'Delete Intelligence production' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete profile' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('The keychain is locked: unlock it and try again.'));
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('saves an Engagement signing secret as a profile', async () => {
    const saved = { ...ENGAGEMENT, id: 'p-new' };
    const fake = createFakeBridge({ 'profiles:save': () => ({ ok: true, value: saved }) });
    const { onChanged, user } = setup(listing({ profiles: [], problems: [], keychain: {}, foreign: [] }), fake);
    await user.click(screen.getByText('Add an Engagement signing secret'));
    expect(screen.getAllByLabelText('Profile name')[0]).toHaveAttribute('maxlength', String(MAX_PROFILE_NAME_LENGTH));
    await user.type(screen.getAllByLabelText('Profile name')[0]!, 'SSO app');
    await user.type(screen.getByLabelText('JWT signing secret'), 's3cret');
    await user.selectOptions(screen.getByLabelText('Encoding'), 'base64');
    await user.click(screen.getByRole('button', { name: 'Save secret' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ saved }));
    expect(fake.callsTo('profiles:save')).toEqual([
      { name: 'SSO app', product: 'engagement', clientId: '', signingSecret: 's3cret', secretEncoding: 'base64' },
    ]);
    expect(screen.getByLabelText('JWT signing secret')).toHaveValue('');
  });

  it('shows a load failure with a retry', async () => {
    const { onReload, user } = setup({
      status: 'error',
      error: { code: 'ERR_PROFILES_IO', message: 'profiles.json could not be read: check its permissions.' },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('profiles.json could not be read: check its permissions.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('says plainly that profiles need the desktop app when there is no bridge', () => {
    renderWithBridge(
      <ProfilesScreen listing={{ status: 'unavailable' }} selectedId={null} onUse={vi.fn()} onChanged={vi.fn()} onReload={vi.fn()} />,
      null,
    );
    expect(screen.getByText('This needs the desktop app')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
