import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './content-security-policy';
import { isAppDocumentUrl, isExternalWebUrl } from './app-document';
import { forbiddenSenderResult, isTrustedIpcSender } from './ipc-sender';
import { decideNavigation, decideWindowOpen } from './navigation-policy';

const APP = 'file:///opt/MC%20Token%20Workbench/resources/app.asar/dist/renderer/index.html';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; worker-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('replaces any policy the response had, whatever its letter case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'CONTENT-SECURITY-POLICY': 'script-src *',
      'X-Other': ['1'],
    });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  });
});

describe('the renderer’s meta-tag policy', () => {
  it('is the header policy without frame-ancestors (which browsers ignore, with a console warning, in a meta tag)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('isAppDocumentUrl', () => {
  it.each([
    [APP, true],
    [`${APP}#/credentials`, true],
    [`${APP}?x=1`, true],
    ['file:///opt/MC%20Token%20Workbench/resources/app.asar/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/dist/renderer/index.html', false],
    ['http://127.0.0.1/opt/MC%20Token%20Workbench/resources/app.asar/dist/renderer/index.html', false],
    ['about:blank', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isAppDocumentUrl(url, APP)).toBe(expected);
  });

  it('never trusts anything when the app URL is not a file URL', () => {
    expect(isAppDocumentUrl('https://a.example/', 'https://a.example/')).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it.each([
    ['https://help.salesforce.com/s/articleView?id=x', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['mailto:a@b.c', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isExternalWebUrl(url)).toBe(expected);
  });
});

describe('isTrustedIpcSender', () => {
  const mainFrame = { name: 'main frame' };
  const trusted = { mainFrame, appFileUrl: APP };

  it('trusts our main frame showing our file', () => {
    expect(isTrustedIpcSender({ frame: mainFrame, frameUrl: APP }, trusted)).toBe(true);
  });

  it.each([
    ['a subframe or another window', { frame: { name: 'iframe' }, frameUrl: APP }],
    ['a destroyed frame', { frame: null, frameUrl: APP }],
    ['our frame after navigating elsewhere', { frame: mainFrame, frameUrl: 'https://evil.example/' }],
    ['our frame showing another local file', { frame: mainFrame, frameUrl: 'file:///tmp/evil.html' }],
    ['our frame with no URL', { frame: mainFrame, frameUrl: undefined }],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedIpcSender(sender, trusted)).toBe(false);
  });

  it('refuses everything while there is no main window', () => {
    expect(isTrustedIpcSender({ frame: mainFrame, frameUrl: APP }, { mainFrame: null, appFileUrl: APP })).toBe(false);
  });

  it('gives refused senders ERR_IPC_FORBIDDEN_SENDER', () => {
    expect(forbiddenSenderResult()).toEqual({
      ok: false,
      error: {
        code: 'ERR_IPC_FORBIDDEN_SENDER',
        message: 'This request came from outside the app window and was refused. Use the app window itself.',
      },
    });
  });
});

describe('navigation policy', () => {
  it.each([
    [APP, 'allow'],
    [`${APP}#/profiles`, 'allow'],
    ['https://help.salesforce.com/', 'open-external'],
    ['http://example.com/', 'open-external'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['data:text/html,<script>1</script>', 'deny'],
  ] as const)('navigating to %s → %s', (url, expected) => {
    expect(decideNavigation(url, APP)).toBe(expected);
  });

  it.each([
    [APP, 'deny'],
    ['https://help.salesforce.com/', 'open-external'],
    ['about:blank', 'deny'],
  ] as const)('window.open(%s) → %s', (url, expected) => {
    expect(decideWindowOpen(url)).toBe(expected);
  });
});
