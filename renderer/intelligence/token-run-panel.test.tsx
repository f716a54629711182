import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TokenFlowReport, TokenFlowStep } from '../../shared/intelligence/flow-types';
import { deferredReply } from '../test-support/deferred-reply';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { STEP_TITLES } from '../../shared/intelligence/token-steps';
import type { Profile } from '../../shared/profiles/profile';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import { CredentialsScreen } from './credentials-screen';
import { API_URL_PLACEHOLDER } from '../runs/issued-token-view';

/** The credentials screen (form + run panel) for a profile, as the app shows it. */
function renderScreen(profile: Profile | null, bridge: WorkbenchBridge) {
  return renderWithBridge(
    <CredentialsScreen profiles={[]} profile={profile} onSaved={() => undefined} onSelect={() => undefined} formKey={0} />,
    bridge,
  );
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const DISCOVERY_OK: TokenFlowStep = { id: 'discovery', title: STEP_TITLES.discovery, status: 'ok', durationMs: 184 };
const ASSERTION_OK: TokenFlowStep = { id: 'assertion', title: STEP_TITLES.assertion, status: 'ok', durationMs: 12 };
const TOKEN_OK: TokenFlowStep = { id: 'token', title: STEP_TITLES.token, status: 'ok', durationMs: 421 };

function stepStatuses(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  document
    .querySelectorAll('[data-step-id]')
    .forEach((el) => (out[el.getAttribute('data-step-id')!] = el.getAttribute('data-step-status')));
  return out;
}

describe('Get token on the credentials screen (TokenRunPanel)', () => {
  it('runs with a fresh runId, follows progress, offers Cancel while running, then shows the token', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    expect(stepStatuses()).toEqual({ discovery: 'pending', assertion: 'pending', token: 'pending' });

    expect(screen.getByLabelText('Timeout per request (seconds)')).toHaveValue(15);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const requests = fake.callsTo('intelligence:run') as Array<{ runId: string }>;
    expect(requests).toEqual([{ runId: expect.stringMatching(UUID_V4), profileId: 'p-intel', timeoutMs: 15_000 }]);
    const [request] = requests;
    expect(screen.getByLabelText('Timeout per request (seconds)')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Get token' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveFocus();

    act(() => fake.emit({ runId: request!.runId, step: { id: 'discovery', title: STEP_TITLES.discovery, status: 'running' } }));
    expect(stepStatuses().discovery).toBe('running');
    expect(screen.getByRole('status')).toHaveTextContent(`Step 1 of 3: ${STEP_TITLES.discovery}…`);
    act(() => fake.emit({ runId: 'another-run', step: { ...TOKEN_OK } }));
    expect(stepStatuses().token).toBe('pending');
    act(() => fake.emit({ runId: request!.runId, step: DISCOVERY_OK }));
    expect(stepStatuses()).toEqual({ discovery: 'ok', assertion: 'pending', token: 'pending' });

    const expiresAt = Date.now() + 300_000;
    await run.release({
      ok: true,
      value: {
        steps: [DISCOVERY_OK, ASSERTION_OK, TOKEN_OK],
        warnings: [{ code: 'WARN_CLOCK_SKEW', message: "This computer's clock is 94 s ahead of the server's: sync the clock." }],
        outcome: {
          ok: true,
          token: {
            accessToken: 'access-token-value',
            expiresIn: 300,
            expiresAt,
            tokenEndpoint: 'https://idp.example/token',
            curl: "curl -X POST 'https://idp.example/token'",
          },
        },
      },
    });
    const issued = await screen.findByRole('region', { name: 'Access token' });
    expect(stepStatuses()).toEqual({ discovery: 'ok', assertion: 'ok', token: 'ok' });
    expect(within(issued).getByLabelText('Access token value')).toHaveTextContent('access-token-value');
    expect(within(issued).getByText(/^Expires in [45]:\d\d$/)).toBeInTheDocument();
    expect(screen.getByText("This computer's clock is 94 s ahead of the server's: sync the clock.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(fake.listenerCount()).toBe(0);

    await user.click(within(issued).getByRole('button', { name: /Copy as curl/ }));
    await expect(navigator.clipboard.readText()).resolves.toBe(
      `curl --silent --show-error \\\n  --header 'Authorization: Bearer access-token-value' \\\n  '${API_URL_PLACEHOLDER}'`,
    );
    const copyRequest = within(issued).getByRole('button', { name: /Copy token request \(curl\)/ });
    expect(copyRequest).toHaveAccessibleDescription(/Its signed assertion has been used: its jti works once/);
    await user.click(copyRequest);
    await expect(navigator.clipboard.readText()).resolves.toBe("curl -X POST 'https://idp.example/token'");
    await user.click(within(issued).getByRole('button', { name: /^Copy token$/ }));
    await expect(navigator.clipboard.readText()).resolves.toBe('access-token-value');
  });

  it('Cancel aborts the run’s own call (the app answers its cancelled report) and shows the cancelled outcome', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const [signal] = fake.signalsTo('intelligence:run');
    expect(signal?.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(signal?.aborted).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();

    const error = { code: 'ERR_CANCELLED' as const, message: 'Cancelled: no token was requested.' };
    await run.release({
      ok: true,
      value: {
        steps: [
          { ...DISCOVERY_OK, status: 'cancelled' },
          { ...ASSERTION_OK, status: 'pending' },
          { ...TOKEN_OK, status: 'pending' },
        ],
        warnings: [],
        outcome: { ok: false, error },
      },
    });
    // A cancel is what the user chose: it reads calm (a status, not an alert).
    const cancelled = await screen.findByText('Cancelled: no token was requested.', { selector: '.error-message__text' });
    const message = cancelled.closest('.error-message')!;
    expect(message).toHaveClass('error-message--neutral');
    expect(within(message as HTMLElement).getByText('ERR_CANCELLED')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stepStatuses().discovery).toBe('cancelled');
    expect(screen.getByRole('button', { name: 'Get token' })).toBeEnabled();
  });

  it('shows a failed step error once (in the step), with the outcome in the status line', async () => {
    const error = {
      code: 'ERR_DISCOVERY_HTTP' as const,
      message: 'The discovery URL answered 404: check the region or paste the discovery URL you were given.',
    };
    const fake = createFakeBridge({
      'intelligence:run': () => ({
        ok: true,
        value: {
          steps: [
            { ...DISCOVERY_OK, status: 'failed', error },
            { ...ASSERTION_OK, status: 'pending' },
            { ...TOKEN_OK, status: 'pending' },
          ],
          warnings: [],
          outcome: { ok: false, error },
        },
      }),
    });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await waitFor(() => expect(stepStatuses().discovery).toBe('failed'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent(error.message);
    expect(screen.getByRole('status')).toHaveTextContent(`Failed: ${error.message}`);
  });

  it('shows an IPC failure as an error message', async () => {
    const fake = createFakeBridge({
      'intelligence:run': () => ({
        ok: false,
        error: { code: 'ERR_KEYCHAIN_LOCKED', message: 'The keychain is locked: unlock it and try again.' },
      }),
    });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The keychain is locked: unlock it and try again.');
    expect(alert).toHaveTextContent('ERR_KEYCHAIN_LOCKED');
  });

  it('shows an expired token as expired', async () => {
    const fake = createFakeBridge({
      'intelligence:run': () => ({
        ok: true,
        value: {
          steps: [DISCOVERY_OK, ASSERTION_OK, TOKEN_OK],
          warnings: [],
          outcome: {
            ok: true,
            token: {
              accessToken: 't',
              expiresIn: 300,
              expiresAt: Date.now() - 1000,
              tokenEndpoint: 'https://idp.example/token',
              curl: 'curl',
            },
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(await screen.findByText('Expired')).toHaveAttribute('data-expired', 'true');
  });

  it('sends the timeout typed with the keyboard as timeoutMs (Enter in the box runs), and the next Get token sends the value shown then', async () => {
    const report: TokenFlowReport = {
      steps: [DISCOVERY_OK, ASSERTION_OK, TOKEN_OK],
      warnings: [],
      outcome: {
        ok: false,
        error: {
          code: 'ERR_TIMEOUT',
          message: 'The token endpoint (idp.example) did not answer within 1 s: check the network/VPN or try again.',
        },
      },
    };
    const fake = createFakeBridge({ 'intelligence:run': () => ({ ok: true, value: report }) });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    const timeout = screen.getByLabelText('Timeout per request (seconds)');
    expect(timeout).toHaveAttribute('min', '1');
    expect(timeout).toHaveAttribute('max', '120');

    await user.click(timeout);
    await user.keyboard('{Control>}a{/Control}1{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Failed: The token endpoint'));
    expect(fake.callsTo('intelligence:run')).toEqual([{ runId: expect.stringMatching(UUID_V4), profileId: 'p-intel', timeoutMs: 1000 }]);
    expect(timeout).toBeEnabled();

    await user.clear(timeout);
    await user.type(timeout, '45');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await waitFor(() => expect(fake.callsTo('intelligence:run')).toHaveLength(2));
    expect(fake.callsTo('intelligence:run')[1]).toEqual({ runId: expect.stringMatching(UUID_V4), profileId: 'p-intel', timeoutMs: 45_000 });
  });

  it.each([
    ['500', 120, 120_000],
    ['0', 1, 1000],
    ['2.6', 3, 3000],
    ['', 15, 15_000],
  ])('keeps the timeout %j in range: the box shows %i and intelligence:run gets timeoutMs %i', async (typed, shown, timeoutMs) => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    const timeout = screen.getByLabelText('Timeout per request (seconds)');
    await user.clear(timeout);
    if (typed !== '') await user.type(timeout, typed);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(timeout).toHaveValue(shown);
    expect(fake.callsTo('intelligence:run')).toEqual([{ runId: expect.stringMatching(UUID_V4), profileId: 'p-intel', timeoutMs }]);
  });

  it('cannot run a saved profile without a stored key: the key field says why and gets the focus', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderScreen(makeProfile({ hasSecret: false, keyInfo: null }), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('intelligence:run')).toEqual([]);
    const key = screen.getByLabelText('Private key');
    expect(key).toHaveFocus();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription(/No private key was given: paste the whole key/);
  });

  it('keeps the step titles of the core from waiting to done', async () => {
    const run = deferredReply<TokenFlowReport>();
    const fake = createFakeBridge({ 'intelligence:run': run.handler });
    const user = userEvent.setup();
    renderScreen(makeProfile(), fake.bridge);
    const titles = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    const expected = [STEP_TITLES.discovery, STEP_TITLES.assertion, STEP_TITLES.token];
    expect(titles()).toEqual(expected);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const [request] = fake.callsTo('intelligence:run') as Array<{ runId: string }>;
    act(() => fake.emit({ runId: request!.runId, step: { id: 'discovery', title: STEP_TITLES.discovery, status: 'running' } }));
    expect(titles()).toEqual(expected);
    await run.release({
      ok: true,
      value: {
        steps: [DISCOVERY_OK, ASSERTION_OK, { ...TOKEN_OK, status: 'failed', error: { code: 'ERR_TIMEOUT', message: 'x' } }],
        warnings: [],
        outcome: { ok: false, error: { code: 'ERR_TIMEOUT', message: 'x' } },
      },
    });
    await waitFor(() => expect(stepStatuses().token).toBe('failed'));
    expect(titles()).toEqual(expected);
  });

  it('cancels a running flow when the panel goes away', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    const view = renderScreen(makeProfile(), fake.bridge);
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    const [signal] = fake.signalsTo('intelligence:run');
    expect(signal?.aborted).toBe(false);
    view.unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });
});
