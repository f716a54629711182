import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { MAX_PROFILE_NAME_LENGTH } from '../../shared/profiles/profile';
import { EngagementHarness } from '../test-support/engagement-harness';
import { createFakeBridge, makeEngagementProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';

// Rendering the whole screen with user events is slow on a loaded machine: a generous limit, not an assertion.
vi.setConfig({ testTimeout: 30_000 });

const SUBDOMAIN = 'mc563885gzs27c5t9-63k636ttgm';
const FAILED: EngagementFlowReport = {
  steps: [],
  warnings: [],
  outcome: { ok: false, error: { code: 'ERR_OAUTH_INVALID_CLIENT', message: 'invalid_client: bad secret' } },
};

/** Saves what the fake is asked to save as an Engagement profile whose client secret is stored. */
function savingBridge() {
  return createFakeBridge({
    'engagement:token': () => ({ ok: true, value: FAILED }),
    'profiles:save': (request: SaveProfileRequest) => ({
      ok: true,
      value: makeEngagementProfile({
        id: request.id ?? 'p-saved',
        name: request.name,
        clientId: request.clientId,
        subdomain: request.subdomain ?? null,
        authUrl: request.authUrl ?? null,
        scope: request.scope ?? null,
        accountId: request.accountId ?? null,
      }),
    }),
  });
}

async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await user.click(screen.getByLabelText(label));
    await user.paste(value);
  }
}

describe('EngagementForm', () => {
  it('after Save profile the saved profile is selected, its secret left the form, and Run again runs it by id', async () => {
    const fake = savingBridge();
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness />, fake.bridge);
    await fill(user, {
      'Profile name': 'MC prod',
      'Subdomain or auth base URL': SUBDOMAIN,
      'Client id': 'pkg-1',
      'Client secret': 's3cret',
    });
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(fake.callsTo('engagement:token')).toEqual([
      expect.objectContaining({ draft: expect.objectContaining({ clientSecret: 's3cret' }) }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Saved profile “MC prod”')).toBeInTheDocument();
    expect(fake.callsTo('profiles:save')).toEqual([
      {
        name: 'MC prod',
        product: 'engagement',
        clientId: 'pkg-1',
        subdomain: SUBDOMAIN,
        authUrl: null,
        scope: null,
        accountId: null,
        clientSecret: 's3cret',
      },
    ]);
    expect(screen.getByLabelText('Use')).toHaveValue('p-saved');
    expect(screen.getByLabelText('Client secret')).toHaveValue('');
    expect(screen.getByRole('heading', { name: 'Edit “MC prod”' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(fake.callsTo('engagement:token')).toHaveLength(2));
    expect(fake.callsTo('engagement:token')[1]).toEqual({
      runId: expect.any(String),
      profileId: 'p-saved',
      whoami: true,
      timeoutMs: 15_000,
    });
  });

  it('Enter in a field runs it; the timeout sits before the buttons in tab order and is sent', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness />, fake.bridge);
    await fill(user, { 'Subdomain or auth base URL': SUBDOMAIN, 'Client id': 'pkg-1', 'Client secret': 's3cret' });
    const timeout = screen.getByLabelText('Timeout per request (seconds)');
    await user.clear(timeout);
    await user.type(timeout, '30');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save profile' })).toHaveFocus();
    await user.click(screen.getByLabelText('Client id'));
    await user.keyboard('{Enter}');
    expect(fake.callsTo('engagement:token')).toEqual([expect.objectContaining({ timeoutMs: 30_000, whoami: true })]);
  });

  it('warns, as the CLI does, about a subdomain that is not 28 characters starting with mc; placeholders say "e.g."', async () => {
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness />, createFakeBridge().bridge);
    const tenant = screen.getByLabelText('Subdomain or auth base URL');
    expect(tenant).toHaveAttribute('placeholder', `e.g. ${SUBDOMAIN}`);
    expect(screen.getByLabelText('Scopes (optional)').getAttribute('placeholder')).toMatch(/^e\.g\. /);
    expect(document.querySelector('[data-warning-code]')).toBeNull();
    await user.type(tenant, 'mcshort');
    expect(document.querySelector('[data-warning-code="WARN_SUBDOMAIN_SHAPE"]')).toHaveTextContent(
      'The subdomain "mcshort" is not the documented shape (28 characters starting with "mc")',
    );
    await user.clear(tenant);
    await user.paste(SUBDOMAIN);
    expect(document.querySelector('[data-warning-code]')).toBeNull();
  });

  it('reports every invalid field at once and focuses the first; a name over the limit is refused with its length, not cut', async () => {
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness />, fake.bridge);
    const long = 'n'.repeat(MAX_PROFILE_NAME_LENGTH + 5);
    await fill(user, { 'Profile name': long, 'Account id (MID, optional)': 'abc' });
    expect(screen.getByLabelText('Profile name')).toHaveValue(long);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByLabelText('Profile name')).toHaveFocus();
    expect(screen.getByLabelText('Profile name')).toHaveAccessibleDescription(
      expect.stringContaining(`at most ${MAX_PROFILE_NAME_LENGTH} characters; this one has ${MAX_PROFILE_NAME_LENGTH + 5}: shorten it.`),
    );
    expect(screen.getByLabelText('Subdomain or auth base URL')).toHaveAccessibleDescription(
      expect.stringContaining('Give the tenant subdomain or the auth base URL'),
    );
    expect(screen.getByLabelText('Client id')).toHaveAccessibleDescription(expect.stringContaining('The client id is empty'));
    expect(screen.getByLabelText('Client secret')).toHaveAccessibleDescription(expect.stringContaining('The client secret is empty'));
    expect(screen.getByLabelText('Account id (MID, optional)')).toHaveAccessibleDescription(expect.stringContaining('digits only'));
    expect(screen.getByText('5 fields need attention.')).toBeInTheDocument();
    expect(fake.callsTo('profiles:save')).toEqual([]);
  });

  it('a saved profile opens filled in (never its secret); edited, it runs the edits only with the secret pasted again', async () => {
    const profile = makeEngagementProfile({ subdomain: SUBDOMAIN, scope: 'email_read' });
    const fake = createFakeBridge();
    const user = userEvent.setup();
    renderWithBridge(<EngagementHarness initial={[profile]} />, fake.bridge);
    await user.selectOptions(screen.getByLabelText('Use'), 'p-eng');
    expect(screen.getByLabelText('Subdomain or auth base URL')).toHaveValue(SUBDOMAIN);
    expect(screen.getByLabelText('Scopes (optional)')).toHaveValue('email_read');
    expect(screen.getByLabelText('Client secret')).toHaveValue('');
    await user.type(screen.getByLabelText('Account id (MID, optional)'), '510001234');
    expect(screen.getByText('Edited · not saved')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    expect(screen.getByLabelText('Client secret')).toHaveAccessibleDescription(expect.stringContaining('paste the client secret again'));
    expect(fake.callsTo('engagement:token')).toEqual([]);
    act(() => screen.getByLabelText('Client secret').focus());
    await user.paste('s3cret');
    await user.keyboard('{Enter}');
    expect(fake.callsTo('engagement:token')).toEqual([
      expect.objectContaining({ draft: expect.objectContaining({ accountId: '510001234', clientSecret: 's3cret' }) }),
    ]);
  });
});
