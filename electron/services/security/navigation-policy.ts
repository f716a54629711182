import { isAppDocumentUrl, isExternalWebUrl } from './app-document';

/** What to do with a navigation or window-open request: stay (our own file), hand to the system browser, or refuse. */
export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** Decides a main-frame navigation: our file stays; http(s) links go to the system browser; everything else is refused. */
export function decideNavigation(url: string, appFileUrl: string): NavigationDecision {
  if (isAppDocumentUrl(url, appFileUrl)) return 'allow';
  return isExternalWebUrl(url) ? 'open-external' : 'deny';
}

/** Decides a window.open / target=_blank request: never a new app window; http(s) links go to the system browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isExternalWebUrl(url) ? 'open-external' : 'deny';
}
