import { app, shell, type Session } from 'electron';
import { withContentSecurityPolicy } from '../services/security/content-security-policy';
import { decideNavigation, decideWindowOpen } from '../services/security/navigation-policy';

/** Hands an http(s) link to the system browser, ignoring failures (nothing to show the user from here). */
function openInBrowser(url: string): void {
  void shell.openExternal(url).catch(() => undefined);
}

/** Opens a web sign-in's page in the system browser: the URL is one the main process built (web-sign-in-service checks it). */
export function openSignInPage(url: string): Promise<void> {
  return shell.openExternal(url);
}

/**
 * The one place for web-contents security: every web contents may only show our renderer file; other navigations and
 * redirects are refused (http(s) links open in the system browser), new windows and webviews are refused.
 */
export function installWebContentsPolicy(appFileUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      const decision = decideNavigation(event.url, appFileUrl);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'open-external') openInBrowser(event.url);
    });
    contents.on('will-frame-navigate', (event) => {
      if (decideNavigation(event.url, appFileUrl) !== 'allow') event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (decideNavigation(event.url, appFileUrl) !== 'allow') event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideWindowOpen(url) === 'open-external') openInBrowser(url);
      return { action: 'deny' };
    });
  });
}

/** Session policies: every permission request and check is denied, and every response carries the strict CSP header. */
export function installSessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
}
