// The address the browser ended on after sign-in, pasted back: checked against the redirect URI and the state sent, then
// its `code` (and `tssd`, for AppExchange partners) taken, or the `error` the authorization server put there explained.
import { WorkbenchError } from '../errors/workbench-error';
import { quotableServerText } from '../exchange/response-body';
import { sameState } from './auth-state';

/** What a redirect carried: the code (single-use, valid 5 minutes), and the tenant-specific subdomain when one was sent. */
export interface RedirectAnswer {
  code: string;
  tssd: string | null;
  state: string;
}

/** The docs: a code has at most 512 characters; room is left for change, never for a whole page. */
const MAX_CODE_LENGTH = 2048;
const MAX_PASTE_LENGTH = 16 * 1024;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const SIGN_IN_AGAIN = 'Sign in again (a new state and code), and paste the address the browser ends on.';

function invalid(message: string): WorkbenchError {
  return new WorkbenchError('ERR_AUTH_REDIRECT_INVALID', message, { hint: SIGN_IN_AGAIN });
}

/** The query of the pasted text: a whole address, or only its `?code=…&state=…` part. */
function queryOf(pasted: string, redirectUri: string): URLSearchParams {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pasted)) {
    let url: URL;
    try {
      url = new URL(pasted);
    } catch {
      throw invalid('The pasted text is not an address: copy the whole address from the browser’s address bar.');
    }
    const expected = new URL(redirectUri);
    if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
      throw invalid(
        `The pasted address (${quotableServerText(`${url.origin}${url.pathname}`, 120)}) is not the redirect URI (${expected.origin}${expected.pathname}): paste the address the browser ended on after signing in.`,
      );
    }
    return url.searchParams;
  }
  if (!pasted.includes('=')) throw invalid('The pasted text is not an address: copy the whole address from the browser’s address bar.');
  return new URLSearchParams(pasted.replace(/^\?/, ''));
}

/** One value of a parameter: ERR_AUTH_REDIRECT_INVALID when it is repeated (a pasted address should never hold two). */
function single(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  if (values.length > 1) throw invalid(`The pasted address holds ${name} ${values.length} times: paste the address the browser ended on.`);
  return values[0] ?? null;
}

/**
 * Reads the pasted redirect address. ERR_AUTH_STATE_MISMATCH when its state is missing or not the one sent (the code is
 * not used); ERR_AUTH_DENIED for `error=access_denied` and ERR_AUTH_ERROR for another `error`; ERR_AUTH_REDIRECT_INVALID
 * for text that is not the redirect URI's address, has no code, or a malformed tssd.
 */
export function readRedirectAnswer(pastedText: string, expected: { redirectUri: string; state: string }): RedirectAnswer {
  const pasted = pastedText.trim();
  if (pasted === '') throw invalid('Nothing was pasted: paste the address the browser ended on after signing in.');
  if (pasted.length > MAX_PASTE_LENGTH || /\p{Cc}/u.test(pasted))
    throw invalid('The pasted text is too long or holds line breaks or control characters: paste only the address.');
  const query = queryOf(pasted, expected.redirectUri);
  const state = single(query, 'state');
  const error = single(query, 'error');
  if (state !== null && !sameState(expected.state, state)) throw stateMismatch('is not the one this sign-in sent');
  if (error !== null) throw authorizeError(error, single(query, 'error_description'));
  if (state === null) throw stateMismatch('is missing');
  const code = single(query, 'code');
  if (code === null || code === '')
    throw invalid('The pasted address has no code: paste the address the browser ended on after signing in.');
  if (code.length > MAX_CODE_LENGTH || /\s/.test(code)) throw invalid('The code in the pasted address is too long or holds spaces.');
  const tssd = single(query, 'tssd');
  if (tssd !== null && !LABEL.test(tssd)) throw invalid('The tssd in the pasted address is not a subdomain (letters, digits, hyphens).');
  return { code, tssd: tssd === null || tssd === '' ? null : tssd.toLowerCase(), state };
}

function stateMismatch(what: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_AUTH_STATE_MISMATCH',
    `The state in the pasted address ${what}: this address does not belong to this sign-in, so its code was not used.`,
    {
      hint: 'Paste the address from the sign-in you just started (an older tab or another sign-in has another state), or start the sign-in again.',
    },
  );
}

function authorizeError(error: string, description: string | null): WorkbenchError {
  const name = quotableServerText(error, 60);
  const said = description === null ? '' : `: ${quotableServerText(description)}`;
  if (error === 'access_denied') {
    return new WorkbenchError('ERR_AUTH_DENIED', `The sign-in was refused (access_denied${said}).`, {
      hint: 'The user declined, or may not use this package: check that the user has access to the installed package, the business unit, and the scopes asked for; then sign in again.',
    });
  }
  return new WorkbenchError('ERR_AUTH_ERROR', `The authorization server answered ${name}${said}.`, {
    hint: 'Check the client id, that the redirect URI is registered on the API Integration exactly as typed, and the scopes; then sign in again.',
  });
}
