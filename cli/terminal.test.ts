import { describe, expect, it } from 'vitest';
import { secretMask } from '../shared/exchange/mask-secrets';
import type { FlowStep } from '../shared/exchange/flow-types';
import { MASK } from '../shared/exchange/shown-exchange';
import { createPainter, formatStep, outputWidth, shouldUseColor, stepSecrets, terminalJson, terminalSafe, wrapText } from './terminal';

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it('colours a terminal and not a pipe by default', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value) and TERM=dumb', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('lets FORCE_COLOR win either way (0 or false turns colour off)', () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('createPainter', () => {
  it('wraps text in SGR codes only when enabled, and leaves empty text alone', () => {
    expect(createPainter(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPainter(true).bold('')).toBe('');
    expect(createPainter(false).red('x')).toBe('x');
  });
});

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

  it("formatStep masks the run's secrets and the step's own sensitive values wherever the server's text echoes them", () => {
    const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';
    const step: FlowStep<string> = {
      id: 'token',
      title: 'Request the access token',
      status: 'failed',
      request: {
        method: 'POST',
        url: 'https://example.com/token',
        headers: [],
        params: [
          { name: 'client_assertion', value: assertion, sensitive: true },
          { name: 'client_secret', value: MASK, sensitive: true },
        ],
      },
      response: {
        status: 400,
        headers: [['x-echo', secret]].map(([name = '', value = '']) => ({ name, value, sensitive: false })),
        body: `{"a":"${assertion}","s":"${secret}"}`,
      },
      error: { code: 'ERR_OAUTH_INVALID_GRANT', message: `Bad ${secret}` },
    };
    expect(stepSecrets(step)).toEqual([assertion]);
    const shown = formatStep(step, createPainter(false), [secret]);
    expect(shown).not.toContain(assertion);
    expect(shown).not.toContain(secret);
    expect(shown).toContain(`{"a":"${secretMask(assertion.length)}","s":"${secretMask(secret.length)}"}`);
    expect(shown).toContain(`x-echo: ${secretMask(secret.length)}`);
    expect(shown).toContain(`ERR_OAUTH_INVALID_GRANT Bad ${secretMask(secret.length)}`);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, indenting every line', () => {
    expect(wrapText('one two three four five six seven eight nine ten eleven', 30, '    ')).toEqual([
      '    one two three four five',
      '    six seven eight nine ten',
      '    eleven',
    ]);
  });

  it('keeps a word longer than the width on its own line and keeps paragraphs', () => {
    const long = 'x'.repeat(40);
    expect(wrapText(`a ${long} b\nc`, 30)).toEqual(['a', long, 'b', 'c']);
  });
});

describe('outputWidth', () => {
  it('uses the terminal width up to 120, else 100', () => {
    expect(outputWidth({ isTTY: true, columns: 80 })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 200 })).toBe(120);
    expect(outputWidth({ isTTY: false, columns: 80 })).toBe(100);
    expect(outputWidth({})).toBe(100);
  });
});
