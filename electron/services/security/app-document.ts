/** Parses a URL, or returns null when it is not one. */
function parseUrl(url: string | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is our own renderer document: a URL of the same scheme (file:, or the app's own app:) with exactly the
 * same host and path as `appFileUrl` (query and hash ignored).
 */
export function isAppDocumentUrl(url: string | undefined, appFileUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appFileUrl);
  if (!candidate || !app || (app.protocol !== 'file:' && app.protocol !== 'app:')) return false;
  return candidate.protocol === app.protocol && candidate.host === app.host && candidate.pathname === app.pathname;
}

/** True when `url` is an http(s) link that may be handed to the system browser. */
export function isExternalWebUrl(url: string | undefined): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}
