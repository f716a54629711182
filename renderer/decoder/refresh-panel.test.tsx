import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { decodeToken } from '../../shared/decode/decode-token';
import type { RefreshReport } from '../../shared/engagement/flow-types';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { deferredReply } from '../test-support/deferred-reply';
import { createFakeBridge } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { RefreshPanel } from './refresh-panel';

// Rendering with user events is slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

describe('RefreshPanel', () => {
  it('appears for an SSO JWT with a refresh token, warns and waits for confirmation, then shows the new tokens', async () => {
    const jwt = await makeEngagementSsoJwt({ version: 2 });
    const run = deferredReply<RefreshReport>();
    const fake = createFakeBridge({ 'engagement:refresh': run.handler });
    const user = userEvent.setup();
    renderWithBridge(<RefreshPanel token={decodeToken(jwt)} raw={jwt} />, fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Refresh…' }));
    await user.click(screen.getByLabelText('Client id'));
    await user.paste('pkg-1');
    await user.click(screen.getByLabelText('Client secret'));
    await user.paste('s3cret');
    const spend = screen.getByRole('button', { name: 'Spend the refresh token' });
    expect(spend).toBeDisabled();
    expect(screen.getByText(/works once: a second use fails after a 5-minute grace/)).toBeInTheDocument();
    await user.click(screen.getByLabelText(/I understand/));
    await user.click(spend);
    expect(fake.callsTo('engagement:refresh')).toEqual([
      { runId: expect.any(String), token: jwt, clientId: 'pkg-1', clientSecret: 's3cret' },
    ]);
    await run.release({
      ok: true,
      value: {
        steps: [],
        outcome: {
          ok: true,
          token: {
            accessToken: 'new-access',
            expiresIn: 3600,
            expiresAt: Date.now() + 3_600_000,
            refreshToken: 'next-refresh',
            authEndpoint: 'https://x/',
          },
        },
      },
    });
    expect(await screen.findByLabelText('New access token')).toHaveTextContent('new-access');
    expect(screen.getByLabelText('New refresh token')).toHaveTextContent('next-refresh');
    expect(screen.getByRole('button', { name: 'Copy new refresh token' })).toBeInTheDocument();
  });

  it('is absent for a token without a refresh token, and in a plain browser', async () => {
    const jwt = await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { refreshToken: undefined } } } });
    const { container } = renderWithBridge(<RefreshPanel token={decodeToken(jwt)} raw={jwt} />, createFakeBridge().bridge);
    expect(container).toBeEmptyDOMElement();
    const withRefresh = await makeEngagementSsoJwt({ version: 1 });
    const browser = renderWithBridge(<RefreshPanel token={decodeToken(withRefresh)} raw={withRefresh} />, null);
    expect(browser.container).toBeEmptyDOMElement();
  });
});
