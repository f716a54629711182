import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { draftOfDecoded } from '../../shared/compose/compose-draft';
import type { SendReport, SignedToken } from '../../shared/compose/compose-types';
import { decodeToken } from '../../shared/decode/decode-token';
import { encodeToken } from '../../shared/decode/encode-token';
import { validateRequest } from '../../shared/ipc/request-schemas';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { ComposeScreen } from './compose-screen';

const SIGNED: SignedToken = {
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJrZXlWYWx1ZSI6ImsifQ.c2lnbmF0dXJl',
  header: { alg: 'HS256' },
  payload: { keyValue: 'k' },
  alg: 'HS256',
  keyDescription: 'the secret as hex (32 bytes)',
  duplicates: { header: [], payload: [] },
};
const REPORT: SendReport = {
  url: 'http://localhost:3000/execute',
  method: 'POST',
  contentType: 'application/jwt',
  sentBytes: 55,
  durationMs: 12.4,
  response: { status: 200, headers: [{ name: 'content-type', value: 'application/json', sensitive: false }], body: '{"success":true}' },
  redirectedTo: null,
  bodyTooLarge: false,
};

const payloadBox = () => screen.getByLabelText('Payload (JSON)');
const headerBox = () => screen.getByLabelText('Header (JSON)');

describe('ComposeScreen', () => {
  it('starts from the activity execute template and says what is documented and what is only seen in code', () => {
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, createFakeBridge().bridge);
    expect(screen.getByLabelText('Template')).toHaveValue('activity-execute');
    expect(JSON.parse((payloadBox() as HTMLTextAreaElement).value)).toMatchObject({ keyValue: 'testemail123@gmail.com', mode: 0 });
    expect(screen.getByText(/Seen in code, not documented: the body arrives as Content-Type: application\/jwt/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Lifetime/)).toHaveValue('');
  });

  it('checks the JSON as you type and refuses alg none in the header; Sign waits for valid input', () => {
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, createFakeBridge().bridge);
    fireEvent.change(payloadBox(), { target: { value: '{"a": 1,}' } });
    expect(payloadBox()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/^The payload is not valid JSON \(line 1, column \d+\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign HS256' })).toBeDisabled();
    fireEvent.change(payloadBox(), { target: { value: '{"a": 1}' } });
    fireEvent.change(headerBox(), { target: { value: '{"alg":"none"}' } });
    expect(screen.getByText(/Compose never makes an unsigned token/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Lifetime/), { target: { value: '1 week' } });
    expect(screen.getByText(/is not a lifetime/)).toBeInTheDocument();
  });

  it('the algorithm picker rewrites the header alg and asks for a private key instead of a secret', () => {
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, createFakeBridge().bridge);
    fireEvent.change(screen.getByLabelText('Algorithm'), { target: { value: 'ES256' } });
    expect(JSON.parse((headerBox() as HTMLTextAreaElement).value)).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(screen.getByLabelText('Private key (PEM)')).toBeInTheDocument();
    expect(screen.queryByLabelText('Secret')).toBeNull();
  });

  it('signs with a hex Salt key in the main process, shows the token with copy and open-in-decoder, and sends it', async () => {
    const user = userEvent.setup();
    const onOpenInDecoder = vi.fn();
    const fake = createFakeBridge({
      'compose:sign': () => ({ ok: true, value: SIGNED }),
      'compose:send': () => ({ ok: true, value: REPORT }),
    });
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={onOpenInDecoder} />, fake.bridge);
    await user.type(screen.getByLabelText('Secret'), '0x00ff');
    await user.selectOptions(screen.getByLabelText('Secret encoding'), 'hex');
    expect(screen.getByText(/a Salt key from Key Management, pasted as shown there, is used with its original bytes/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign HS256' }));
    // Exactly the request the router's strict schema takes: nothing of the draft beyond it.
    expect(fake.callsTo('compose:sign')).toEqual([
      {
        header: (headerBox() as HTMLTextAreaElement).value,
        payload: (payloadBox() as HTMLTextAreaElement).value,
        alg: 'HS256',
        expiresIn: null,
        key: { type: 'secret', secret: '0x00ff', encoding: 'hex' },
      },
    ]);
    expect(() => validateRequest('compose:sign', fake.callsTo('compose:sign')[0])).not.toThrow();
    expect(await screen.findByLabelText('Signed token text')).toHaveTextContent(SIGNED.token);
    expect(screen.getByText('the secret as hex (32 bytes)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open in decoder' }));
    expect(onOpenInDecoder).toHaveBeenCalledWith(SIGNED.token);
    await user.type(screen.getByLabelText('Endpoint URL'), 'http://localhost:3000/execute');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(fake.callsTo('compose:send')).toEqual([{ url: 'http://localhost:3000/execute', token: SIGNED.token, style: 'activity' }]);
    expect(() => validateRequest('compose:send', fake.callsTo('compose:send')[0])).not.toThrow();
    expect(await screen.findByRole('status')).toHaveTextContent('HTTP 200 in 12 ms');
    expect(screen.getByLabelText('Response body')).toHaveTextContent('{"success":true}');
    fireEvent.change(payloadBox(), { target: { value: '{"changed":true}' } });
    expect(screen.getByText('Changed since it was signed: sign again to include the changes.')).toBeInTheDocument();
  });

  it('Cancel stops a send still waiting for its answer: the call’s signal aborts and the cancel is shown', async () => {
    const user = userEvent.setup();
    let answer: (reply: { ok: false; error: { code: 'ERR_CANCELLED'; message: string } }) => void = () => undefined;
    const fake = createFakeBridge({
      'compose:sign': () => ({ ok: true, value: SIGNED }),
      'compose:send': () => new Promise((resolve) => (answer = resolve)),
    });
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, fake.bridge);
    await user.type(screen.getByLabelText('Secret'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign HS256' }));
    await screen.findByLabelText('Signed token text');
    await user.type(screen.getByLabelText('Endpoint URL'), 'http://localhost:3000/execute');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const [signal] = fake.signalsTo('compose:send');
    expect(signal?.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(signal?.aborted).toBe(true);
    answer({ ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled: the request was stopped before it finished.' } });
    expect(await screen.findByText('Cancelled: the request was stopped before it finished.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  it("offers a saved profile's secret for HS256 (never asking for it) and an Intelligence key for RS256", async () => {
    const user = userEvent.setup();
    const fake = createFakeBridge({ 'compose:sign': () => ({ ok: true, value: SIGNED }) });
    const profiles = [
      makeProfile({ id: 'e1', name: 'Package A', product: 'engagement', hasSecret: true, secretEncoding: 'text', keyInfo: null }),
      makeProfile({ id: 'i1', name: 'Service account' }),
    ];
    renderWithBridge(<ComposeScreen profiles={profiles} onOpenInDecoder={() => undefined} />, fake.bridge);
    await user.click(screen.getByLabelText(/A saved profile's signing secret/));
    expect(screen.getByRole('option', { name: 'Package A' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Service account' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Profile'), 'e1');
    await user.click(screen.getByRole('button', { name: 'Sign HS256' }));
    expect(fake.callsTo('compose:sign')).toEqual([expect.objectContaining({ key: { type: 'profile', profileId: 'e1' } })]);
    await user.selectOptions(screen.getByLabelText('Algorithm'), 'RS256');
    expect(screen.getByRole('option', { name: 'Service account' })).toBeInTheDocument();
  });

  it('opens a decoded token ("Edit and re-sign") with its header and payload as they were', async () => {
    const token = encodeToken({ alg: 'HS512', typ: 'JWT' }, { sub: 'x', exp: 1_900_000_000 }, new Uint8Array(64));
    const draft = draftOfDecoded(decodeToken(token));
    if (draft === null) throw new Error('not editable');
    const { rerender } = renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, createFakeBridge().bridge);
    rerender(<ComposeScreen profiles={[]} opened={{ draft, nonce: 1 }} onOpenInDecoder={() => undefined} />);
    await waitFor(() => expect(JSON.parse((payloadBox() as HTMLTextAreaElement).value)).toEqual({ sub: 'x', exp: 1_900_000_000 }));
    expect(screen.getByLabelText('Algorithm')).toHaveValue('HS512');
    expect(screen.getByLabelText('Template')).toHaveValue('jwt');
  });

  it('without the desktop app it says signing needs it', () => {
    renderWithBridge(<ComposeScreen profiles={[]} onOpenInDecoder={() => undefined} />, null);
    expect(screen.getByText('This needs the desktop app')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sign/ })).toBeNull();
  });
});
