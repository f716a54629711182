import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { App } from './app';
import { preloadScreens } from './lazy-screens';

// No preload here: this file sees the app as it first paints, before the other screens' chunks are in.
describe('The screens loaded as chunks of their own', () => {
  it('paint the decoder at once, mount another screen when it is first shown, with a loading note until its chunk is in', async () => {
    renderWithBridge(<App />, null);
    expect(screen.getByLabelText('Encoded token')).toBeVisible();
    // The other screens are not rendered (nor their chunks asked for) until the user goes to them.
    expect(document.querySelectorAll('.app__screen[hidden] > *')).toHaveLength(0);

    await userEvent.setup().click(within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name: /^Profiles/ }));
    // The first import of a chunk compiles its modules: wait as long as that takes on a busy machine.
    expect(screen.getByText('Loading Profiles…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Profiles' }, { timeout: 15_000 })).toBeVisible();
    expect(screen.queryByText('Loading Profiles…')).toBeNull();
    // Let the other chunks finish loading before the test environment goes.
    await preloadScreens();
  });
});
