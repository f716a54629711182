// The decoder on a Journey Builder custom-activity call (and the raw request it came in), and on an SSO JWT carrying
// mcAccessToken: masked until shown, and opened in the decoder with one click.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { explainToken } from '../../shared/claims/explain-token';
import { decodeToken } from '../../shared/decode/decode-token';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import {
  RECORDED_EXECUTE_PATHS,
  makeActivityCall,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  rawActivityRequest,
} from '../test-support/sample-tokens';
import { DecoderScreen } from './decoder-screen';

async function paste(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('Encoded token'));
  await user.paste(text);
  return user;
}

function row(path: string): HTMLElement {
  const found = document.querySelectorAll<HTMLElement>(`[data-claim-path="${path}"]`);
  expect(found, `rows for ${path}`).toHaveLength(1);
  return found[0]!;
}

describe('DecoderScreen: custom-activity calls', () => {
  it('names the call in the title and explains every field', async () => {
    const jwt = makeActivityCall();
    const expected = explainToken(decodeToken(jwt));
    render(<DecoderScreen profiles={[]} />);
    await paste(jwt);
    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['custom-activity'] })).toBeInTheDocument();
    for (const path of RECORDED_EXECUTE_PATHS) {
      const claim = expected.claims.find((c) => c.path === path)!;
      expect(row(path)).toHaveTextContent(claim.explanation);
    }
    expect(row('keyValue')).toHaveTextContent('testemail123@gmail.com');
    // No warning: the call is sound; how it is sent and signed is a note.
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
    const notes = screen.getByRole('list', { name: 'Notes', hidden: true });
    expect(notes.querySelector('[data-warning-code="WARN_CUSTOM_ACTIVITY_CALL"]')).not.toBeNull();
  });

  it('reads a raw request pasted from a log and says what was stripped', async () => {
    render(<DecoderScreen profiles={[]} />);
    await paste(rawActivityRequest(makeActivityCall()));
    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['custom-activity'] })).toBeInTheDocument();
    const note = screen.getByRole('list', { name: 'Notes', hidden: true }).querySelector('[data-warning-code="WARN_INPUT_STRIPPED"]');
    expect(note).toHaveTextContent('Read from a pasted request');
    expect(note).toHaveTextContent(
      'removed the request line (POST /execute), 3 header lines (Host, Content-Type: application/jwt, Content-Length).',
    );
  });
});

describe('DecoderScreen: mcAccessToken in an SSO JWT', () => {
  it('masks it with its length, shows it on request, and opens it in the decoder', async () => {
    const inner = makeEngagementAccessToken();
    const jwt = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { request: { rest: { mcAccessToken: inner, mcAccessTokenExp: 1200 } } },
    });
    render(<DecoderScreen profiles={[]} />);
    await paste(jwt);
    const value = await waitFor(() => within(row('request.rest.mcAccessToken')).getByText(/masked/));
    expect(value).toHaveTextContent(`••••(masked, ${inner.length} chars)`);
    expect(row('request.rest.mcAccessToken')).not.toHaveTextContent(inner);
    expect(row('request.rest.mcAccessToken')).toHaveTextContent('Undocumented');
    expect(row('request.rest.mcAccessTokenExp')).toHaveTextContent('1200 s (20 min) counted from when this JWT was decoded');
    // The refresh token is masked the same way, and offers no decoder (it is opaque).
    expect(within(row('request.rest.refreshToken')).queryByRole('button', { name: /Open in decoder/ })).toBeNull();
    expect(row('request.rest.refreshToken')).toHaveTextContent('••••(masked, ');

    const user = userEvent.setup();
    await user.click(within(row('request.rest.mcAccessToken')).getByRole('button', { name: 'Show request.rest.mcAccessToken' }));
    expect(row('request.rest.mcAccessToken')).toHaveTextContent(inner);
    await user.click(
      within(row('request.rest.mcAccessToken')).getByRole('button', { name: 'Open in decoder: request.rest.mcAccessToken' }),
    );
    expect(await screen.findByRole('heading', { name: TOKEN_KIND_LABELS['engagement-access-token'] })).toBeInTheDocument();
    expect(screen.getByLabelText('Encoded token')).toHaveValue(inner);
  });
});
