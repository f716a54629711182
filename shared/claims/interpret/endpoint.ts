// Reads a Marketing Cloud tenant-specific endpoint URL: its subdomain and service.
import type { Interpreter } from '../claim-entry';

const SUFFIX = '.marketingcloudapis.com';

/** Splits `https://<subdomain>.<service>.marketingcloudapis.com/...` into subdomain and service, or null. */
export function parseTenantEndpoint(url: string): { subdomain: string; service: string } | null {
  if (!url.startsWith('https://')) return null;
  const hostEnd = url.indexOf('/', 8);
  const host = (hostEnd === -1 ? url.slice(8) : url.slice(8, hostEnd)).toLowerCase();
  if (!host.endsWith(SUFFIX)) return null;
  const labels = host.slice(0, -SUFFIX.length).split('.');
  if (labels.length !== 2 || labels[0] === '' || labels[1] === '') return null;
  return { subdomain: labels[0]!, service: labels[1]! };
}

/** Interprets a tenant endpoint: "tenant subdomain mc563…, auth service". */
export const interpretTenantEndpoint: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a URL.';
  if (value.startsWith('http://')) return 'Uses http://; Marketing Cloud endpoints are https://.';
  const parsed = parseTenantEndpoint(value);
  if (parsed === null) return 'Not a tenant-specific https://<subdomain>.<service>.marketingcloudapis.com URL.';
  return `Tenant subdomain ${parsed.subdomain}, ${parsed.service} service`;
};
