// The decoder screen on every JWS example of RFC 7520 §4 and RFC 8037 A.4: the payload shown as text, the kind a JWS,
// every serialization the RFC gives verified with the RFC's key pasted as a JWK (or JWK set); a flipped bit is invalid.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_KIND_LABELS } from '../../shared/decode/token-kind';
import { RFC7520_EC_PUBLIC_JWK, RFC7520_VECTORS, flipBit, serialize, type JwsVector } from '../test-support/sample-tokens';
import { DecoderScreen } from './decoder-screen';
import { preloadChunks } from '../test-support/preload-chunks';

// The lazy screens and panels are in before each test renders, as they are once the app has been idle a moment.
beforeAll(preloadChunks);

function signatureStatus(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-signature-status]');
  if (element === null) throw new Error('no signature status element');
  return element;
}

/** Pastes the token, then the key as a JWK (or a JWK set when the example has several keys). */
async function pasteTokenAndKey(token: string, key: object) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('Encoded token'));
  await user.paste(token);
  await screen.findByRole('heading', { name: TOKEN_KIND_LABELS.jws });
  await user.selectOptions(screen.getByLabelText('Verify with'), 'jwk');
  // Set the key in one change: typing a 2048-bit JWK key stroke by key is slow and adds nothing here.
  fireEvent.change(screen.getByLabelText('JWK or JWK Set (JSON)'), { target: { value: JSON.stringify(key) } });
}

const keyOf = (vector: JwsVector) => (vector.keys.length === 1 ? vector.keys[0]! : { keys: vector.keys });
const cases = RFC7520_VECTORS.flatMap((vector) => vector.forms.map((form) => [`${vector.name}, ${form}`, vector, form] as const));

describe.each(cases)('DecoderScreen: %s', (_name, vector, form) => {
  it('shows the payload as text under a JWS kind and verifies with the RFC key', async () => {
    render(<DecoderScreen profiles={[]} />);
    await pasteTokenAndKey(serialize(vector, form), keyOf(vector));
    expect(screen.getByLabelText('Payload text')).toHaveTextContent(vector.payloadText);
    expect(screen.getByLabelText('Payload text')).toHaveAttribute('data-payload-encoding', 'utf8');
    expect(document.querySelectorAll('[data-claim-path^="alg"]').length).toBeGreaterThan(0);
    expect(screen.getByText(form === 'compact' ? '3 segments' : `${form} JSON`)).toBeInTheDocument();
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'valid'));
    if (vector.signatures.length > 1) {
      expect([...document.querySelectorAll('[data-signature-result]')].map((li) => li.getAttribute('data-signature-result'))).toEqual(
        vector.signatures.map(() => 'valid'),
      );
    }
  });

  it('says invalid when one bit of the payload is flipped', async () => {
    render(<DecoderScreen profiles={[]} />);
    await pasteTokenAndKey(serialize({ ...vector, payload: flipBit(vector.payload) }, form), keyOf(vector));
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'invalid'));
    expect(screen.getAllByText('ERR_VERIFY_SIGNATURE_INVALID', { exact: false }).length).toBeGreaterThan(0);
  });
});

describe('DecoderScreen: several signatures, one key', () => {
  it('lists each signature with its own verdict (RFC 7520 4.8 with the EC key)', async () => {
    const vector = RFC7520_VECTORS.find((v) => v.signatures.length > 1)!;
    render(<DecoderScreen profiles={[]} />);
    await pasteTokenAndKey(serialize(vector, 'general'), RFC7520_EC_PUBLIC_JWK);
    await waitFor(() => expect(signatureStatus()).toHaveAttribute('data-signature-status', 'valid'));
    const items = [...screen.getByRole('list', { name: 'Each signature' }).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Signature 1 (RS256, kid bilbo.baggins@hobbiton.example): invalid (ERR_VERIFY_ALG_MISMATCH)',
      'Signature 2 (ES512, kid bilbo.baggins@hobbiton.example): verified',
      'Signature 3 (HS256, kid 018c0ae5-4d9b-471b-bfd6-eef314bc7037): invalid (ERR_VERIFY_ALG_MISMATCH)',
    ]);
    expect(screen.getByText('3 signatures')).toBeInTheDocument();
  });

  it('shows a binary payload as hex', async () => {
    render(<DecoderScreen profiles={[]} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Encoded token'));
    await user.paste('eyJhbGciOiJIUzI1NiJ9.3q2-7wA.c2ln');
    expect(await screen.findByLabelText('Payload text')).toHaveTextContent('deadbeef00');
    expect(screen.getByText('hex: not text, 5 bytes')).toBeInTheDocument();
  });
});
