import { HTTP_PROTOCOL } from '../../../shared/ipc/http-protocol';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/** The desktop policy with the single change browser mode needs: the page may call its own server (connect-src 'self'). */
export const BROWSER_MODE_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

const META_CONNECT_NONE = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*)connect-src 'none'/i;
const FIRST_SCRIPT = /<script\b/i;

/**
 * The built index.html as `mctoken ui` serves it: its meta policy allows connect-src 'self' (a meta policy applies on top of
 * the header, so both must), and a classic script installing `window.workbench` runs before the app's deferred script. The
 * renderer itself is unchanged. Throws when the page does not have the expected shape, rather than serving a broken app.
 */
export function browserModePage(indexHtml: string): string {
  if (!META_CONNECT_NONE.test(indexHtml) || !FIRST_SCRIPT.test(indexHtml)) {
    throw new Error('dist/renderer/index.html does not have the expected policy meta tag and script: rebuild with `npm run build`.');
  }
  return indexHtml
    .replace(META_CONNECT_NONE, "$1connect-src 'self'")
    .replace(FIRST_SCRIPT, `<script src=".${HTTP_PROTOCOL.bridgeScriptPath}"></script>\n    <script`);
}
