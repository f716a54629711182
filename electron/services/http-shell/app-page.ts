import { HELD_SCRIPT_TYPE, HTTP_PROTOCOL } from '../../../shared/ipc/http-protocol';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/** The desktop policy with the single change browser mode needs: the page may call its own server (connect-src 'self'). */
export const BROWSER_MODE_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

const META_CONNECT_NONE = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*)connect-src 'none'/i;
const FIRST_SCRIPT = /<script\b/i;
const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const TYPE_ATTRIBUTE = /\stype="([^"]*)"/i;

/** A script tag of the app, held (see HELD_SCRIPT_TYPE): its own type moves to data-type. */
function held(_tag: string, attributes: string): string {
  const type = TYPE_ATTRIBUTE.exec(attributes)?.[1];
  return `<script type="${HELD_SCRIPT_TYPE}"${type === undefined ? '' : ` data-type="${type}"`}${attributes.replace(TYPE_ATTRIBUTE, '')}>`;
}

/**
 * The built index.html as `mctoken ui` serves it: its meta policy allows connect-src 'self' (a meta policy applies on top of
 * the header, so both must), the app's scripts are held, and a classic script before them trades the address's launch code
 * for a session, installs `window.workbench` and then starts the app. The renderer itself is unchanged. Throws when the page does not have the expected shape, rather than serving a broken app.
 */
export function browserModePage(indexHtml: string): string {
  if (!META_CONNECT_NONE.test(indexHtml) || !FIRST_SCRIPT.test(indexHtml)) {
    throw new Error('dist/renderer/index.html does not have the expected policy meta tag and script: rebuild with `npm run build`.');
  }
  return indexHtml
    .replace(META_CONNECT_NONE, "$1connect-src 'self'")
    .replace(SCRIPT_TAG, held)
    .replace(FIRST_SCRIPT, `<script src=".${HTTP_PROTOCOL.bridgeScriptPath}"></script>\n    <script`);
}
