import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge, listingOf, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { App } from './app';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

// The profiles table fails to render (as a bug would): the Profiles screen must say so, and the app must stay usable.
vi.mock('../profiles/profiles-table', () => ({
  ProfilesTable: () => {
    throw new Error('render failure planted by the test');
  },
}));

function nav(name: RegExp) {
  return within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name });
}

describe('A render failure inside a screen', () => {
  // React reports caught render errors on console.error; keep the test output readable.
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('shows a message with Try again and a way back, never a blank window; the other screens keep working', async () => {
    const fake = createFakeBridge({ 'profiles:list': () => ({ ok: true, value: listingOf([makeProfile()]) }) });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    await user.click(nav(/^Profiles/));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
    expect(within(alert).getByText('This screen stopped working')).toBeVisible();
    expect(within(alert).getByText('ERR_INTERNAL')).toBeVisible();
    expect(alert).not.toHaveTextContent('render failure planted by the test');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();

    // Try again renders the screen again (and it fails again, still caught).
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('This screen stopped working')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Go to the Decoder' }));
    expect(nav(/^Decoder/)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByLabelText('Encoded token')).toBeVisible();
    await user.click(nav(/^Intelligence credentials/));
    expect(screen.getByRole('heading', { level: 1, name: 'Intelligence credentials' })).toBeVisible();
  });
});
