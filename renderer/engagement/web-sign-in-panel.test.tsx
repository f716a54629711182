import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebAppReport, WebAppToken } from '../../shared/engagement/web-app-types';
import type { WhoamiReport } from '../../shared/engagement/whoami-calls';
import type { WebSignInStarted } from '../../shared/ipc/ipc-contract';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { deferredReply } from '../test-support/deferred-reply';
import { EngagementHarness } from '../test-support/engagement-harness';
import { renderWithBridge } from '../test-support/render-with-bridge';

// Rendering the whole screen with user events is slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

const AUTHORIZE = 'https://mcabc.auth.marketingcloudapis.com/v2/authorize?response_type=code&client_id=web-1&state=s1';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln.d2Vi';
const started = (opened: boolean): WebSignInStarted => ({
  signInId: 'sign-in-1',
  authorizeUrl: AUTHORIZE,
  redirectUri: 'https://127.0.0.1:80/',
  requestedScopes: ['email_read', 'offline', 'journeys_read'],
  warnings: [],
  expiresAt: Date.now() + 900_000,
  opened,
});
const token = (extra: Partial<WebAppToken> = {}): WebAppToken => ({
  accessToken: TOKEN,
  tokenType: 'Bearer',
  expiresIn: 1080,
  expiresAt: Date.now() + 1_080_000,
  scope: 'email_read offline',
  grantedScopes: ['email_read', 'offline'],
  requestedScopes: ['email_read', 'offline', 'journeys_read'],
  missingScopes: ['journeys_read'],
  restInstanceUrl: 'https://mcabc.rest.marketingcloudapis.com/',
  soapInstanceUrl: 'https://mcabc.soap.marketingcloudapis.com/',
  tokenEndpoint: 'https://mcabc.auth.marketingcloudapis.com/v2/token',
  refreshToken: null,
  hasRefreshToken: true,
  refreshTokenLength: 64,
  tssd: null,
  tokenBaseUrl: 'https://mcabc.auth.marketingcloudapis.com/',
  ...extra,
});
const report = (outcome: WebAppReport['outcome']): WebAppReport => ({
  steps: [
    { id: 'authorize', title: 'Sign in (v2/authorize, in the browser)', status: 'ok', durationMs: 30_000 },
    { id: 'redirect', title: 'Read the redirect address (state, code, tssd)', status: outcome.ok ? 'ok' : 'failed', durationMs: 1 },
    { id: 'code-exchange', title: 'Exchange the code (v2/token, authorization_code)', status: outcome.ok ? 'ok' : 'pending' },
  ],
  warnings: [],
  outcome,
});

afterEach(() => vi.restoreAllMocks());

async function openWebTab(fake: ReturnType<typeof createFakeBridge>, onOpen = vi.fn()) {
  const user = userEvent.setup();
  renderWithBridge(<EngagementHarness onOpen={onOpen} />, fake.bridge);
  await user.click(screen.getByRole('tab', { name: 'Web or public app' }));
  return user;
}

async function fill(user: ReturnType<typeof userEvent.setup>, secret = 'web-secret') {
  await user.type(screen.getByLabelText('Subdomain or auth base URL'), 'mcabc');
  await user.type(screen.getByLabelText('Client id'), 'web-1');
  if (secret !== '') await user.type(screen.getByLabelText('Client secret (web app only)'), secret);
  await user.type(screen.getByLabelText('Scopes'), ' email_read journeys_read');
}

/** Opens the tab, fills the form, begins, pastes `pasted` and presses Finish sign-in. */
async function finishWith(fake: ReturnType<typeof createFakeBridge>, pasted: string) {
  const user = await openWebTab(fake);
  await fill(user);
  await user.click(screen.getByRole('button', { name: 'Open sign-in page' }));
  await user.type(await screen.findByLabelText('Address the browser ended on'), pasted);
  await user.click(screen.getByRole('button', { name: 'Finish sign-in' }));
  return user;
}

describe('the web or public app sign-in', () => {
  it('reports every invalid field at once, focuses the first, and starts nothing', async () => {
    const fake = createFakeBridge();
    const user = await openWebTab(fake);
    expect(screen.getByLabelText('Redirect URI')).toHaveValue('https://127.0.0.1:80/');
    expect(screen.getByLabelText('Scopes')).toHaveValue('offline');
    await user.clear(screen.getByLabelText('Scopes'));
    expect(screen.getByText('offline is not asked for.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Redirect URI'), '#frag');
    await user.click(screen.getByRole('button', { name: 'Open sign-in page' }));
    expect(screen.getByLabelText('Subdomain or auth base URL')).toHaveFocus();
    expect(screen.getByLabelText('Client id')).toHaveAccessibleDescription(/client id is empty/);
    expect(screen.getByLabelText('Redirect URI')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('webapp:begin')).toEqual([]);
  });

  it('leaving for the server-to-server tab and coming back keeps the sign-in under way and what was typed', async () => {
    const fake = createFakeBridge({ 'webapp:begin': () => ({ ok: true, value: started(true) }) });
    vi.spyOn(window, 'open').mockReturnValue(null);
    const user = await openWebTab(fake);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Open sign-in page' }));
    await user.type(await screen.findByLabelText('Address the browser ended on'), 'https://127.0.0.1:80/?code=c');
    await user.click(screen.getByRole('tab', { name: 'Server-to-server' }));
    expect(screen.queryByLabelText('Address the browser ended on')).not.toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Web or public app' }));
    expect(screen.getByLabelText('Address the browser ended on')).toHaveValue('https://127.0.0.1:80/?code=c');
    expect(screen.getByLabelText('Client id')).toHaveValue('web-1');
    expect(screen.getByRole('button', { name: 'Finish sign-in' })).toBeVisible();
    expect(fake.callsTo('webapp:begin')).toHaveLength(1);
  });

  it('desktop: main opens the page; the pasted address is finished with steps, the token shown and saved as a profile', async () => {
    const finish = deferredReply<WebAppReport>();
    const fake = createFakeBridge({
      'webapp:begin': () => ({ ok: true, value: started(true) }),
      'webapp:finish': finish.handler,
      'webapp:save': (request) => ({ ok: true, value: makeProfile({ id: 'p-web', name: request.name, product: 'engagement-web' }) }),
    });
    const popup = vi.spyOn(window, 'open').mockReturnValue(null);
    const onOpen = vi.fn();
    const user = await openWebTab(fake, onOpen);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Open sign-in page' }));
    expect(fake.callsTo('webapp:begin')).toEqual([
      {
        clientId: 'web-1',
        subdomain: 'mcabc',
        clientSecret: 'web-secret',
        redirectUri: 'https://127.0.0.1:80/',
        scope: 'offline email_read journeys_read',
        accountId: null,
        open: true,
      },
    ]);
    expect(popup).not.toHaveBeenCalled();
    expect(await screen.findByRole('link', { name: 'Open the sign-in page' })).toHaveAttribute('href', AUTHORIZE);

    await user.click(screen.getByLabelText('Address the browser ended on'));
    await user.paste('https://127.0.0.1:80/?code=abc&state=s1');
    await user.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    const [request] = fake.callsTo('webapp:finish') as Array<{ runId: string }>;
    expect(request).toEqual({ runId: expect.any(String), signInId: 'sign-in-1', pasted: 'https://127.0.0.1:80/?code=abc&state=s1' });
    act(() => fake.emit({ runId: request!.runId, step: { id: 'code-exchange', title: 'Exchange the code', status: 'running' } } as never));
    expect(document.querySelector('[data-step-id="code-exchange"]')).toHaveAttribute('data-step-status', 'running');
    await finish.release({ ok: true, value: report({ ok: true, token: token() }) });

    expect(await screen.findByLabelText('Access token value')).toHaveTextContent(TOKEN);
    expect(screen.getByText(/^Expires in \d+:\d\d$/)).toBeInTheDocument();
    expect(screen.getByTestId('missing-scopes')).toHaveTextContent('journeys_read If you just added them to the package, wait');
    const details = screen.getByRole('table', { name: 'Token details' });
    expect(within(details).getByRole('row', { name: /REST instance URL https:\/\/mcabc\.rest/ })).toBeInTheDocument();
    expect(within(details).getByRole('row', { name: /Refresh token received \(64 characters\)/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open in decoder' }));
    expect(onOpen).toHaveBeenCalledWith(TOKEN);

    await user.click(screen.getByRole('button', { name: 'Save as profile' }));
    expect(screen.getByLabelText('Profile name')).toHaveFocus();
    expect(fake.callsTo('webapp:save')).toEqual([]);
    await user.type(screen.getByLabelText('Profile name'), 'Web prod');
    await user.click(screen.getByRole('button', { name: 'Save as profile' }));
    expect(fake.callsTo('webapp:save')).toEqual([{ signInId: 'sign-in-1', name: 'Web prod' }]);
    expect(await screen.findByText('Saved profile “Web prod”')).toBeInTheDocument();
  });

  it('mctoken ui: the page opens the sign-in page itself (public app: no secret sent)', async () => {
    const fake = createFakeBridge({ 'webapp:begin': () => ({ ok: true, value: started(false) }) });
    const popup = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = await openWebTab(fake);
    await fill(user, '');
    await user.click(screen.getByRole('button', { name: 'Open sign-in page' }));
    expect(fake.callsTo('webapp:begin')).toEqual([expect.objectContaining({ clientSecret: null })]);
    expect(await screen.findByTestId('sign-in-started')).toHaveTextContent('opened in a new tab');
    expect(popup).toHaveBeenCalledExactlyOnceWith(AUTHORIZE, '_blank', 'noopener,noreferrer');
  });

  it('a refused paste shows its code and hint; a token without a refresh token cannot be saved', async () => {
    const first = deferredReply<WebAppReport>();
    const second = deferredReply<WebAppReport>();
    const replies = [first, second];
    const fake = createFakeBridge({
      'webapp:begin': () => ({ ok: true, value: started(true) }),
      'webapp:finish': () => replies.shift()!.handler(),
    });
    const user = await finishWith(fake, 'https://127.0.0.1:80/?code=abc&state=old');
    const mismatch = {
      code: 'ERR_AUTH_STATE_MISMATCH' as const,
      message: 'The state in the pasted address is not the one this sign-in sent.',
    };
    await first.release({ ok: true, value: report({ ok: false, error: { ...mismatch, hint: 'Paste the address from this sign-in.' } }) });
    expect(await screen.findByText('ERR_AUTH_STATE_MISMATCH')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Paste the address from this sign-in.');
    expect(document.querySelector('[data-step-id="redirect"]')).toHaveAttribute('data-step-status', 'failed');

    await user.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    await second.release({ ok: true, value: report({ ok: true, token: token({ hasRefreshToken: false, refreshTokenLength: 0 }) }) });
    expect(await screen.findByText(/cannot be saved as a profile: no refresh token came/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save as profile' })).toBeNull();
  });

  it('"Who am I" asks with the sign-in id only: its steps as they go, then the userinfo table; a failure shows its code', async () => {
    const first = deferredReply<WhoamiReport>();
    const second = deferredReply<WhoamiReport>();
    const replies = [first, second];
    const fake = createFakeBridge({
      'webapp:begin': () => ({ ok: true, value: started(true) }),
      'webapp:finish': () => ({ ok: true, value: report({ ok: true, token: token() }) }),
      'webapp:whoami': () => replies.shift()!.handler(),
    });
    const user = await finishWith(fake, 'https://127.0.0.1:80/?code=abc&state=s1');
    const whoamiButton = await screen.findByRole('button', { name: 'Who am I' });
    expect(screen.queryByRole('table', { name: 'Who am I' })).toBeNull();

    await user.click(whoamiButton);
    const [request] = fake.callsTo('webapp:whoami') as Array<{ runId: string }>;
    expect(request).toEqual({ runId: expect.any(String), signInId: 'sign-in-1' });
    act(() => fake.emit({ runId: request!.runId, step: { id: 'userinfo', title: 'Who am I (v2/userinfo)', status: 'running' } } as never));
    expect(document.querySelector('[data-step-id="userinfo"]')).toHaveAttribute('data-step-status', 'running');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    const summary = {
      mid: '510001234',
      enterpriseId: '514000001',
      enterpriseName: 'Test Enterprise',
      stack: 'S7',
      region: 'NA1',
      userName: 'Web App User',
      userEmail: 'web.user@example.com',
      userId: '700123999',
      applicationName: 'Local web app',
      applicationScopes: ['email_read', 'offline'],
      redirectUrls: ['https://127.0.0.1:80/'],
    };
    await first.release({
      ok: true,
      value: {
        steps: [
          { id: 'userinfo', title: 'Who am I (v2/userinfo)', status: 'ok', durationMs: 2 },
          { id: 'soap-endpoint', title: 'Find the SOAP endpoint (platform/v1/endpoints/soap)', status: 'ok', durationMs: 2 },
        ],
        outcome: {
          ok: true,
          whoami: { userinfo: {}, summary, endpoints: { rest: 'https://mcabc.rest.marketingcloudapis.com/', soap: 'https://mcabc.soap/' } },
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Who am I' });
    expect(within(table).getByRole('row', { name: 'MID (business unit) 510001234' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Package scopes email_read offline' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Redirect URLs https://127.0.0.1:80/' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'SOAP endpoint https://mcabc.soap/' })).toBeInTheDocument();
    expect(screen.getByText('Who am I: answered.')).toHaveFocus();
    expect(document.querySelector('[data-step-id="soap-endpoint"]')).toHaveAttribute('data-step-status', 'ok');

    await user.click(screen.getByRole('button', { name: 'Who am I' }));
    await second.release({
      ok: true,
      value: {
        steps: [
          {
            id: 'userinfo',
            title: 'Who am I (v2/userinfo)',
            status: 'failed',
            error: { code: 'ERR_API_UNAUTHORIZED', message: 'Refused.' },
          },
          { id: 'soap-endpoint', title: 'Find the SOAP endpoint (platform/v1/endpoints/soap)', status: 'pending' },
        ],
        outcome: { ok: false, error: { code: 'ERR_API_UNAUTHORIZED', message: 'Refused.' } },
      },
    });
    expect(await screen.findByText('Failed: Refused.')).toBeInTheDocument();
    expect(screen.getByText('ERR_API_UNAUTHORIZED')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Who am I' })).toBeNull();
    expect(fake.callsTo('webapp:whoami')).toHaveLength(2);
  });
});
