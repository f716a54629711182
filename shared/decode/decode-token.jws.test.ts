// A JWS that is not a JWT: a payload that is not a JSON object is shown as text (or hex), and the JWS JSON
// serializations (RFC 7515 §7.2) are read; what is not a valid serialization gets ERR_TOKEN_JWS_JSON with the reason.
import { describe, expect, it } from 'vitest';
import { makeGenericJwt } from '../../test/support/engagement-tokens';
import { explainToken } from '../claims/explain-token';
import { bytesToBase64Url } from '../encoding/base64url';
import { textToBase64Url } from '../encoding/base64url-text';
import { WorkbenchError } from '../errors/workbench-error';
import { decodeToken } from './decode-token';
import { MAX_JWS_SIGNATURES } from './decode-jws-json';

const HEADER = textToBase64Url('{"alg":"HS256"}');
const SIG = 'c2ln';
const NOW = Date.UTC(2026, 0, 1);

function jwsError(json: unknown): WorkbenchError {
  try {
    decodeToken(JSON.stringify(json));
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('decodeToken did not throw');
}

const shape = (problem: string) =>
  `This JWS JSON serialization is not valid: ${problem} (see RFC 7515 §7.2: {"payload":"…","protected":"…","signature":"…"} or {"payload":"…","signatures":[{"protected":"…","signature":"…"}]}).`;

describe('decodeToken: payloads that are not JSON claims', () => {
  it('shows a text payload as text: kind jws, no claims, and no claim-based warnings', () => {
    const token = decodeToken(`${HEADER}.${textToBase64Url('Hello, Zoë ✓\nsecond line')}.${SIG}`);
    expect(token).toMatchObject({
      kind: 'jws',
      serialization: 'compact',
      payload: {},
      payloadText: { encoding: 'utf8', text: 'Hello, Zoë ✓\nsecond line' },
    });
    const explanation = explainToken(token, { now: NOW });
    expect(explanation.kindLabel).toBe('JSON Web Signature (JWS): the payload is not JSON claims, so this is not a JWT');
    expect(explanation.claims).toEqual([]);
    expect(explanation.header.map((h) => h.path)).toEqual(['alg']);
    expect(explanation.warnings).toEqual([]);
  });

  it('shows JSON that is not an object as text: a JWS payload may be any bytes', () => {
    expect(decodeToken(`${HEADER}.${textToBase64Url('[1,2]')}.${SIG}`).payloadText).toEqual({ encoding: 'utf8', text: '[1,2]' });
    expect(decodeToken(`${HEADER}.${textToBase64Url('42')}.${SIG}`).payloadText).toEqual({ encoding: 'utf8', text: '42' });
  });

  it('shows bytes that are not UTF-8 text, or are control characters, as hex', () => {
    expect(decodeToken(`${HEADER}.${bytesToBase64Url(Uint8Array.of(0xff, 0x00, 0x10, 0xab))}.${SIG}`).payloadText).toEqual({
      encoding: 'hex',
      text: 'ff0010ab',
    });
    expect(decodeToken(`${HEADER}.${textToBase64Url('a\u0000b\u001b[31m')}.${SIG}`).payloadText).toEqual({
      encoding: 'hex',
      text: '6100621b5b33316d',
    });
    expect(decodeToken(`${HEADER}.${textToBase64Url('\ufeffabc')}.${SIG}`).payloadText).toEqual({ encoding: 'hex', text: 'efbbbf616263' });
  });

  it('warns when the payload starts like JSON claims but does not parse, and keeps alg none warnings', () => {
    const broken = decodeToken(`${textToBase64Url('{"alg":"none"}')}.${textToBase64Url('{"sub": "x"')}.`);
    expect(broken.kind).toBe('jws');
    expect(explainToken(broken, { now: NOW }).warnings.map((w) => w.code)).toEqual(['WARN_ALG_NONE', 'WARN_PAYLOAD_NOT_JSON']);
  });

  it('still reads a JSON object payload as a JWT claims set', () => {
    const token = decodeToken(makeGenericJwt({ sub: 'x' }));
    expect(token).toMatchObject({ kind: 'generic', payload: { sub: 'x' }, payloadText: null });
  });
});

describe('decodeToken: JWS JSON serializations', () => {
  const payload = textToBase64Url('{"sub":"x","exp":4102444800}');

  it('reads a JWT in the flattened serialization as a JWT, and keeps the JSON on one line for re-decoding', () => {
    const pasted = `\n  ${JSON.stringify({ payload, protected: HEADER, signature: SIG }, null, 2)}\n`;
    const token = decodeToken(pasted);
    expect(token).toMatchObject({
      kind: 'generic',
      serialization: 'flattened',
      payload: { sub: 'x' },
      segments: [],
      header: { alg: 'HS256' },
    });
    expect(decodeToken(token.compact)).toEqual(token);
  });

  it('joins the protected and unprotected headers of each signature', () => {
    const token = decodeToken(
      JSON.stringify({
        payload,
        signatures: [
          { protected: HEADER, header: { kid: 'k1' }, signature: SIG },
          { header: { alg: 'ES256' }, signature: '' },
        ],
      }),
    );
    expect(token.serialization).toBe('general');
    expect(token.signatures.map((s) => [s.header, s.unprotectedHeader, s.protectedSegment])).toEqual([
      [{ alg: 'HS256', kid: 'k1' }, { kid: 'k1' }, HEADER],
      [{ alg: 'ES256' }, { alg: 'ES256' }, ''],
    ]);
    expect(explainToken(token, { now: NOW }).warnings).toEqual([
      {
        code: 'WARN_UNPROTECTED_HEADER',
        severity: 'warning',
        message:
          'The unprotected header (kid, alg) is not covered by the signature: anyone could change it without breaking the signature. Trust only the protected header and the payload.',
      },
    ]);
  });

  it('compares header names as own members only: "toString" in the unprotected header is not a clash', () => {
    const token = decodeToken(JSON.stringify({ payload, protected: HEADER, header: { toString: 'x', constructor: 'y' }, signature: SIG }));
    expect(token.header).toEqual({ alg: 'HS256', toString: 'x', constructor: 'y' });
  });

  it('leaves other JSON to the paste cleaner: a token response still gives its token', () => {
    const jwt = makeGenericJwt({ sub: 'x' });
    expect(decodeToken(JSON.stringify({ access_token: jwt, expires_in: 300 })).compact).toBe(jwt);
  });

  it('ERR_TOKEN_JWS_JSON says what is wrong with the serialization', () => {
    const cases: [unknown, string][] = [
      [{ protected: HEADER, signature: SIG }, 'it has no "payload" (a detached payload cannot be decoded here)'],
      [{ payload: 1, protected: HEADER, signature: SIG }, '"payload" is not a string'],
      [{ payload, signatures: [] }, '"signatures" is not a non-empty array'],
      [{ payload, signatures: {} }, '"signatures" is not a non-empty array'],
      [
        { payload, signature: SIG, signatures: [{ protected: HEADER, signature: SIG }] },
        'it mixes "signatures" with a top-level "signature", "protected" or "header"',
      ],
      [{ payload, signatures: ['x'] }, 'signature 1 is not a JSON object'],
      [
        { payload, signatures: [{ protected: HEADER, signature: SIG }, { signature: SIG }] },
        'signature 2 has neither "protected" nor "header"',
      ],
      [{ payload, protected: 7, signature: SIG }, '"protected" of the JWS is not a string'],
      [{ payload, protected: HEADER, header: [], signature: SIG }, '"header" of the JWS is not a JSON object'],
      [{ payload, protected: HEADER, signature: 5 }, 'the JWS has no "signature" string'],
      [
        { payload, protected: HEADER, header: { alg: 'none' }, signature: SIG },
        'the JWS has "alg" in both its protected and unprotected header',
      ],
      [
        { payload, signatures: Array.from({ length: MAX_JWS_SIGNATURES + 1 }, () => ({ protected: HEADER, signature: SIG })) },
        `it has ${MAX_JWS_SIGNATURES + 1} signatures; at most 16 are checked`,
      ],
    ];
    for (const [json, problem] of cases) {
      const error = jwsError(json);
      expect([error.code, error.message], problem).toEqual(['ERR_TOKEN_JWS_JSON', shape(problem)]);
    }
  });

  it('names the part when a header or signature is not base64url or not JSON', () => {
    expect(
      jwsError({
        payload,
        signatures: [
          { protected: HEADER, signature: SIG },
          { protected: textToBase64Url('nope'), signature: SIG },
        ],
      }).message,
    ).toBe('The protected header of signature 2 is base64url but not JSON. Check that the token was copied whole and that it is a JWT.');
    const badSignature = jwsError({ payload, protected: HEADER, signature: 'ab+d' });
    expect([badSignature.code, badSignature.message]).toEqual([
      'ERR_TOKEN_BASE64',
      "The signature of the JWS is not valid base64url: it has '+' at character 3 (standard base64); base64url uses '-' and '_'. Check that the token was copied whole.",
    ]);
    expect(jwsError({ payload: 'a=', protected: HEADER, signature: SIG }).message).toMatch(
      /^The payload is not valid base64url: it has '=' padding at character 2/,
    );
  });
});
