import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EngagementHarness } from '../test-support/engagement-harness';
import { createFakeBridge } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';

vi.setConfig({ testTimeout: 30_000 });

const BASE = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/';

describe('EngagementForm: an auth URL pasted with v2/token', () => {
  it('says, as typed, that the token URL was given and what the workbench posts to, with the hint', async () => {
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness />, createFakeBridge().bridge);
    await user.click(screen.getByLabelText('Subdomain or auth base URL'));
    await user.paste(`${BASE}v2/token/v2/token`);
    expect(document.querySelector('[data-warning-code="WARN_AUTH_URL_TOKEN_PATH"]')).toHaveTextContent(
      `The auth base URL ends in v2/token/v2/token: that is the token URL, not the base. The workbench removed it and posts to ${BASE}v2/token. Give the base alone (${BASE}). A tool that appends v2/token to what it is given posts to .../v2/token/v2/token, and Marketing Cloud answers unsupported_grant_type there.`,
    );
    await user.clear(screen.getByLabelText('Subdomain or auth base URL'));
    await user.paste(BASE);
    expect(document.querySelector('[data-warning-code]')).toBeNull();
  });
});
