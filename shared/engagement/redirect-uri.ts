// The redirect URI of a web or public app's API Integration: what the authorize request names and the code exchange repeats.
import { WorkbenchError } from '../errors/workbench-error';
import type { FlowWarning } from '../exchange/flow-types';
import { isLoopbackHost } from '../exchange/endpoint-url';

/** The docs: "You can use https://127.0.0.1:80/ as a redirect URI for local testing". */
export const DOCUMENTED_LOCAL_REDIRECT_URI = 'https://127.0.0.1:80/';

const MAX_REDIRECT_URI_LENGTH = 2048;

/**
 * The redirect URI as typed (trimmed, never rewritten: the server compares it exactly with the registered one), checked: an
 * absolute https URL without credentials or fragment. Plain http is sent with WARN_REDIRECT_URI (no page says it is allowed);
 * so is a URI holding `%` (the docs: a URL-encoded redirect URI cannot be registered). ERR_REDIRECT_URI_INVALID otherwise.
 */
export function checkRedirectUri(text: string): { redirectUri: string; warnings: FlowWarning[] } {
  const redirectUri = text.trim();
  const invalid = (why: string): WorkbenchError =>
    new WorkbenchError('ERR_REDIRECT_URI_INVALID', `The redirect URI ${why}.`, {
      hint: `Paste the redirect URL exactly as it is registered on the package's API Integration (for local testing the docs give ${DOCUMENTED_LOCAL_REDIRECT_URI}).`,
    });
  if (redirectUri === '') throw invalid('is empty');
  if (redirectUri.length > MAX_REDIRECT_URI_LENGTH || /[\s\p{Cc}]/u.test(redirectUri))
    throw invalid('is too long or holds spaces or control characters');
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw invalid('is not an absolute URL (https://…)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`uses ${url.protocol.slice(0, 20)}, not https`);
  if (url.username !== '' || url.password !== '') throw invalid('holds a user name or password');
  if (redirectUri.includes('#')) throw invalid('holds a fragment (#…), which a browser never sends back');
  const warnings: FlowWarning[] = [];
  if (url.protocol === 'http:') {
    warnings.push({
      code: 'WARN_REDIRECT_URI',
      message: `The redirect URI uses plain http${isLoopbackHost(url.hostname) ? ' on this computer' : ''}: the docs require HTTPS for Marketing Cloud app URLs and name only ${DOCUMENTED_LOCAL_REDIRECT_URI} for local testing; sent as typed.`,
    });
  }
  if (redirectUri.includes('%')) {
    warnings.push({
      code: 'WARN_REDIRECT_URI',
      message:
        'The redirect URI holds %-escapes: the docs say a URL-encoded redirect URI cannot be registered. Paste it unencoded; the workbench encodes it in the authorize request.',
    });
  }
  return { redirectUri, warnings };
}
