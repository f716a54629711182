import { describe, expect, it } from 'vitest';
import { secretMask } from '../../shared/exchange/mask-secrets';
import { terminalJson, terminalSafe } from './safe-text';

describe('terminalSafe and terminalJson', () => {
  it('escapes every C0 and C1 control character and DEL, so a value cannot drive the terminal', () => {
    expect(terminalSafe('a\u001b]0;title\u0007b\r\n\tc\u007fd\u009b31me\u0000\u202egnp.exe')).toBe(
      'a\\u001b]0;title\\u0007b\\u000d\\u000a\\u0009c\\u007fd\\u009b31me\\u0000\\u202egnp.exe',
    );
    expect(terminalSafe('line one\nline two\u001b[2K\tx', { keepNewlines: true })).toBe('line one\nline two\\u001b[2K\\u0009x');
    expect(terminalSafe('a\tb\nc', { keepNewlines: true, keepTabs: true })).toBe('a\tb\nc');
    expect(terminalSafe('plain café ✓')).toBe('plain café ✓');
  });

  it('escapes DEL and C1 characters JSON.stringify leaves raw, and stays valid JSON', () => {
    const value = { claim: 'x\u009b31m\u007f\u001b\u202e' };
    const text = terminalJson(value);
    // eslint-disable-next-line no-control-regex
    expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('known secrets', () => {
  const secret = 'client-secret-value';

  it('terminalSafe and terminalJson mask each known secret by value (as is, JSON-escaped, URL-encoded) with its true length', () => {
    expect(terminalSafe(`bad ${secret}\u001b[2K`, { secrets: [secret] })).toBe(`bad ${secretMask(secret.length)}\\u001b[2K`);
    expect(terminalSafe(`s=${encodeURIComponent('a b&c=d')}`, { secrets: ['a b&c=d'] })).toBe(`s=${secretMask(7)}`);
    const json = terminalJson({ scope: `email_read ${secret}` }, { secrets: [secret, null] });
    expect(JSON.parse(json)).toEqual({ scope: `email_read ${secretMask(secret.length)}` });
    expect(terminalSafe(secret)).toBe(secret);
  });
});
