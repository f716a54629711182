import { describe, expect, it } from 'vitest';
import type { WorkbenchError } from '../errors/workbench-error';
import { newAuthState, sameState } from './auth-state';
import { readRedirectAnswer } from './redirect-answer';
import { checkRedirectUri } from './redirect-uri';
import { planWebSignIn } from './web-sign-in-plan';

const SUB = 'mcabcdefghijklmnopqrstuvwxyz';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as WorkbenchError).code;
  }
  return 'no error';
}

describe('planWebSignIn', () => {
  it('builds v2/authorize on the tenant with every value encoded, the documented local redirect by default, and a random state', () => {
    const plan = planWebSignIn({ clientId: 'cid', subdomain: SUB, scope: 'email_read offline' }, () => 1000, 'st-1');
    expect(plan.authorizeUrl).toBe(
      `https://${SUB}.auth.marketingcloudapis.com/v2/authorize?response_type=code&client_id=cid&redirect_uri=https%3A%2F%2F127.0.0.1%3A80%2F&scope=email_read%20offline&state=st-1`,
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.savedWhere).toEqual({ subdomain: SUB });
    expect(newAuthState()).toMatch(/^[\w-]{43}$/);
    expect(newAuthState()).not.toBe(newAuthState());
  });

  it('leaves scope out when none is given, adds account_id only when given, and warns without offline', () => {
    const plan = planWebSignIn({ clientId: 'cid', authUrl: `https://${SUB}.auth.marketingcloudapis.com/`, accountId: '510001' });
    expect(new URL(plan.authorizeUrl).searchParams.has('scope')).toBe(false);
    expect(new URL(plan.authorizeUrl).searchParams.get('account_id')).toBe('510001');
    expect(plan.savedWhere).toEqual({ authUrl: `https://${SUB}.auth.marketingcloudapis.com/` });
    const noOffline = planWebSignIn({ clientId: 'cid', subdomain: SUB, scope: 'email_read' });
    expect(noOffline.warnings.map((w) => w.code)).toEqual(['WARN_NO_REFRESH_TOKEN']);
  });

  it('checks the redirect URI: https, no fragment or credentials; http and %-escapes only warned', () => {
    expect(codeOf(() => checkRedirectUri('127.0.0.1:80'))).toBe('ERR_REDIRECT_URI_INVALID');
    expect(codeOf(() => checkRedirectUri('ftp://x/'))).toBe('ERR_REDIRECT_URI_INVALID');
    expect(codeOf(() => checkRedirectUri('https://a/#x'))).toBe('ERR_REDIRECT_URI_INVALID');
    expect(codeOf(() => checkRedirectUri('https://u:p@a/'))).toBe('ERR_REDIRECT_URI_INVALID');
    expect(checkRedirectUri(' https://127.0.0.1:80/cb ').redirectUri).toBe('https://127.0.0.1:80/cb');
    expect(checkRedirectUri('http://localhost:8080/').warnings.map((w) => w.code)).toEqual(['WARN_REDIRECT_URI']);
    expect(checkRedirectUri('https://a/%20').warnings.map((w) => w.code)).toEqual(['WARN_REDIRECT_URI']);
  });
});

describe('readRedirectAnswer', () => {
  const expected = { redirectUri: 'https://127.0.0.1:80/', state: 'st-1' };

  it('takes the code and the tssd from the whole address or its query', () => {
    expect(readRedirectAnswer(' https://127.0.0.1:80/?code=abc&state=st-1 ', expected)).toEqual({ code: 'abc', tssd: null, state: 'st-1' });
    expect(readRedirectAnswer('?code=abc&state=st-1&tssd=MCPartner1', expected)).toEqual({
      code: 'abc',
      tssd: 'mcpartner1',
      state: 'st-1',
    });
  });

  it('refuses a missing or other state before anything else, even with an error or a code', () => {
    for (const pasted of [
      'https://127.0.0.1:80/?code=abc',
      'https://127.0.0.1:80/?code=abc&state=st-2',
      '?error=access_denied&state=other',
    ])
      expect(codeOf(() => readRedirectAnswer(pasted, expected))).toBe('ERR_AUTH_STATE_MISMATCH');
    expect(sameState('st-1', 'st-1')).toBe(true);
    expect(sameState('', '')).toBe(false);
  });

  it('explains error=access_denied and other errors with the server description', () => {
    expect(codeOf(() => readRedirectAnswer('https://127.0.0.1:80/?error=access_denied&state=st-1', expected))).toBe('ERR_AUTH_DENIED');
    let message = '';
    try {
      readRedirectAnswer('https://127.0.0.1:80/?error=invalid_scope&error_description=Unknown%20scope&state=st-1', expected);
    } catch (error) {
      message = (error as WorkbenchError).message;
      expect((error as WorkbenchError).code).toBe('ERR_AUTH_ERROR');
    }
    expect(message).toContain('invalid_scope: Unknown scope');
  });

  it('refuses another address, no code, a repeated code, a malformed tssd, control characters and plain text', () => {
    for (const pasted of [
      'https://evil.example/?code=abc&state=st-1',
      'https://127.0.0.1:80/other?code=abc&state=st-1',
      'https://127.0.0.1:80/?state=st-1',
      'https://127.0.0.1:80/?code=a&code=b&state=st-1',
      'https://127.0.0.1:80/?code=a&state=st-1&tssd=a.b',
      'https://127.0.0.1:80/?code=a&state=st-1\u001b[2J',
      'just some text',
      '',
    ])
      expect(codeOf(() => readRedirectAnswer(pasted, expected))).toBe('ERR_AUTH_REDIRECT_INVALID');
  });
});
