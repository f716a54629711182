import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import type { ErrorCode } from '../errors/error-codes';
import {
  ENGAGEMENT_SIGNING_SECRET,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
} from '../../test/support/engagement-tokens';
import { decodeToken, MAX_TOKEN_CHARS } from './decode-token';
import { encodeToken } from './encode-token';
import { textToBase64Url } from '../encoding/base64url-text';

function decodeError(input: string): WorkbenchError {
  try {
    decodeToken(input);
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('decodeToken did not throw');
}

function expectError(input: string, code: ErrorCode, message: string | RegExp): void {
  const error = decodeError(input);
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

const seg = (value: unknown) => textToBase64Url(JSON.stringify(value));
const HEADER = seg({ alg: 'HS256', typ: 'JWT' });
const PAYLOAD = seg({ sub: 'abc' });

describe('decodeToken', () => {
  it('reports the names a header, a payload or a JWS JSON serialization gives twice (decoded last-wins, as JSON.parse does)', () => {
    const raw = (text: string) => textToBase64Url(text);
    const compact = decodeToken(`${raw('{"alg":"HS256","alg":"none"}')}.${raw('{"sub":"a","request":{"id":1,"id":2},"sub":"b"}')}.c2ln`);
    expect(compact.header.alg).toBe('none');
    expect(compact.payload.sub).toBe('b');
    expect(compact.duplicateKeys).toEqual({ header: ['alg'], payload: ['request.id', 'sub'], serialization: [] });
    const json = decodeToken(
      `{"payload":"${PAYLOAD}","protected":"${raw('{"alg":"HS256","kid":"1","kid":"2"}')}","signature":"c2ln","payload":"${PAYLOAD}"}`,
    );
    expect(json.duplicateKeys).toEqual({ header: ['kid'], payload: [], serialization: ['payload'] });
    expect(decodeToken(`${HEADER}.${PAYLOAD}.c2ln`).duplicateKeys).toEqual({ header: [], payload: [], serialization: [] });
  });

  it('decodes a signed SSO JWT: header, payload, signature bytes, signing input', async () => {
    const token = await makeEngagementSsoJwt({ version: 2, extraClaims: { exp: 1_900_000_000 } });
    const decoded = decodeToken(token);
    const [h, p, s] = token.split('.');
    expect(decoded.kind).toBe('engagement-sso-v2');
    expect(decoded.compact).toBe(token);
    expect(decoded.segments).toEqual([h, p, s]);
    expect(decoded.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decoded.payload.exp).toBe(1_900_000_000);
    expect((decoded.payload.request as { organization: { stackKey: string } }).organization.stackKey).toBe('S7');
    expect(decoded.signature.length).toBe(32);
    expect(decoded.signingInput).toBe(`${h}.${p}`);
  });

  it('returns signature bytes that verify with the signing secret', async () => {
    const token = await makeEngagementSsoJwt({ version: 1 });
    const decoded = decodeToken(token);
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(ENGAGEMENT_SIGNING_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    const ok = await crypto.subtle.verify(
      'HMAC',
      key,
      decoded.signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(decoded.signingInput),
    );
    expect(ok).toBe(true);
  });

  it('decodes what users paste around the token', () => {
    const token = makeGenericJwt({ sub: 'x' });
    for (const pasted of [`  "Bearer ${token}"\n`, `jwt=${token}&state=1`, `Authorization: Bearer ${token}`]) {
      expect(decodeToken(pasted).compact).toBe(token);
    }
  });

  it('decodes an alg none token with an empty signature', () => {
    const decoded = decodeToken(makeGenericJwt({ sub: 'x' }, { alg: 'none' }));
    expect(decoded.header.alg).toBe('none');
    expect(decoded.signature).toEqual(new Uint8Array(0));
  });

  it('decodes a four-segment Engagement access token', () => {
    const token = makeEngagementAccessToken();
    const decoded = decodeToken(token);
    expect(decoded.kind).toBe('engagement-access-token');
    expect(decoded.segments).toHaveLength(4);
    expect(decoded.header).toEqual({ alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' });
    expect(decoded.payload.client_type).toBe('ServerToServer');
    expect(decoded.payload.exp).toBeUndefined();
    expect(decoded.signingInput).toBe(token.split('.').slice(0, 2).join('.'));
  });

  it('decodes non-ASCII claims as UTF-8', () => {
    const decoded = decodeToken(`${HEADER}.${seg({ name: 'Zoë ✓ 𝄞' })}.`);
    expect(decoded.payload.name).toBe('Zoë ✓ 𝄞');
  });

  it('round-trips encodeToken', () => {
    const signature = new Uint8Array([1, 2, 3, 250]);
    const decoded = decodeToken(encodeToken({ alg: 'HS256' }, { a: [1, { b: null }] }, signature));
    expect(decoded.header).toEqual({ alg: 'HS256' });
    expect(decoded.payload).toEqual({ a: [1, { b: null }] });
    expect(decoded.signature).toEqual(signature);
  });

  describe('errors', () => {
    it('ERR_TOKEN_CONTROL_CHARACTER for a control character, DEL, C1 or bidi override anywhere, named by code point and place', () => {
      const token = `${HEADER}.${PAYLOAD}.c2ln`;
      for (const char of ['\u0000', '\u001b', '\u007f', '\u009b', '\u202e', '\u2066', '\u200f']) {
        expectError(
          `${token}${char}`,
          'ERR_TOKEN_CONTROL_CHARACTER',
          /^The input holds a control character \(U\+[0-9A-F]{4} at character \d+\)/,
        );
      }
      expectError(
        `"${token}\u001b[2K"`,
        'ERR_TOKEN_CONTROL_CHARACTER',
        `The input holds a control character (U+001B at character ${token.length + 2}): a token is plain text (letters, digits, "-", "_" and "."), so this one was damaged or is not a token. Copy the token again from its source.`,
      );
      expectError(`{"payload":"${PAYLOAD}","signature":"c2ln\u0085"}`, 'ERR_TOKEN_CONTROL_CHARACTER', /U\+0085/);
      // Tabs and line breaks are what pasting adds: the cleaner drops them.
      expect(decodeToken(`\t${HEADER}.\r\n  ${PAYLOAD}.c2ln\n`).payload).toEqual({ sub: 'abc' });
    });

    it('ERR_TOKEN_EMPTY for empty input and for input that is only wrapping', () => {
      expectError('', 'ERR_TOKEN_EMPTY', 'The input is empty. Paste a token to decode.');
      expectError('  \n\t', 'ERR_TOKEN_EMPTY', 'The input is empty. Paste a token to decode.');
      expectError('Bearer ', 'ERR_TOKEN_EMPTY', "No token is left after removing quotes, 'Bearer ' and 'jwt='. Paste the token itself.");
      expectError('""', 'ERR_TOKEN_EMPTY', "No token is left after removing quotes, 'Bearer ' and 'jwt='. Paste the token itself.");
    });

    it('ERR_TOKEN_TOO_LARGE above 1 MiB', () => {
      const huge = `${HEADER}.${'a'.repeat(MAX_TOKEN_CHARS)}.sig`;
      expect(MAX_TOKEN_CHARS).toBe(1_048_576);
      expectError(
        huge,
        'ERR_TOKEN_TOO_LARGE',
        `The input is ${huge.length} characters; tokens over 1048576 characters are not decoded. Paste only the token.`,
      );
    });

    it('decodes a token of almost 1 MiB (a payload stuffed with claims)', () => {
      const claims = Object.fromEntries(Array.from({ length: 16_000 }, (_, i) => [`claim${i}`, 'x'.repeat(30)]));
      const token = `${HEADER}.${seg(claims)}.sig`;
      expect(token.length).toBeGreaterThan(900_000);
      expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
      expect(Object.keys(decodeToken(token).payload)).toHaveLength(16_000);
    });

    it('ERR_TOKEN_SEGMENTS says how many segments were found and expected', () => {
      const expected = 'expected 3 (header.payload.signature), or 4 for an Engagement access token';
      expectError('abcdef', 'ERR_TOKEN_SEGMENTS', `Found 1 segment (no dots); ${expected}. Paste the whole token.`);
      expectError(`${HEADER}.${PAYLOAD}`, 'ERR_TOKEN_SEGMENTS', `Found 2 segments; ${expected}. The token looks cut short: copy it again.`);
      expectError(
        'a.b.c.d.e',
        'ERR_TOKEN_SEGMENTS',
        `Found 5 segments; ${expected}. Five segments is an encrypted JWT (JWE), which cannot be read without the recipient's key.`,
      );
      expectError('a.b.c.d.e.f', 'ERR_TOKEN_SEGMENTS', `Found 6 segments; ${expected}. Paste exactly one token.`);
    });

    it('ERR_TOKEN_SEGMENTS for an empty header or payload', () => {
      expectError(
        `.${PAYLOAD}.sig`,
        'ERR_TOKEN_SEGMENTS',
        'Segment 1 (header) is empty; a JWT needs a header and a payload. Paste the whole token.',
      );
      expectError(
        `${HEADER}..sig`,
        'ERR_TOKEN_SEGMENTS',
        'Segment 2 (payload) is empty; a JWT needs a header and a payload. Paste the whole token.',
      );
    });

    it('ERR_TOKEN_BASE64 names the segment and the problem', () => {
      expectError(
        `${HEADER}=.${PAYLOAD}.sig`,
        'ERR_TOKEN_BASE64',
        `Segment 1 (header) is not valid base64url: it has '=' padding at character ${HEADER.length + 1}, which JWTs do not use. Check that the token was copied whole.`,
      );
      expectError(
        `${HEADER}.ab+d.sig`,
        'ERR_TOKEN_BASE64',
        "Segment 2 (payload) is not valid base64url: it has '+' at character 3 (standard base64); base64url uses '-' and '_'. Check that the token was copied whole.",
      );
      expectError(
        `${HEADER}.${PAYLOAD}.ab/d`,
        'ERR_TOKEN_BASE64',
        "Segment 3 (signature) is not valid base64url: it has '/' at character 3 (standard base64); base64url uses '-' and '_'. Check that the token was copied whole.",
      );
      expectError(
        `${HEADER}.${PAYLOAD}.abcde`,
        'ERR_TOKEN_BASE64',
        'Segment 3 (signature) is not valid base64url: its length (5 characters) is impossible for base64url, so a character is missing or extra. Check that the token was copied whole.',
      );
      expectError(
        `${HEADER}.${PAYLOAD}.ab cd`,
        'ERR_TOKEN_BASE64',
        'Segment 3 (signature) is not valid base64url: it has whitespace at character 3. Check that the token was copied whole.',
      );
      expectError(
        `${HEADER}.ab*d.sig`,
        'ERR_TOKEN_BASE64',
        "Segment 2 (payload) is not valid base64url: it has a character outside A-Z, a-z, 0-9, '-' and '_' at character 3. Check that the token was copied whole.",
      );
    });

    it('ERR_TOKEN_JSON when the header is not UTF-8 or not JSON, without quoting the token', () => {
      expectError(
        `${textToBase64Url('secret-text-here')}.${PAYLOAD}.sig`,
        'ERR_TOKEN_JSON',
        'Segment 1 (header) is base64url but not JSON. Check that the token was copied whole and that it is a JWT.',
      );
      expectError(
        `_w.${PAYLOAD}.sig`,
        'ERR_TOKEN_JSON',
        'Segment 1 (header) decodes to bytes that are not UTF-8 text, so it is not JSON. Check that the token was copied whole.',
      );
      expect(decodeError(`${textToBase64Url('secret-text-here')}.${PAYLOAD}.sig`).message).not.toContain('secret');
    });

    it('ERR_TOKEN_NOT_OBJECT says what the header JSON is instead', () => {
      const tail = 'not an object; a JOSE header must be a JSON object.';
      expectError(`${seg('HS256')}.${PAYLOAD}.sig`, 'ERR_TOKEN_NOT_OBJECT', `Segment 1 (header) is JSON a string, ${tail}`);
      expectError(`${seg([1])}.${PAYLOAD}.sig`, 'ERR_TOKEN_NOT_OBJECT', `Segment 1 (header) is JSON an array, ${tail}`);
      expectError(`${seg(null)}.${PAYLOAD}.sig`, 'ERR_TOKEN_NOT_OBJECT', `Segment 1 (header) is JSON null, ${tail}`);
    });
  });
});
