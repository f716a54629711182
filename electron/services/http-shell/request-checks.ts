import type { IncomingHttpHeaders } from 'node:http';

/** The only address `mctoken ui` ever binds to: loopback IPv4, never a LAN interface. */
export const LOOPBACK_HOST = '127.0.0.1';

/** The server's own origin, e.g. `http://127.0.0.1:41234`. */
export function loopbackOrigin(port: number): string {
  return `http://${LOOPBACK_HOST}:${port}`;
}

/**
 * True when the Host header is exactly `127.0.0.1:PORT`. Anything else (a DNS name pointing at 127.0.0.1, `localhost`, another
 * port) is refused, page included: that is what stops a DNS-rebinding site from reading the page or calling the API.
 */
export function isExpectedHost(headers: IncomingHttpHeaders, port: number): boolean {
  return headers.host === `${LOOPBACK_HOST}:${port}`;
}

/** True when the request has no Origin (same-origin GETs, navigations) or exactly our own; `null` and foreign origins are refused. */
export function isAllowedOrigin(headers: IncomingHttpHeaders, port: number): boolean {
  return headers.origin === undefined || headers.origin === loopbackOrigin(port);
}
