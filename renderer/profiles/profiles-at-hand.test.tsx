import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../app/app';
import { createFakeBridge, listingOf, makeEngagementProfile, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

// The whole app with user events is slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

const INTEL = makeProfile({ id: 'p-intel', name: 'Intel prod', region: 'eu1' });
const ENGAGEMENT = makeEngagementProfile();

/** The screen on show (the others are hidden). */
function shown(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.app__screen:not([hidden])');
  if (element === null) throw new Error('no screen shown');
  return element;
}

function nav(name: RegExp) {
  return within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name });
}

describe('Profiles at hand', () => {
  it('a freshly opened app picks a saved profile on each credentials screen, ready to run it', async () => {
    const fake = createFakeBridge({ 'profiles:list': () => ({ ok: true, value: listingOf([INTEL, ENGAGEMENT]) }) });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    await user.click(nav(/^Intelligence credentials/));
    const intelPicker = within(shown()).getByLabelText('Use');
    expect(
      within(intelPicker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['New profile (not saved yet)', 'Intel prod']);
    await user.selectOptions(intelPicker, 'p-intel');
    expect(within(shown()).getByRole('heading', { name: 'Edit “Intel prod”' })).toBeInTheDocument();
    expect(within(shown()).getByLabelText('Region')).toHaveValue('eu1');
    await user.click(within(shown()).getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('intelligence:run')).toEqual([expect.objectContaining({ profileId: 'p-intel' })]);

    await user.click(nav(/^Engagement credentials/));
    const engagementPicker = within(shown()).getByLabelText('Use');
    expect(
      within(engagementPicker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Unsaved values (test without saving)', 'MC prod']);
    await user.selectOptions(engagementPicker, 'p-eng');
    await user.click(within(shown()).getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('engagement:token')).toEqual([expect.objectContaining({ profileId: 'p-eng' })]);
  });

  it('Use on an Engagement row opens it on the Engagement screen, marked in use on Profiles', async () => {
    const fake = createFakeBridge({ 'profiles:list': () => ({ ok: true, value: listingOf([INTEL, ENGAGEMENT]) }) });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    await user.click(nav(/^Profiles/));
    await user.click(await screen.findByRole('button', { name: 'Use MC prod' }));
    expect(nav(/^Engagement credentials/)).toHaveAttribute('aria-current', 'page');
    expect(within(shown()).getByLabelText('Use')).toHaveValue('p-eng');
    expect(within(shown()).getByLabelText('Subdomain or auth base URL')).toHaveValue(ENGAGEMENT.subdomain);
    expect(screen.getByRole('heading', { level: 1, name: 'Engagement credentials' })).toHaveFocus();
    await user.click(nav(/^Profiles/));
    const row = document.querySelector<HTMLElement>('[data-profile-id="p-eng"]')!;
    expect(row).toHaveAttribute('aria-current', 'true');
    expect(within(row).getByText('In use')).toBeInTheDocument();
  });
});
