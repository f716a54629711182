import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import { MAX_PROFILE_NAME_LENGTH, type Profile } from '../../shared/profiles/profile';
import { createFakeBridge, listingOf, makeEngagementProfile, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { ProfilesScreen } from './profiles-screen';

// Many rows and user events are slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

/** 32 profiles: Intelligence ones named "Intel NN" and Engagement ones named "Package NN", saved one day apart. */
function manyProfiles(): Profile[] {
  return Array.from({ length: 32 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const updatedAt = new Date(Date.UTC(2026, 10, 1 + i)).toISOString();
    return i % 2 === 0
      ? makeProfile({
          id: `i-${n}`,
          name: `Intel ${n}`,
          clientId: `svc-${n}`,
          region: null,
          discoveryUrl: `https://idp.example/${n}/disc`,
          updatedAt,
        })
      : makeEngagementProfile({ id: `e-${n}`, name: `Package ${n}`, clientId: `pkg-${n}`, subdomain: `mc${n}tenant`, updatedAt });
  });
}

function setup(value: ProfilesListing, fake = createFakeBridge()) {
  const onUse = vi.fn();
  const onChanged = vi.fn();
  renderWithBridge(
    <ProfilesScreen listing={{ status: 'ok', value }} selectedIds={[]} onUse={onUse} onChanged={onChanged} onReload={vi.fn()} />,
    fake.bridge,
  );
  return { onUse, onChanged, fake, user: userEvent.setup() };
}

const names = () => screen.getAllByRole('rowheader').map((cell) => cell.querySelector('.profiles-table__name-text')?.textContent);

describe('ProfilesScreen with many profiles', () => {
  it('searches by name, product, client id and URL, and says how many match', async () => {
    const { user } = setup(listingOf(manyProfiles()));
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    expect(screen.getByText('32 profiles')).toBeInTheDocument();
    await user.type(search, 'intel 0');
    expect(names()).toEqual(['Intel 01', 'Intel 03', 'Intel 05', 'Intel 07', 'Intel 09']);
    await user.clear(search);
    await user.type(search, 'pkg-12');
    expect(names()).toEqual(['Package 12']);
    await user.clear(search);
    await user.type(search, 'idp.example/07');
    expect(names()).toEqual(['Intel 07']);
    await user.clear(search);
    await user.type(search, 'engagement mc3');
    expect(names()).toEqual(['Package 30', 'Package 32']);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 32 profiles match');
    await user.type(search, 'x');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No profile matches “engagement mc3x”: try part of a name, a client id or a URL.')).toBeInTheDocument();
  });

  it('sorts by name (the column says so) or by last saved, newest first', async () => {
    const { user } = setup(listingOf(manyProfiles()));
    expect(names().slice(0, 3)).toEqual(['Intel 01', 'Intel 03', 'Intel 05']);
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'updated');
    expect(names().slice(0, 3)).toEqual(['Package 32', 'Intel 31', 'Package 30']);
    expect(screen.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');
  });

  it('names the endpoint column for what it holds, and shows and copies full values', async () => {
    const { user } = setup(listingOf(manyProfiles()));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'Product',
      'Client id',
      'Endpoint',
      'Stored in keychain',
      'Actions',
    ]);
    const copy = screen.getByRole('button', { name: 'Copy endpoint of Intel 07' });
    expect(copy).toHaveAttribute('title', 'Copy endpoint of Intel 07');
    expect(screen.getByText('https://idp.example/07/disc')).toHaveAttribute('title', 'https://idp.example/07/disc');
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe('https://idp.example/07/disc');
    await user.click(screen.getByRole('button', { name: 'Copy client id of Package 12' }));
    expect(await navigator.clipboard.readText()).toBe('pkg-12');
  });

  it('is one tab stop for the keyboard: the arrow keys move between actions and rows', async () => {
    const { user, onUse } = setup(listingOf(manyProfiles()));
    const table = screen.getByRole('table');
    const stops = within(table)
      .getAllByRole('button')
      .filter((button) => button.tabIndex === 0);
    expect(stops).toEqual([screen.getByRole('button', { name: 'Copy client id of Intel 01' })]);
    stops[0]!.focus();
    await user.tab();
    expect(table.contains(document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Copy client id of Intel 01' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Copy token of Intel 01' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Use Intel 01' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Use Intel 05' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Delete Intel 05' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{Home}{ArrowRight}{ArrowRight}{ArrowRight}{Enter}');
    expect(onUse).toHaveBeenCalledWith(expect.objectContaining({ name: 'Intel 03' }));
    expect(screen.getByRole('button', { name: 'Use Intel 03' })).toHaveAttribute('tabindex', '0');
  });

  it('puts the signing-secret form above the table', () => {
    setup(listingOf(manyProfiles()));
    const form = screen.getByText('Add an Engagement signing secret');
    expect(form.compareDocumentPosition(screen.getByRole('table')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says when a stored key or client secret is missing from the keychain, instead of showing it as stored', () => {
    const [intel, pkg] = manyProfiles();
    const both = makeProfile({ ...pkg!, id: 'e-both', name: 'Both', hasSecret: true, secretEncoding: 'text' });
    setup(
      listingOf([intel!, pkg!, both], {
        keychain: {
          [intel!.id]: { secret: 'missing' },
          [pkg!.id]: { clientSecret: 'missing' },
          'e-both': { secret: 'unknown', clientSecret: 'present' },
        },
      }),
    );
    const row = (id: string) => document.querySelector<HTMLElement>(`[data-profile-id="${id}"]`)!;
    expect(row(intel!.id)).toHaveTextContent('Key missing from the keychain: edit the profile and paste it again.');
    expect(row(intel!.id)).not.toHaveTextContent(intel!.keyInfo!.fingerprint);
    expect(row(pkg!.id)).toHaveTextContent('Client secret missing from the keychain: edit the profile and paste it again.');
    expect(within(row(pkg!.id)).queryByText(/^Client secret$/)).toBeNull();
    expect(row('e-both')).toHaveTextContent('Client secret · signing secret (text)');
    expect(row('e-both')).toHaveTextContent('The keychain did not answer');
  });

  it('lists entries saved by a newer version read-only, with their name and product when known', () => {
    setup(
      listingOf([makeProfile()], {
        foreign: [
          { index: 1, id: 'p-future', name: 'From the future', product: 'engagement', fields: ['product'] },
          { index: 2, id: null, name: null, product: null, fields: ['id', 'name'] },
        ],
      }),
    );
    const section = screen.getByRole('region', { name: 'Saved by a newer version' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['From the future · Engagement · saved by a newer version', 'Profile #3 · saved by a newer version']);
    expect(within(section).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('button', { name: /From the future/ })).toBeNull();
  });

  it('refuses a name over the limit in the rename box and in the signing-secret form, saying its length', async () => {
    const fake = createFakeBridge();
    const { user } = setup(listingOf([makeProfile()]), fake);
    const long = 'x'.repeat(MAX_PROFILE_NAME_LENGTH + 1);
    const message = `A profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters; this one has ${MAX_PROFILE_NAME_LENGTH + 1}: shorten it.`;
    await user.click(screen.getByRole('button', { name: 'Rename Intelligence production' }));
    const input = screen.getByLabelText('New name for Intelligence production');
    await user.clear(input);
    await user.paste(long);
    await user.keyboard('{Enter}');
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveValue(long);
    await user.keyboard('{Escape}');
    await user.click(screen.getByText('Add an Engagement signing secret'));
    await user.click(screen.getByLabelText('Profile name'));
    await user.paste(long);
    await user.click(screen.getByLabelText('JWT signing secret'));
    await user.paste('s3cret');
    await user.click(screen.getByRole('button', { name: 'Save secret' }));
    await waitFor(() => expect(screen.getByText(message)).toBeInTheDocument());
    expect(fake.callsTo('profiles:rename')).toEqual([]);
    expect(fake.callsTo('profiles:save')).toEqual([]);
  });
});

describe('ProfilesScreen with no profiles', () => {
  it('names both products and where to save each', () => {
    setup(listingOf([]));
    expect(screen.getByText('No profiles yet')).toBeInTheDocument();
    expect(screen.getByText(/Intelligence credentials on the Intelligence credentials screen/)).toHaveTextContent(
      'an Engagement installed package on the Engagement credentials screen',
    );
  });
});
