import { describe, expect, it } from 'vitest';
import { cleanTokenInput } from './clean-token-input';

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
});
