// "Copy as curl" for the token request: it carries the short-lived signed assertion, never the private key.
import type { TokenRequestStyle } from '../exchange/flow-types';

/** Quotes a string for a POSIX shell (single quotes; embedded quotes as '\''). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A curl command reproducing the token request: form parameters as --data-urlencode, or in the query string of an empty POST. */
export function tokenRequestCurl(tokenEndpoint: URL, params: ReadonlyArray<readonly [string, string]>, style: TokenRequestStyle): string {
  const lines = ['curl --silent --show-error --request POST'];
  if (style === 'query') {
    const url = new URL(tokenEndpoint.href);
    for (const [name, value] of params) url.searchParams.append(name, value);
    lines.push(
      `  --header ${shellQuote('Accept: application/json')}`,
      `  --header ${shellQuote('Content-Length: 0')}`,
      `  ${shellQuote(url.href)}`,
    );
  } else {
    lines.push(`  --header ${shellQuote('Accept: application/json')}`);
    for (const [name, value] of params) lines.push(`  --data-urlencode ${shellQuote(`${name}=${value}`)}`);
    lines.push(`  ${shellQuote(tokenEndpoint.href)}`);
  }
  return lines.join(' \\\n');
}
