import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { createFakeBridge, makeEngagementProfile } from '../test-support/fake-bridge';
import { EngagementHarness } from '../test-support/engagement-harness';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { deferredReply } from '../test-support/deferred-reply';

// Rendering the whole screen with user events is slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln.b3BhcXVl';
const REPORT: EngagementFlowReport = {
  steps: [
    { id: 'token', title: 'Request the access token (v2/token)', status: 'ok', durationMs: 120 },
    { id: 'userinfo', title: 'Who am I (v2/userinfo)', status: 'ok', durationMs: 80 },
    { id: 'soap-endpoint', title: 'Find the SOAP endpoint (platform/v1/endpoints/soap)', status: 'ok', durationMs: 40 },
  ],
  warnings: [{ code: 'WARN_SCOPES_MISSING', message: 'Requested but not granted: journeys_read.' }],
  outcome: {
    ok: true,
    token: {
      accessToken: TOKEN,
      tokenType: 'Bearer',
      expiresIn: 1079,
      expiresAt: Date.now() + 1_079_000,
      scope: 'email_read',
      grantedScopes: ['email_read'],
      requestedScopes: ['email_read', 'journeys_read'],
      missingScopes: ['journeys_read'],
      restInstanceUrl: 'https://t.rest.marketingcloudapis.com/',
      soapInstanceUrl: 'https://t.soap.marketingcloudapis.com/',
      tokenEndpoint: 'https://t.auth.marketingcloudapis.com/v2/token',
    },
    whoami: {
      userinfo: {},
      summary: {
        mid: '510001234',
        enterpriseId: '514000001',
        enterpriseName: 'Acme',
        stack: 'S7',
        region: 'NA1',
        userName: 'Pat',
        userEmail: 'pat@example.com',
        userId: '7',
        applicationName: 'Acme Sync',
        applicationScopes: ['email_read', 'journeys_read'],
        redirectUrls: ['https://127.0.0.1:80/', 'https://acme.example/callback'],
      },
      endpoints: { rest: 'https://t.rest.marketingcloudapis.com/', soap: 'https://t.soap.marketingcloudapis.com/' },
    },
  },
};

describe('EngagementScreen', () => {
  it('runs unsaved values as a draft, follows progress, and shows token, scopes and who-am-I; the token opens in the decoder', async () => {
    const run = deferredReply<EngagementFlowReport>();
    const fake = createFakeBridge({ 'engagement:token': run.handler });
    const onOpen = vi.fn();
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness onOpen={onOpen} />, fake.bridge);
    await user.click(screen.getByLabelText('Subdomain or auth base URL'));
    await user.paste('mc563885gzs27c5t9-63k636ttgm');
    await user.click(screen.getByLabelText('Client id'));
    await user.paste('pkg-1');
    await user.click(screen.getByLabelText('Client secret'));
    await user.paste('s3cret');
    await user.type(screen.getByLabelText('Scopes (optional)'), 'email_read journeys_read');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const [request] = fake.callsTo('engagement:token') as Array<{ runId: string }>;
    expect(request).toEqual({
      runId: expect.any(String),
      whoami: true,
      timeoutMs: 15_000,
      draft: {
        clientId: 'pkg-1',
        clientSecret: 's3cret',
        subdomain: 'mc563885gzs27c5t9-63k636ttgm',
        scope: 'email_read journeys_read',
        accountId: null,
      },
    });
    act(() =>
      fake.emit({ runId: request!.runId, step: { id: 'token', title: 'Request the access token (v2/token)', status: 'running' } } as never),
    );
    expect(document.querySelector('[data-step-id="token"]')).toHaveAttribute('data-step-status', 'running');
    await run.release({ ok: true, value: REPORT });
    expect(await screen.findByLabelText('Access token value')).toHaveTextContent(TOKEN);
    expect(screen.getByTestId('missing-scopes')).toHaveTextContent(
      'Asked for but not granted: journeys_read If you just added them to the package, wait: the docs say permission changes take up to five minutes to reach new tokens. Then get a new token.',
    );
    const who = screen.getByRole('table', { name: 'Who am I' });
    expect(within(who).getByText('510001234')).toBeInTheDocument();
    expect(within(who).getByText('S7')).toBeInTheDocument();
    expect(within(who).getByRole('row', { name: 'Package Acme Sync' })).toBeInTheDocument();
    expect(within(who).getByRole('row', { name: 'Package scopes email_read journeys_read' })).toBeInTheDocument();
    expect(
      within(who).getByRole('row', { name: 'Redirect URLs https://127.0.0.1:80/ · https://acme.example/callback' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open in decoder' }));
    expect(onOpen).toHaveBeenCalledWith(TOKEN);
  });

  it('runs a saved profile by id, and shows a failure with its hint', async () => {
    const profile = makeEngagementProfile({ subdomain: 'mcabc' });
    const run = deferredReply<EngagementFlowReport>();
    const fake = createFakeBridge({ 'engagement:token': run.handler });
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness initial={[profile]} />, fake.bridge);
    await user.selectOptions(screen.getByLabelText('Use'), 'p-eng');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('engagement:token')).toEqual([{ runId: expect.any(String), profileId: 'p-eng', whoami: true, timeoutMs: 15_000 }]);
    await run.release({
      ok: true,
      value: {
        steps: [],
        warnings: [],
        outcome: {
          ok: false,
          error: { code: 'ERR_OAUTH_INVALID_CLIENT', message: 'invalid_client: bad secret', hint: 'Check the package.' },
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('invalid_client: bad secret');
    expect(screen.getByRole('alert')).toHaveTextContent('Check the package.');
  });
});
