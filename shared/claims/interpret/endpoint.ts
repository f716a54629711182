// Reads a Marketing Cloud endpoint URL: a tenant-specific one's subdomain and service, or a legacy shared host.
import type { Interpreter } from '../claim-entry';

const SUFFIX = '.marketingcloudapis.com';
const LEGACY_SUFFIX = '.exacttargetapis.com';
const LEGACY_AUTH_HOST = 'auth.exacttarget.com';
/** Documented shape of a tenant subdomain: 28 characters beginning with `mc`. */
const SUBDOMAIN_LENGTH = 28;

function httpsHost(url: string): string | null {
  // A slice compared, not startsWith: for this 8-character prefix, startsWith cost V8 about twice as much.
  if (url.slice(0, 8) !== 'https://') return null;
  const hostEnd = url.indexOf('/', 8);
  return (hostEnd === -1 ? url.slice(8) : url.slice(8, hostEnd)).toLowerCase();
}

/**
 * Where the subdomain of a lowercased host `<subdomain>.<service>.marketingcloudapis.com` ends (its dot), or -1. The two
 * labels before the suffix are found in the host itself: the suffix's own dot is the next one after theirs.
 */
function tenantDot(host: string): number {
  if (!host.endsWith(SUFFIX)) return -1;
  const end = host.length - SUFFIX.length;
  const dot = host.indexOf('.');
  return dot > 0 && dot < end - 1 && host.indexOf('.', dot + 1) === end ? dot : -1;
}

/** The subdomain and service of a lowercased host `<subdomain>.<service>.marketingcloudapis.com`, or null. */
function tenantOf(host: string | null): { subdomain: string; service: string } | null {
  const dot = host === null ? -1 : tenantDot(host);
  if (host === null || dot === -1) return null;
  return { subdomain: host.slice(0, dot), service: host.slice(dot + 1, host.length - SUFFIX.length) };
}

/** Splits `https://<subdomain>.<service>.marketingcloudapis.com/...` into subdomain and service, or null. */
export function parseTenantEndpoint(url: string): { subdomain: string; service: string } | null {
  return tenantOf(httpsHost(url));
}

function isLegacyHost(host: string | null): boolean {
  if (host === null) return false;
  if (host === LEGACY_AUTH_HOST) return true;
  const label = host.endsWith(LEGACY_SUFFIX) ? host.slice(0, -LEGACY_SUFFIX.length) : '';
  return label !== '' && !label.includes('.');
}

/** True for the shared ExactTarget hosts that came before tenant-specific endpoints (`*.exacttargetapis.com`, `auth.exacttarget.com`). */
export function isLegacyEndpointHost(url: string): boolean {
  return isLegacyHost(httpsHost(url));
}

/** Interprets a tenant endpoint: "Tenant subdomain mc563…, auth service"; legacy shared hosts and odd subdomains are said so. */
export const interpretTenantEndpoint: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a URL.';
  const host = httpsHost(value);
  // The tenant case first, the usual one: a host under the tenant suffix is neither http:// nor a legacy host. Read by
  // index, with no record built for it.
  const dot = host === null ? -1 : tenantDot(host);
  if (host === null || dot === -1) {
    if (value.startsWith('http://')) return 'Uses http://; Marketing Cloud endpoints are https://.';
    if (isLegacyHost(host)) {
      return 'A legacy shared ExactTarget host. Current docs require the tenant-specific https://<subdomain>.<service>.marketingcloudapis.com endpoints (mandatory on Hyperforce).';
    }
    return 'Not a tenant-specific https://<subdomain>.<service>.marketingcloudapis.com URL.';
  }
  const reading = 'Tenant subdomain ' + host.slice(0, dot) + ', ' + host.slice(dot + 1, host.length - SUFFIX.length) + ' service';
  // The subdomain is host[0, dot): its length is dot, and 'mc' is read at the host's start.
  if (dot === SUBDOMAIN_LENGTH && host.charCodeAt(0) === 0x6d && host.charCodeAt(1) === 0x63) return reading;
  return `${reading}; but a tenant subdomain is 28 characters beginning with mc, and this one is not: check where the URL came from.`;
};
