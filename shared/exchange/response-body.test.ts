import { describe, expect, it } from 'vitest';
import { isJsonBody, jsonObjectBody, looksLikeHtml, quotableServerText } from './response-body';
import type { TimedResponse } from './timed-request';

const response = (body: string, contentType?: string): TimedResponse => ({
  url: 'https://idp.example.com/x',
  status: 200,
  headers: contentType === undefined ? [] : [['content-type', contentType]],
  body,
  serverDateMs: null,
});

describe('response bodies', () => {
  it('parses JSON objects only', () => {
    expect(jsonObjectBody('{"a":1}')).toEqual({ a: 1 });
    expect(jsonObjectBody('[1]')).toBeNull();
    expect(jsonObjectBody('null')).toBeNull();
    expect(jsonObjectBody('<html>')).toBeNull();
    expect(isJsonBody('[1]')).toBe(true);
    expect(isJsonBody('')).toBe(false);
  });

  it('spots HTML by content type or by its first tag', () => {
    expect(looksLikeHtml(response('whatever', 'text/html; charset=utf-8'))).toBe(true);
    expect(looksLikeHtml(response('\n  <!DOCTYPE HTML><html></html>'))).toBe(true);
    expect(looksLikeHtml(response('<html><body>Sign in</body></html>', 'text/plain'))).toBe(true);
    expect(looksLikeHtml(response('{"a":"<html>"}', 'application/json'))).toBe(false);
  });

  it('makes server text quotable: no tokens, no control characters, one line, bounded', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJzYS0xIn0.c2lnbmF0dXJlLWJ5dGVz';
    expect(quotableServerText(`bad assertion ${jwt} for\nclient\u0000 x`)).toBe('bad assertion [token removed] for client x');
    expect(quotableServerText('a'.repeat(250))).toBe(`${'a'.repeat(200)}…`);
    expect(quotableServerText('abc', 2)).toBe('ab…');
  });

  it.each(['a', 'a.', 'aaaaaaaa.', ' ', '\u0000', '-'])('quotes a megabyte of %j in linear time', (unit) => {
    const text = unit.repeat(Math.floor((1024 * 1024) / unit.length));
    const started = performance.now();
    expect(quotableServerText(text).length).toBeLessThanOrEqual(201);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
