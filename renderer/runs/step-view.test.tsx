import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../shared/exchange/flow-types';
import { makeGenericJwt } from '../test-support/sample-tokens';
import { StepView } from './step-view';

const ASSERTION_VALUE = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJzdmMifQ.c2lnbmF0dXJl';

function tokenStep(overrides: Partial<FlowStep> = {}): FlowStep {
  return {
    id: 'token',
    title: 'Token request',
    status: 'ok',
    durationMs: 421,
    request: {
      method: 'POST',
      url: 'https://idp.intelligence.salesforce.com/us1/token',
      headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded', sensitive: false }],
      params: [
        { name: 'grant_type', value: 'client_credentials', sensitive: false },
        { name: 'client_assertion', value: ASSERTION_VALUE, sensitive: true },
      ],
    },
    response: {
      status: 200,
      headers: [],
      body: '{"access_token":"[masked]","expires_in":300}',
      revealedBody: '{"access_token":"live-access-token-value","expires_in":300}',
    },
    ...overrides,
  };
}

function renderStep(step: FlowStep) {
  return render(
    <ol>
      <StepView step={step} index={3} description="Exchange the assertion for a 5-minute access token." />
    </ol>,
  );
}

describe('StepView', () => {
  it('shows a pending step with its number and no details', () => {
    renderStep({ id: 'discovery', title: 'Discovery', status: 'pending' });
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('data-step-status', 'pending');
    expect(within(item).getByText('Waiting')).toBeInTheDocument();
    expect(within(item).getByText('3')).toBeInTheDocument();
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('shows a running step as busy, with a spinner and no duration yet', () => {
    renderStep({ id: 'discovery', title: 'Discovery', status: 'running', startedAt: Date.now() });
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('aria-busy', 'true');
    expect(within(item).getByText('Running')).toBeInTheDocument();
    expect(item.querySelector('.spinner')).not.toBeNull();
    expect(item).not.toHaveTextContent(/\d+ ms/);
  });

  it.each([
    [5, 'masked · 5 chars'],
    [12, 'masked · 12 chars'],
    [15, 'masked · 15 chars'],
  ])('says the true length of a %i-character secret behind the placeholder, and no length when it is unknown', async (length, text) => {
    const user = userEvent.setup();
    const params = [
      { name: 'client_secret', value: '••••••••', sensitive: true, maskedLength: length },
      { name: 'refreshToken', value: '••••••••', sensitive: true },
    ];
    renderStep(tokenStep({ request: { ...tokenStep().request!, params } }));
    const item = screen.getByRole('listitem');
    await user.click(within(item).getByRole('button', { name: 'Details' }));
    expect(within(item).getByText(text, { exact: false })).toBeInTheDocument();
    expect(within(item).queryByText('masked · 8 chars', { exact: false })).toBeNull();
    expect(within(item).getAllByText(/ chars$/)).toHaveLength(1);
  });

  it('shows a finished step with its duration, and request and response on demand with sensitive values masked', async () => {
    const user = userEvent.setup();
    renderStep(tokenStep());
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('data-step-status', 'ok');
    expect(within(item).getByText('Done')).toBeInTheDocument();
    expect(within(item).getByText('421 ms')).toBeInTheDocument();
    expect(within(item).queryByText('Request')).toBeNull();

    await user.click(within(item).getByRole('button', { name: 'Details' }));
    expect(within(item).getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(item).getByText('https://idp.intelligence.salesforce.com/us1/token')).toBeInTheDocument();
    expect(within(item).getByText('client_credentials')).toBeInTheDocument();
    expect(item).not.toHaveTextContent(ASSERTION_VALUE);
    expect(item).not.toHaveTextContent('live-access-token-value');
    expect(within(item).getByText(`masked · ${ASSERTION_VALUE.length} chars`, { exact: false })).toBeInTheDocument();
    expect(within(item).getByLabelText(/: response body$/)).toHaveTextContent('{"access_token":"[masked]","expires_in":300}');

    const reveal = within(item).getByRole('button', { name: 'Reveal sensitive values' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await user.click(reveal);
    expect(within(item).getByText(ASSERTION_VALUE)).toBeInTheDocument();
    expect(within(item).getByLabelText(/: response body$/)).toHaveTextContent('live-access-token-value');

    await user.click(within(item).getByRole('button', { name: 'Mask sensitive values' }));
    expect(item).not.toHaveTextContent(ASSERTION_VALUE);
    expect(item).not.toHaveTextContent('live-access-token-value');
  });

  it('shows a failed step with its error message, hint and code, details open', () => {
    renderStep(
      tokenStep({
        status: 'failed',
        response: { status: 401, headers: [], body: '{"error":"invalid_client"}' },
        error: {
          code: 'ERR_OAUTH_INVALID_CLIENT',
          message: 'The token endpoint rejected the client (invalid_client): check the client id and the key.',
          hint: 'A regenerated API token invalidates the old private key.',
        },
      }),
    );
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('data-step-status', 'failed');
    expect(within(item).getByText('Failed')).toBeInTheDocument();
    const alert = within(item).getByRole('alert');
    expect(
      within(alert).getByText('The token endpoint rejected the client (invalid_client): check the client id and the key.'),
    ).toBeInTheDocument();
    expect(within(alert).getByText('A regenerated API token invalidates the old private key.')).toBeInTheDocument();
    expect(within(alert).getByText('ERR_OAUTH_INVALID_CLIENT')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Hide details' })).toBeInTheDocument();
    expect(within(item).getByText('401')).toBeInTheDocument();
    expect(item).not.toHaveTextContent(ASSERTION_VALUE);
  });

  it('decodes the signed assertion with the claims table', async () => {
    const user = userEvent.setup();
    const compact = makeGenericJwt(
      {
        iss: 'svc-1',
        sub: 'svc-1',
        aud: 'https://idp.intelligence.salesforce.com',
        iat: 1795429859,
        jti: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      },
      { alg: 'RS256' },
    );
    renderStep({
      id: 'assertion',
      title: 'Client assertion',
      status: 'ok',
      durationMs: 12,
      assertion: { header: { alg: 'RS256', typ: 'JWT' }, payload: {}, compact },
    });
    await user.click(screen.getByRole('button', { name: 'Details' }));
    for (const path of ['alg', 'typ', 'iss', 'sub', 'aud', 'iat', 'jti']) {
      expect(document.querySelector(`[data-claim-path="${path}"]`), path).not.toBeNull();
    }
    expect(document.querySelector('[data-claim-path="aud"]')).toHaveTextContent('https://idp.intelligence.salesforce.com');
  });
});
