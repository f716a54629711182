// Results in view on every run panel (issue 18): the status says what came of the run and takes the focus, the outcome
// is scrolled into view, Escape cancels, a cancel reads calm, a running step shows its time against its limit, and a
// field error drops a stale outcome. Rendered through the App, as the user meets them.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngagementFlowReport, RefreshReport } from '../../shared/engagement/flow-types';
import { STEP_TITLES } from '../../shared/intelligence/token-steps';
import type { TokenFlowReport, TokenFlowStep } from '../../shared/intelligence/flow-types';
import { deferredReply } from '../test-support/deferred-reply';
import { createFakeBridge, type FakeBridge } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { makeEngagementSsoJwt, testKeyPair } from '../test-support/sample-tokens';
import { App } from './app';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

vi.setConfig({ testTimeout: 30_000 });

/** The elements scrollIntoView was called on (jsdom has none of its own). */
const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

function shown(title: string): HTMLElement {
  const element = screen.getByRole('heading', { level: 1, name: title }).closest<HTMLElement>('.screen');
  if (element === null) throw new Error(`no screen ${title}`);
  return element;
}

async function open(user: ReturnType<typeof userEvent.setup>, name: RegExp, title: string): Promise<HTMLElement> {
  await user.click(within(screen.getByRole('navigation', { name: 'Screens' })).getByRole('button', { name }));
  return shown(title);
}

const step = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-step-id="${id}"]`)!;
const runStatus = (root: HTMLElement) => root.querySelector<HTMLElement>('.token-run__status')!;

/** The Intelligence screen with an unsaved form that validates (client id, us1, a key). */
async function intelligence(fake: FakeBridge) {
  const user = userEvent.setup();
  renderWithBridge(<App />, fake.bridge);
  const root = await open(user, /^Intelligence credentials/, 'Intelligence credentials');
  await user.click(within(root).getByLabelText('Client id (service account id)'));
  await user.paste('svc-0001');
  await user.click(within(root).getByLabelText('Private key', { exact: true }));
  await user.paste(testKeyPair().pkcs1Pem);
  return { user, root };
}

const DISCOVERY_RUNNING: TokenFlowStep = { id: 'discovery', title: STEP_TITLES.discovery, status: 'running' };
const PENDING: TokenFlowStep[] = [
  { id: 'assertion', title: STEP_TITLES.assertion, status: 'pending' },
  { id: 'token', title: STEP_TITLES.token, status: 'pending' },
];

describe('Intelligence run panel', () => {
  it('shows a running step’s time against its limit; Escape cancels, and the cancel reads calm, not as a failure', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const { user, root } = await intelligence(fake);
    await user.click(within(root).getByRole('button', { name: 'Get token' }));
    const [request] = fake.callsTo('intelligence:run') as Array<{ runId: string; timeoutMs: number }>;
    expect(request?.timeoutMs).toBe(15_000);
    act(() => fake.emit({ runId: request!.runId, step: { ...DISCOVERY_RUNNING, startedAt: Date.now() - 4_200 } }));
    expect(step(root, 'discovery').querySelector('.step__duration')).toHaveTextContent(/^4 s of 15 s$/);
    expect(runStatus(root)).toHaveFocus();

    const [signal] = fake.signalsTo('intelligence:run');
    expect(signal?.aborted).toBe(false);
    await user.keyboard('{Escape}');
    expect(signal?.aborted).toBe(true);
    const error = {
      code: 'ERR_CANCELLED' as const,
      message: 'Cancelled: the request to the discovery endpoint was stopped before it finished.',
    };
    await run.release({
      ok: true,
      value: { steps: [{ ...DISCOVERY_RUNNING, status: 'cancelled', error }, ...PENDING], warnings: [], outcome: { ok: false, error } },
    });
    expect(runStatus(root)).toHaveTextContent(/^Cancelled: the request to the discovery endpoint was stopped before it finished\.$/);
    expect(runStatus(root)).toHaveClass('token-run__status--cancelled');
    expect(runStatus(root)).toHaveFocus();
    expect(within(root).queryByRole('alert')).toBeNull();
    expect(step(root, 'discovery').querySelector('.error-message')).toHaveClass('error-message--neutral');
    expect(scrolled).toContain(step(root, 'discovery').querySelector('.step__error'));
  });

  it('drops a previous run’s “Could not reach…” when a new field error shows', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const { user, root } = await intelligence(fake);
    await user.click(within(root).getByRole('button', { name: 'Get token' }));
    const error = { code: 'ERR_NETWORK' as const, message: 'Could not reach idp.example: the name does not resolve. Check the URL.' };
    await run.release({
      ok: true,
      value: { steps: [{ ...DISCOVERY_RUNNING, status: 'failed', error }, ...PENDING], warnings: [], outcome: { ok: false, error } },
    });
    expect(runStatus(root)).toHaveTextContent(`Failed: ${error.message}`);
    expect(within(root).getByText(error.message)).toBeInTheDocument();

    await user.clear(within(root).getByLabelText('Client id (service account id)'));
    await user.click(within(root).getByRole('button', { name: 'Get token' }));
    expect(within(root).getByLabelText('Client id (service account id)')).toHaveAttribute('aria-invalid', 'true');
    expect(within(root).queryByText(error.message)).toBeNull();
    expect(runStatus(root)).toHaveTextContent('Not run yet');
    expect(fake.callsTo('intelligence:run')).toHaveLength(1);
  });

  it('keeps an issued token when Save then asks for a profile name', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const { user, root } = await intelligence(fake);
    await user.click(within(root).getByRole('button', { name: 'Get token' }));
    const token = {
      accessToken: 'issued-token',
      expiresIn: 300,
      expiresAt: Date.now() + 300_000,
      tokenEndpoint: 'https://idp/t',
      curl: 'curl',
    };
    await run.release({
      ok: true,
      value: { steps: [{ ...DISCOVERY_RUNNING, status: 'ok' }, ...PENDING], warnings: [], outcome: { ok: true, token } },
    });
    await user.click(within(root).getByRole('button', { name: 'Save profile' }));
    expect(within(root).getByLabelText('Profile name')).toHaveAttribute('aria-invalid', 'true');
    expect(within(root).getByLabelText('Access token value')).toHaveTextContent('issued-token');
  });

  it('asks for a profile name without showing an error code under it', async () => {
    const { user, root } = await intelligence(createFakeBridge());
    await user.click(within(root).getByRole('button', { name: 'Save profile' }));
    const name = within(root).getByLabelText('Profile name');
    expect(name).toHaveAccessibleDescription(/^Give the profile a name/);
    expect(root).not.toHaveTextContent('ERR_PROFILE_INVALID');
  });
});

const ENGAGEMENT_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2ln.b3BhcXVl';
const ENGAGEMENT_OK: EngagementFlowReport = {
  steps: [{ id: 'token', title: 'Request the access token (v2/token)', status: 'ok', durationMs: 120 }],
  warnings: [],
  outcome: {
    ok: true,
    token: {
      accessToken: ENGAGEMENT_TOKEN,
      tokenType: 'Bearer',
      expiresIn: 1079,
      expiresAt: Date.now() + 1_079_000,
      scope: null,
      grantedScopes: [],
      requestedScopes: null,
      missingScopes: [],
      restInstanceUrl: 'https://mc-tenant.rest.marketingcloudapis.com/',
      soapInstanceUrl: null,
      tokenEndpoint: 'https://mc-tenant.auth.marketingcloudapis.com/v2/token',
    },
    whoami: null,
  },
};

describe('Engagement run', () => {
  it('says what failed and focuses it, then on Run again brings the token into view with a “Copy as curl” for its REST URL', async () => {
    const runs = [deferredReply<EngagementFlowReport>(), deferredReply<EngagementFlowReport>()];
    let next = 0;
    const fake = createFakeBridge({ 'engagement:token': () => runs[next++]!.handler() });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    const root = await open(user, /^Engagement credentials/, 'Engagement credentials');
    await user.type(within(root).getByLabelText('Subdomain or auth base URL'), 'mc563885gzs27c5t9-63k636ttgm');
    await user.type(within(root).getByLabelText('Client id'), 'pkg-1');
    await user.type(within(root).getByLabelText('Client secret'), 'wrong');
    await user.click(within(root).getByRole('button', { name: 'Get token' }));
    expect(runStatus(root)).toHaveFocus();
    const error = { code: 'ERR_OAUTH_INVALID_CLIENT' as const, message: 'invalid_client: Client authentication failed.' };
    await runs[0]!.release({
      ok: true,
      value: {
        steps: [{ id: 'token', title: 'Request the access token (v2/token)', status: 'failed', error }],
        warnings: [],
        outcome: { ok: false, error },
      },
    });
    expect(runStatus(root)).toHaveTextContent(/^Failed: invalid_client: Client authentication failed\.$/);
    expect(runStatus(root)).toHaveFocus();
    expect(scrolled).toContain(step(root, 'token').querySelector('.step__error'));

    await user.click(within(root).getByRole('button', { name: 'Run again' }));
    await runs[1]!.release({ ok: true, value: ENGAGEMENT_OK });
    expect(runStatus(root)).toHaveTextContent(/^Access token issued\.$/);
    expect(runStatus(root)).toHaveFocus();
    const issued = within(root).getByRole('region', { name: 'Access token' });
    expect(scrolled).toContain(issued);
    await user.click(within(issued).getByRole('button', { name: /^Copy as curl/ }));
    await expect(navigator.clipboard.readText()).resolves.toBe(
      [
        'curl --silent --show-error',
        `  --header 'Authorization: Bearer ${ENGAGEMENT_TOKEN}'`,
        "  'https://mc-tenant.rest.marketingcloudapis.com/platform/v1/endpoints/soap'",
      ].join(' \\\n'),
    );
    expect(within(issued).getByRole('button', { name: /^Copy as curl/ })).toHaveAccessibleDescription(/harmless call/);
  });
});

describe('Legacy refresh in the decoder', () => {
  it('marks the spent refresh token, counts the new token down, and puts each copy button under its value', async () => {
    const jwt = await makeEngagementSsoJwt({ version: 2 });
    const run = deferredReply<RefreshReport>();
    const fake = createFakeBridge({ 'engagement:refresh': run.handler });
    const user = userEvent.setup();
    renderWithBridge(<App />, fake.bridge);
    const root = shown('Decoder');
    await user.click(within(root).getByLabelText('Encoded token'));
    await user.paste(jwt);
    const panel = await within(root).findByRole('region', { name: 'Legacy refresh' });
    const row = () => root.querySelector('[data-claim-path="request.rest.refreshToken"]')!;
    expect(row()).not.toHaveTextContent('Spent');
    await user.click(within(panel).getByRole('button', { name: 'Refresh…' }));
    await user.type(within(panel).getByLabelText('Client id'), 'pkg-1');
    await user.type(within(panel).getByLabelText('Client secret'), 's3cret');
    await user.click(within(panel).getByLabelText(/I understand/));
    await user.click(within(panel).getByRole('button', { name: 'Spend the refresh token' }));
    await run.release({
      ok: true,
      value: {
        steps: [{ id: 'refresh', title: 'Refresh', status: 'ok', durationMs: 80 }],
        outcome: {
          ok: true,
          token: {
            accessToken: 'new-access',
            expiresIn: 1200,
            expiresAt: Date.now() + 1_200_000,
            refreshToken: 'next-refresh',
            authEndpoint: 'https://x/',
          },
        },
      },
    });
    const refreshed = await within(panel).findByRole('group', { name: 'Refreshed token' });
    expect(within(refreshed).getByText(/^Expires in (19|20):\d\d$/)).toBeInTheDocument();
    expect(row()).toHaveTextContent('Spent');
    expect(row()).toHaveAttribute('data-spent', 'true');
    for (const [value, button] of [
      ['New access token', 'Copy access token'],
      ['New refresh token', 'Copy new refresh token'],
    ] as const) {
      const copy = within(refreshed).getByRole('button', { name: button });
      expect(copy.closest('.button-row')?.previousElementSibling, button).toBe(within(refreshed).getByLabelText(value));
    }
    expect(runStatus(panel)).toHaveTextContent('New access token issued.');
    expect(runStatus(panel)).toHaveFocus();
  });
});
