import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainToken } from '../../shared/claims/explain-token';
import { decodeToken } from '../../shared/decode/decode-token';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import {
  ENGAGEMENT_SIGNING_SECRET,
  V1_CLAIM_PATHS,
  V2_CLAIM_PATHS,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
} from '../test-support/sample-tokens';
import { DecoderScreen } from './decoder-screen';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

/** Pastes text into the token input (paste, not typing: tokens are pasted). */
async function pasteToken(text: string) {
  const user = userEvent.setup();
  const input = screen.getByLabelText('Encoded token');
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
  return user;
}

function row(path: string): HTMLElement {
  const found = document.querySelectorAll<HTMLElement>(`[data-claim-path="${path}"]`);
  expect(found, `rows for ${path}`).toHaveLength(1);
  return found[0]!;
}

function signatureStatus(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-signature-status]');
  if (element === null) throw new Error('no signature status element');
  return element;
}

describe('DecoderScreen', () => {
  it('shows a friendly hint for empty input, and no claim rows', () => {
    render(<DecoderScreen profiles={[]} />);
    expect(screen.getByText('Paste a JWT, an App Center SSO token or an Engagement access token')).toBeInTheDocument();
    expect(document.querySelectorAll('[data-claim-path]')).toHaveLength(0);
    expect(document.querySelector('[data-signature-status]')).toBeNull();
  });

  it('names the kind and explains every documented claim of a claims version 2 SSO JWT, row by row', async () => {
    const token = await makeEngagementSsoJwt({ version: 2 });
    const expected = explainToken(decodeToken(token));
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(token);

    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['engagement-sso-v2'] })).toBeInTheDocument();
    for (const path of V2_CLAIM_PATHS) {
      const claim = expected.claims.find((c) => c.path === path);
      expect(claim, `explanation for ${path}`).toBeDefined();
      const r = row(path);
      expect(within(r).getByText(path)).toBeInTheDocument();
      expect(within(r).getByText(claim!.explanation)).toBeInTheDocument();
      if (claim!.interpretation !== null) expect(within(r).getByText(claim!.interpretation)).toBeInTheDocument();
      expect(within(r).queryByText('Undocumented')).toBeNull();
    }
    expect(within(row('request.user.email')).getByText('ada.lovelace@example.com')).toBeInTheDocument();
    expect(within(row('request.user.timezone.offset')).getByText('-6')).toBeInTheDocument();
    expect(row('alg')).toHaveTextContent('HS256');
  });

  it('flags an undocumented claim with a visible badge instead of dropping it', async () => {
    const token = await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { user: { nickname: 'ada' } } } });
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(token);
    const r = row('request.user.nickname');
    expect(within(r).getByText('Undocumented')).toBeVisible();
    expect(within(r).getByText('ada')).toBeInTheDocument();
  });

  it('warns at the top about an expired claims version 1 token and its live API tokens', async () => {
    const token = await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -600 });
    const warnings = explainToken(decodeToken(token)).warnings;
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(token);

    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['engagement-sso-v1'] })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Warnings' });
    const expired = warnings.find((w) => w.code === 'WARN_EXPIRED');
    const live = warnings.find((w) => w.code === 'WARN_LIVE_TOKENS_IN_CLAIMS');
    expect(expired?.message).toMatch(/^This token expired 1\d min ago/);
    expect(within(list).getByText(expired!.message)).toBeInTheDocument();
    expect(within(list).getByText(live!.message)).toBeInTheDocument();
    expect(list.querySelector('[data-warning-code="WARN_EXPIRED"]')).toHaveTextContent('Expired');
    // The notes are folded under one line, so the payload's first claims stay in view.
    expect(list.querySelector('[data-severity="info"]')).toBeNull();
    const notes = screen.getByRole('list', { name: 'Notes', hidden: true }).closest('details');
    expect(notes).not.toHaveAttribute('open');
    expect(notes?.querySelector('summary')).toHaveTextContent('3 notes Legacy packages only · Single-use refresh token');
    for (const path of V1_CLAIM_PATHS) row(path);
    expect(row('exp')).toHaveClass('claim-row--flagged');
  });

  it('shows the notes about a sound token as information, not warnings, and flags no row', async () => {
    const token = await makeEngagementSsoJwt({ version: 2 });
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(token);

    const list = await screen.findByRole('list', { name: 'Notes', hidden: true });
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
    const items = Array.from(list.querySelectorAll<HTMLElement>('[data-warning-code]'));
    expect(items.map((item) => [item.dataset.warningCode, item.dataset.severity])).toEqual([
      ['WARN_LEGACY_PACKAGE', 'info'],
      ['WARN_REFRESH_TOKEN_SINGLE_USE', 'info'],
    ]);
    for (const item of items) {
      expect(item).toHaveClass('token-warning--info');
      expect(item).not.toHaveClass('token-warning--warning');
      expect(item).toHaveTextContent(/^iNote: /);
    }
    expect(row('request.rest.refreshToken')).not.toHaveClass('claim-row--flagged');
    expect(screen.getByText(/^Decoded: .*No warnings\.$/)).toBeInTheDocument();
  });

  it.each([['not a token at all'], ['eyJhbGciOiJIUzI1NiJ9.garbage!!.x'], ['a.b']])(
    'shows the decoder error message for garbage %j and keeps working',
    async (garbage) => {
      let message = '';
      let code = '';
      try {
        decodeToken(garbage);
      } catch (error) {
        if (!(error instanceof WorkbenchError)) throw error;
        message = error.message;
        code = error.code;
      }
      expect(code).toMatch(/^ERR_TOKEN_/);
      render(<DecoderScreen profiles={[]} />);
      await pasteToken(garbage);
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText(message)).toBeInTheDocument();
      expect(within(alert).getByText(code)).toBeInTheDocument();
      expect(document.querySelectorAll('[data-claim-path]')).toHaveLength(0);

      await pasteToken(await makeEngagementSsoJwt({ version: 2 }));
      expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['engagement-sso-v2'] })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );

  it('reports the signature unchecked, then valid with the right secret and invalid with a wrong one', async () => {
    const token = await makeEngagementSsoJwt({ version: 2 });
    render(<DecoderScreen profiles={[]} />);
    const user = await pasteToken(token);

    await waitFor(() => expect(signatureStatus()).toHaveAttribute('aria-busy', 'false'));
    expect(signatureStatus()).toHaveAttribute('data-signature-status', 'unchecked');
    expect(signatureStatus()).toHaveTextContent('Enter the signing secret to verify the signature.');

    const secret = screen.getByLabelText('Signing secret');
    await user.click(secret);
    await user.paste(ENGAGEMENT_SIGNING_SECRET);
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'valid'));
    expect(signatureStatus()).toHaveTextContent('Signature verified');

    await user.type(secret, 'x');
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'invalid'));
    expect(signatureStatus()).toHaveTextContent('Signature invalid');
    expect(signatureStatus()).toHaveTextContent('ERR_VERIFY_SIGNATURE_INVALID');
  });

  it('verifies with a hex-encoded secret when the encoding says hex', async () => {
    const token = await makeEngagementSsoJwt({ version: 2 });
    render(<DecoderScreen profiles={[]} />);
    const user = await pasteToken(token);
    await user.selectOptions(screen.getByLabelText('Secret encoding'), 'hex');
    await user.click(screen.getByLabelText('Signing secret'));
    await user.paste(
      Array.from(new TextEncoder().encode(ENGAGEMENT_SIGNING_SECRET), (byte) => byte.toString(16).padStart(2, '0')).join(''),
    );
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'valid'));
  });

  it('marks an alg none token invalid with the reason, and warns about it', async () => {
    const token = makeGenericJwt({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 60 }, { alg: 'none' });
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(token);
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'invalid'));
    expect(signatureStatus()).toHaveTextContent('ERR_VERIFY_ALG_NONE');
    expect(screen.getByRole('list', { name: 'Warnings' }).querySelector('[data-warning-code="WARN_ALG_NONE"]')).not.toBeNull();
  });

  it('decodes a four-segment Engagement access token and names it', async () => {
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(makeEngagementAccessToken());
    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['engagement-access-token'] })).toBeInTheDocument();
    expect(row('client_type')).toHaveTextContent('ServerToServer');
  });

  it('shows the payload as pretty JSON on the JSON tab', async () => {
    const token = await makeEngagementSsoJwt({ version: 2 });
    render(<DecoderScreen profiles={[]} />);
    const user = await pasteToken(token);
    const payload = screen.getByRole('region', { name: 'Payload' });
    await user.click(within(payload).getByRole('tab', { name: 'JSON' }));
    const code = within(payload).getByLabelText('Payload JSON');
    expect(code.textContent).toBe(JSON.stringify(decodeToken(token).payload, null, 2));
    expect(within(payload).queryAllByRole('row')).toHaveLength(0);
  });

  it('verifies with a saved Engagement secret through verify:with-profile when the desktop app is there', async () => {
    const profile = makeProfile({
      id: 'p-eng',
      name: 'Engagement SSO app',
      product: 'engagement',
      keyInfo: null,
      secretEncoding: 'text',
      region: null,
      discoveryUrl: null,
    });
    const fake = createFakeBridge({ 'verify:with-profile': () => ({ ok: true, value: { status: 'valid', alg: 'HS256' } }) });
    const token = await makeEngagementSsoJwt({ version: 2 });
    renderWithBridge(<DecoderScreen profiles={[profile, makeProfile()]} />, fake.bridge);
    const user = await pasteToken(token);
    await user.selectOptions(screen.getByLabelText('Verify with'), 'profile');
    const picker = screen.getByLabelText('Saved signing secret');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a profile…', 'Engagement SSO app']);
    await user.selectOptions(picker, 'p-eng');
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'valid'));
    expect(fake.callsTo('verify:with-profile')).toEqual([{ profileId: 'p-eng', token: decodeToken(token).compact }]);
    expect(signatureStatus()).toHaveTextContent('matches the saved signing secret');
  });

  it('offers no saved secrets without the desktop app', async () => {
    const profile = makeProfile({ id: 'p-eng', product: 'engagement', keyInfo: null });
    render(<DecoderScreen profiles={[profile]} />);
    await pasteToken(await makeEngagementSsoJwt({ version: 2 }));
    const options = within(screen.getByLabelText('Verify with'))
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(options).toEqual(['secret', 'pem', 'jwk']);
  });

  it('colours the segments in the input (a mirror under a real textarea) and counts with thousands separators', async () => {
    render(<DecoderScreen profiles={[]} />);
    const token = makeGenericJwt({ sub: 'abc', pad: 'x'.repeat(1500) });
    await pasteToken(token);
    const textarea = screen.getByLabelText('Encoded token');
    expect(textarea.tagName).toBe('TEXTAREA');
    expect(textarea).toHaveValue(token);
    const mirror = screen.getByTestId('token-mirror');
    expect(mirror).toHaveAttribute('aria-hidden', 'true');
    expect(mirror.textContent).toBe(token);
    const [header, payload, signature] = token.split('.');
    expect([...mirror.querySelectorAll('.token-segment--0')].map((e) => e.textContent)).toEqual([header]);
    expect([...mirror.querySelectorAll('.token-segment--1')].map((e) => e.textContent)).toEqual([payload]);
    expect([...mirror.querySelectorAll('.token-segment--2')].map((e) => e.textContent)).toEqual([signature]);
    expect(screen.getByText(`${new Intl.NumberFormat().format(token.length)} chars · 3 segments`)).toBeInTheDocument();
    expect(token.length).toBeGreaterThan(1000);
    expect(screen.getByText(`${new Intl.NumberFormat().format(token.length)} chars · 3 segments`).textContent).toMatch(
      /^\d{1,3}([^\d]\d{3})+ chars/,
    );
  });

  it('breaks long claim paths after dots, shows times in local time beside UTC, and puts the payload before the header', async () => {
    render(<DecoderScreen profiles={[]} />);
    await pasteToken(await makeEngagementSsoJwt({ version: 2 }));
    const pathCell = within(row('request.user.timezone.longName')).getByRole('rowheader');
    expect(pathCell.querySelectorAll('wbr')).toHaveLength(3);
    expect(pathCell).toHaveTextContent('request.user.timezone.longName');
    const exp = row('exp');
    const utc = within(exp).getByText(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/).textContent ?? '';
    const expected = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(utc.slice(0, 20)));
    expect(within(exp).getByText(`Local time: ${expected}`)).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Payload')).toBeLessThan(headings.indexOf('Header'));
  });

  it('decodes a token of almost 1 MB (over the old 64 K limit)', async () => {
    render(<DecoderScreen profiles={[]} />);
    const claims = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`blob${i}`, 'y'.repeat(60_000)]));
    const token = makeGenericJwt(claims);
    expect(token.length).toBeGreaterThan(900_000);
    fireEvent.change(screen.getByLabelText('Encoded token'), { target: { value: token } });
    await waitFor(() => expect(row('blob11')).toBeInTheDocument());
    expect(screen.queryByTestId('token-mirror')).toBeNull();
    expect(screen.getByText(/chars · 3 segments/).textContent).toMatch(/^\d{3}[^\d]\d{3} chars/);
  });
});
