import { describe, expect, it } from 'vitest';
import { MAX_HEAD_LINES, cleanTokenInput, unwrapTokenInput } from './clean-token-input';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl';

describe('cleanTokenInput', () => {
  it.each([
    ['the bare token', TOKEN],
    ['surrounding whitespace and newlines', `\n\t  ${TOKEN}  \r\n`],
    ['double quotes', `"${TOKEN}"`],
    ['single quotes', `'${TOKEN}'`],
    ['back quotes', `\`${TOKEN}\``],
    ['a Bearer prefix', `Bearer ${TOKEN}`],
    ['a lower-case bearer prefix', `bearer   ${TOKEN}`],
    ['an upper-case BEARER prefix', `BEARER ${TOKEN}`],
    ['an Authorization header', `Authorization: Bearer ${TOKEN}`],
    ['an Authorization header without space and in odd case', `AUTHORIZATION:bearer ${TOKEN}`],
    ['a quoted Authorization header', `"Authorization: Bearer ${TOKEN}"`],
    ['a jwt= form field', `jwt=${TOKEN}`],
    ['a URL-encoded jwt= form field', `jwt=${TOKEN.replaceAll('.', '%2E')}`],
    ['a jwt= field followed by others', `jwt=${TOKEN}&state=abc&x=1`],
    ['a jwt= field after others', `state=abc&jwt=${TOKEN}&x=1`],
    ['a JSON string literal', JSON.stringify(TOKEN)],
    ['a JSON string literal with escapes', `"${TOKEN.replace('.', '\\u002e')}"`],
    ['a JSON string holding Bearer', JSON.stringify(`Bearer ${TOKEN}`)],
    ['a JSON token response', JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 1080 })],
    ['a JSON object with a jwt field', JSON.stringify({ jwt: TOKEN })],
    ['a token wrapped over lines', `${TOKEN.slice(0, 20)}\n  ${TOKEN.slice(20, 40)}\r\n${TOKEN.slice(40)}`],
  ])('accepts %s', (_what, pasted) => {
    expect(cleanTokenInput(pasted)).toBe(TOKEN);
  });

  it('returns an empty string when nothing but wrapping is left', () => {
    expect(cleanTokenInput('   \n ')).toBe('');
    expect(cleanTokenInput('""')).toBe('');
    expect(cleanTokenInput('Bearer ')).toBe('');
    expect(cleanTokenInput('jwt=&state=1')).toBe('');
  });

  it('leaves text it does not recognize alone (the decoder then says what is wrong)', () => {
    expect(cleanTokenInput('not a token')).toBe('not a token');
    expect(cleanTokenInput('{"other": 1}')).toBe('{"other": 1}');
    expect(cleanTokenInput('"unterminated')).toBe('"unterminated');
    expect(cleanTokenInput('a=1&b=2')).toBe('a=1&b=2');
  });

  it('keeps a malformed URL escape as typed', () => {
    expect(cleanTokenInput('jwt=abc%E0def')).toBe('abc%E0def');
  });

  it.each([
    ['the JWT alone', TOKEN, []],
    [
      'a raw request from a server log',
      `POST /activity/execute HTTP/1.1\r\nHost: activity.example.com\r\nContent-Type: application/jwt\r\nContent-Length: 52\r\n\r\n${TOKEN}\r\n`,
      ['the request line (POST /activity/execute)', '3 header lines (Host, Content-Type: application/jwt, Content-Length)'],
    ],
    ['a Content-Type line in front', `Content-Type: application/jwt\n\n${TOKEN}`, ['the header line (Content-Type: application/jwt)']],
    [
      'a Content-Type line without the blank line',
      `content-type:application/jwt\n${TOKEN}`,
      ['the header line (content-type: application/jwt)'],
    ],
    [
      'a request line alone, its query left out of the note',
      `POST /execute?x=1 HTTP/1.1\n\n${TOKEN}`,
      ['the request line (POST /execute)'],
    ],
    ['quotes around it', `"${TOKEN}"`, ['the quotes around it']],
    [
      'single quotes around a logged body',
      `Content-Type: application/jwt\n\n'${TOKEN}'`,
      ['the header line (Content-Type: application/jwt)', 'the quotes around it'],
    ],
    ['a JSON body with a jwt field', JSON.stringify({ jwt: TOKEN }), ['the JSON body around its "jwt" field']],
    [
      'a JSON body with a jwt field after headers',
      `POST /login HTTP/1.1\nContent-Type: application/json\n\n{"jwt": "${TOKEN}", "state": "x"}`,
      ['the request line (POST /login)', 'the header line (Content-Type: application/json)', 'the JSON body around its "jwt" field'],
    ],
    ['an SSO form post body', `jwt=${TOKEN}&state=1`, ['the form body around its "jwt" field']],
    ['a Bearer header', `Authorization: Bearer ${TOKEN}`, ['the "Authorization:" header name', 'the "Bearer" prefix']],
  ])('reads %s and says what it stripped', (_what, pasted, stripped) => {
    expect(unwrapTokenInput(pasted)).toEqual({ token: TOKEN, stripped });
  });

  it('names other headers without their values (they may be credentials)', () => {
    const pasted = `POST /execute HTTP/1.1\nAuthorization: Bearer s3cr3t-value\nX-Api-Key: k3y\nA: 1\nB: 2\nC: 3\nContent-Type: application/jwt\n\n${TOKEN}`;
    const { token, stripped } = unwrapTokenInput(pasted);
    expect(token).toBe(TOKEN);
    expect(stripped).toEqual(['the request line (POST /execute)', '6 header lines (Authorization, X-Api-Key, A, B, C and 1 more)']);
    expect(stripped.join(' ')).not.toMatch(/s3cr3t|k3y/);
  });

  it('does not take a Bearer token wrapped onto a second line for a header and a body', () => {
    expect(cleanTokenInput(`Authorization: Bearer ${TOKEN.slice(0, 30)}\n${TOKEN.slice(30)}`)).toBe(TOKEN);
  });

  it('strips no head longer than the cap, nor one with nothing after it', () => {
    const headers = Array.from({ length: MAX_HEAD_LINES + 1 }, (_, i) => `X-${i}: v`).join('\n');
    expect(unwrapTokenInput(`${headers}\nContent-Type: application/jwt\n\n${TOKEN}`).stripped).toEqual([]);
    expect(unwrapTokenInput(`POST /execute HTTP/1.1\nContent-Type: application/jwt\n\n`).token).not.toBe('');
    expect(unwrapTokenInput(`Content-Type: application/jwt\n`).stripped).toEqual([]);
  });
});
