// The one rule for every URL the token flow contacts: https, or http only on this computer (loopback).
import { WorkbenchError } from '../errors/workbench-error';

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** True when a URL hostname (as `URL` normalizes it) is this computer: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || IPV4_LOOPBACK.test(host);
}

/**
 * Parses and checks an endpoint URL: https only, http allowed for loopback only. `what` names the URL in
 * messages (e.g. "discovery URL"). Throws ERR_URL_INVALID (unparsable, not http(s), credentials) or ERR_URL_INSECURE.
 */
export function checkEndpointUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new WorkbenchError('ERR_URL_INVALID', `The ${what} is not a valid URL: paste the full address, starting with https://.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new WorkbenchError('ERR_URL_INVALID', `The ${what} must start with https:// (it uses ${parsed.protocol.slice(0, 20)}).`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new WorkbenchError('ERR_URL_INVALID', `The ${what} must not contain a user name or password: remove the part before "@".`);
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new WorkbenchError(
      'ERR_URL_INSECURE',
      `The ${what} uses http:// on ${parsed.hostname}: only https:// is allowed (http only for localhost). Use the https:// address.`,
    );
  }
  return parsed;
}
