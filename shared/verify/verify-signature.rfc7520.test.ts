// Every JWS example of RFC 7520 §4 and RFC 8037 A.4, in each serialization the RFC gives, decoded and verified with the
// RFC's own keys (as a JWK, a JWK set selected by kid, a PEM or a secret); a flipped bit anywhere makes it invalid.
import { Buffer } from 'node:buffer';
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RFC7520_EC_PUBLIC_JWK,
  RFC7520_HMAC_JWK,
  RFC7520_RSA_PUBLIC_JWK,
  RFC7520_VECTORS,
  RFC8037_ED25519_PUBLIC_JWK,
  flipBit,
  serialize,
  type JwsVector,
} from '../../test/support/rfc7520-vectors';
import { decodeToken } from '../decode/decode-token';
import type { VerificationKey } from './verification';
import { verifySignature } from './verify-signature';

const ALL_KEYS: VerificationKey = {
  type: 'jwks',
  jwks: { keys: [RFC7520_RSA_PUBLIC_JWK, RFC7520_EC_PUBLIC_JWK, RFC7520_HMAC_JWK, { ...RFC8037_ED25519_PUBLIC_JWK }] },
};

const cases = RFC7520_VECTORS.flatMap((vector) => vector.forms.map((form) => [`${vector.name}, ${form}`, vector, form] as const));

function algs(vector: JwsVector): string[] {
  return vector.signatures.map((s) => {
    const protectedHeader =
      s.protected === undefined ? {} : (JSON.parse(Buffer.from(s.protected, 'base64url').toString('utf8')) as { alg?: string });
    return protectedHeader.alg ?? s.header?.alg ?? '';
  });
}

/** The key a user would paste for signature i: the oct key's bytes as a base64 secret, a PEM for the others. */
function pastedKey(vector: JwsVector, i: number): VerificationKey {
  const jwk = vector.keys[i]!;
  if (jwk.kty === 'oct') return { type: 'secret', secret: jwk.k!, encoding: 'base64' };
  return { type: 'pem', pem: createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString() };
}

/** The same JWS with one bit flipped in the payload, or in signature i. */
function tampered(vector: JwsVector, where: 'payload' | number): JwsVector {
  if (where === 'payload') return { ...vector, payload: flipBit(vector.payload) };
  return { ...vector, signatures: vector.signatures.map((s, i) => (i === where ? { ...s, signature: flipBit(s.signature) } : s)) };
}

describe.each(cases)('%s', (_name, vector, form) => {
  const text = serialize(vector, form);

  it('decodes as a JWS whose payload is the RFC text, with every signature and its header', () => {
    const token = decodeToken(text);
    expect(token.kind).toBe('jws');
    expect(token.serialization).toBe(form);
    expect(token.payload).toEqual({});
    expect(token.payloadText).toEqual({ encoding: 'utf8', text: vector.payloadText });
    expect(token.signatures.map((s) => s.header.alg)).toEqual(algs(vector));
    expect(token.signatures.map((s) => s.unprotectedHeader)).toEqual(vector.signatures.map((s) => s.header ?? null));
  });

  it('verifies with the RFC key as a JWK, per signature', async () => {
    const token = decodeToken(text);
    for (const [i, jwk] of vector.keys.entries()) {
      const outcome = await verifySignature(token, { type: 'jwk', jwk: { ...jwk } });
      const mine = outcome.signatures?.[i] ?? outcome;
      expect(mine, `signature ${i + 1}`).toMatchObject({ status: 'valid', alg: algs(vector)[i] });
      expect(outcome.status).toBe('valid');
    }
  });

  it('verifies with the pasted key (PEM or base64 secret) and with a JWK set that picks the key by kid', async () => {
    const token = decodeToken(text);
    for (const i of vector.keys.keys()) expect((await verifySignature(token, pastedKey(vector, i))).status).toBe('valid');
    const all = await verifySignature(token, ALL_KEYS);
    expect(all.status).toBe('valid');
    if (vector.signatures.length > 1) expect(all.signatures?.map((s) => s.status)).toEqual(vector.signatures.map(() => 'valid'));
  });

  it('is invalid with one bit flipped in the payload or in any signature', async () => {
    for (const where of ['payload', ...vector.signatures.keys()] as const) {
      const token = decodeToken(serialize(tampered(vector, where), form));
      const outcome = await verifySignature(token, ALL_KEYS);
      const flipped = where === 'payload' ? (outcome.signatures ?? [outcome]) : [outcome.signatures?.[where] ?? outcome];
      for (const one of flipped)
        expect(one, `flipped in ${String(where)}`).toMatchObject({ status: 'invalid', error: { code: 'ERR_VERIFY_SIGNATURE_INVALID' } });
      if (where === 'payload') expect(outcome.status).toBe('invalid');
    }
  });
});

describe('RFC 7520 4.8 with one key: results per signature', () => {
  const vector = RFC7520_VECTORS.find((v) => v.name.startsWith('RFC 7520 4.8'))!;

  it('is valid for the signature that key made and says why each other one is not checked', async () => {
    const token = decodeToken(serialize(vector, 'general'));
    const outcome = await verifySignature(token, { type: 'jwk', jwk: { ...RFC7520_EC_PUBLIC_JWK } });
    expect(outcome).toMatchObject({ status: 'valid', alg: 'ES512' });
    expect(outcome.signatures).toEqual([
      {
        status: 'invalid',
        alg: 'RS256',
        kid: 'bilbo.baggins@hobbiton.example',
        error: {
          code: 'ERR_VERIFY_ALG_MISMATCH',
          message:
            'The token says RS256 but the key is an EC P-521 public key, which only verifies ES512: use the key the token was signed with.',
        },
      },
      { status: 'valid', alg: 'ES512', kid: 'bilbo.baggins@hobbiton.example' },
      {
        status: 'invalid',
        alg: 'HS256',
        kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037',
        error: {
          code: 'ERR_VERIFY_ALG_MISMATCH',
          message:
            'The token says HS256 (HMAC) but the key is an EC P-521 public key: rejected, because a public key used as an HMAC secret is the classic algorithm-confusion attack. Verify with the signing secret instead.',
        },
      },
    ]);
  });

  it('is invalid overall when no signature verifies, and unchecked without a key', async () => {
    const token = decodeToken(serialize(vector, 'general'));
    const other = await verifySignature(token, { type: 'secret', secret: 'not the key' });
    expect(other.status).toBe('invalid');
    expect(other.signatures?.map((s) => s.error?.code)).toEqual([
      'ERR_VERIFY_ALG_MISMATCH',
      'ERR_VERIFY_ALG_MISMATCH',
      'ERR_VERIFY_SIGNATURE_INVALID',
    ]);
    const none = await verifySignature(token, null);
    expect(none).toEqual({
      status: 'unchecked',
      alg: 'RS256',
      signatures: [
        { status: 'unchecked', alg: 'RS256', kid: 'bilbo.baggins@hobbiton.example' },
        { status: 'unchecked', alg: 'ES512', kid: 'bilbo.baggins@hobbiton.example' },
        { status: 'unchecked', alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' },
      ],
    });
  });
});
