import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_SESSION_ATTRIBUTE } from '../../shared/ipc/http-protocol';
import { NeedsDesktop } from './needs-desktop';

// A tab of `mctoken ui` without a session says how to get one; only a plain browser says the desktop app is needed.

afterEach(() => document.documentElement.removeAttribute(NO_SESSION_ATTRIBUTE));

describe('NeedsDesktop', () => {
  it('in a plain browser, says the feature needs the desktop app', () => {
    render(<NeedsDesktop feature="Saving profiles" />);
    expect(screen.getByText('This needs the desktop app')).toBeInTheDocument();
    expect(screen.getByText(/^Saving profiles uses the OS keychain/)).toBeInTheDocument();
  });

  it.each([
    ['none', 'This tab has no mctoken ui session (a bookmark, a new tab, or an address already used).', /press Enter in the terminal/],
    ['refused', 'This address was already used or is older than 60 seconds, so it opens nothing.', /press Enter in the terminal/],
    ['unreachable', 'The mctoken ui server is not answering.', /^Run mctoken ui again and open the address it prints\./],
  ])('in a tab of mctoken ui without a session (%s), says to open a fresh address instead', (reason, why, what) => {
    document.documentElement.setAttribute(NO_SESSION_ATTRIBUTE, reason);
    render(<NeedsDesktop feature="Saving profiles" />);
    expect(screen.getByText('Open the address mctoken ui printed')).toBeInTheDocument();
    expect(screen.getByText(why)).toBeInTheDocument();
    expect(screen.getByText(what)).toBeInTheDocument();
    expect(screen.queryByText('This needs the desktop app')).toBeNull();
  });
});
