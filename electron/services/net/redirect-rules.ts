/** HTTP statuses that redirect and carry a Location header. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that carry credentials: never sent on to another origin. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'] as const;

/** Headers that describe a body: dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'] as const;

/** True when the status is a redirect the fetch standard follows. */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** True when following this redirect turns the request into a body-less GET (303, or 301/302 after a POST), as the fetch standard says. */
export function redirectBecomesGet(status: number, method: string): boolean {
  if (status === 303) return method !== 'GET' && method !== 'HEAD';
  return (status === 301 || status === 302) && method === 'POST';
}

/** Removes the credential headers (Authorization, Proxy-Authorization, Cookie) in place. */
export function dropCredentialHeaders(headers: Headers): void {
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
}

/** Removes the body headers in place. */
export function dropBodyHeaders(headers: Headers): void {
  for (const name of BODY_HEADERS) headers.delete(name);
}
