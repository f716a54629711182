import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEEP_BODY, MASK, SHOWN_BODY_LIMIT, showRequest, showResponse, truncateBody } from './shown-exchange';
import type { TimedResponse } from './timed-request';

const response = (body: string, headers: Array<[string, string]> = []): TimedResponse => ({
  url: 'https://x.example/t',
  status: 200,
  headers,
  body,
  serverDateMs: null,
});

describe('shown exchanges', () => {
  it('truncates long bodies and says by how much', () => {
    expect(truncateBody('abc', 5)).toBe('abc');
    expect(truncateBody('abcdefgh', 5)).toBe('abcde\n… (3 more characters not shown)');
    expect(SHOWN_BODY_LIMIT).toBe(4096);
    expect(truncateBody('x'.repeat(5000))).toHaveLength(4096 + '\n… (904 more characters not shown)'.length);
  });

  it('flags sensitive parameters and headers of a request', () => {
    const shown = showRequest(
      new URL('https://x.example/token'),
      { method: 'POST', headers: { Accept: 'application/json', Authorization: 'Bearer abc' } },
      [
        ['client_id', 'sa-1'],
        ['client_assertion', 'aaa.bbb.ccc'],
      ],
      ['client_assertion'],
    );
    expect(shown).toEqual({
      method: 'POST',
      url: 'https://x.example/token',
      headers: [
        { name: 'Accept', value: 'application/json', sensitive: false },
        { name: 'Authorization', value: 'Bearer abc', sensitive: true },
      ],
      params: [
        { name: 'client_id', value: 'sa-1', sensitive: false },
        { name: 'client_assertion', value: 'aaa.bbb.ccc', sensitive: true },
      ],
    });
  });

  it('masks sensitive JSON values in the body and keeps them for the reveal toggle', () => {
    const shown = showResponse(
      response('{"access_token":"s3cr3t-token","expires_in":300}', [
        ['set-cookie', 'a=b'],
        ['date', 'x'],
      ]),
      ['access_token', 'refresh_token'],
    );
    expect(shown.body).toBe(`{\n  "access_token": "${MASK}",\n  "expires_in": 300\n}`);
    expect(shown.body).not.toContain('s3cr3t-token');
    expect(shown.revealedBody).toBe('{\n  "access_token": "s3cr3t-token",\n  "expires_in": 300\n}');
    expect(shown.headers).toEqual([
      { name: 'set-cookie', value: 'a=b', sensitive: true },
      { name: 'date', value: 'x', sensitive: false },
    ]);
  });

  it('masks exactly the top-level sensitive strings, whatever else the body holds (nested copies, escapes, look-alike text)', () => {
    // Few distinct strings, so nested members often repeat a token's key and value (and come first in the text).
    const text = fc.constantFrom('', 'tok', 'a"b\\c', '\n  "access_token": "tok"', 'é\u2028');
    const value = fc.oneof(
      text,
      fc.integer(),
      fc.constant(null),
      fc.dictionary(fc.constantFrom('access_token', 'refresh_token', 'a'), text),
    );
    const body = fc.record(
      { other: value, nested: value, access_token: text, refresh_token: fc.oneof(text, fc.integer()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(body, (json) => {
        const shown = showResponse(response(JSON.stringify(json)), ['access_token', 'refresh_token']);
        const masked: Record<string, unknown> = { ...json };
        for (const key of ['access_token', 'refresh_token']) if (typeof masked[key] === 'string') masked[key] = MASK;
        const hides = typeof json.access_token === 'string' || typeof json.refresh_token === 'string';
        expect(shown.body).toBe(hides ? JSON.stringify(masked, null, 2) : JSON.stringify(json));
        expect(shown.revealedBody).toBe(hides ? JSON.stringify(json, null, 2) : undefined);
      }),
    );
  });

  it('shows other bodies as they are, with no revealedBody', () => {
    expect(showResponse(response('<html>oops</html>'), ['access_token'])).toEqual({ status: 200, headers: [], body: '<html>oops</html>' });
    expect(showResponse(response('{"error":"invalid_client"}'), ['access_token'])).toEqual({
      status: 200,
      headers: [],
      body: '{"error":"invalid_client"}',
    });
  });
});

describe('a deeply nested body', () => {
  const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  it('does not re-print a server body nested deeper than MAX_JSON_DEPTH in a step', () => {
    const body = `{"access_token":"secret-token","a":${nested(100_000)}}`;
    const shown = showResponse({ url: 'https://idp.example.com/t', status: 200, headers: [], body, serverDateMs: null }, ['access_token']);
    expect(shown).toEqual({ status: 200, headers: [], body: DEEP_BODY });
  });
});
