// Where an Engagement tenant's auth server is: from the tenant subdomain or a pasted auth base URL.
import { WorkbenchError } from '../errors/workbench-error';
import { checkEndpointUrl, isLoopbackHost } from '../exchange/endpoint-url';
import type { FlowWarning } from '../exchange/flow-types';

/** The documented tenant-specific auth host suffix: `https://<subdomain>.auth.marketingcloudapis.com/`. */
export const AUTH_HOST_SUFFIX = '.auth.marketingcloudapis.com';

/** The documented tenant-specific REST host suffix: `https://<subdomain>.rest.marketingcloudapis.com/`. */
export const REST_HOST_SUFFIX = '.rest.marketingcloudapis.com';

/** The documented length of a tenant subdomain (it also begins with `mc`). */
export const SUBDOMAIN_LENGTH = 28;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The auth base URL of a tenant (ends with `/`), its subdomain when known, and what looked unusual. */
export interface EngagementTenant {
  authBaseUrl: URL;
  subdomain: string | null;
  warnings: FlowWarning[];
}

/** WARN_SUBDOMAIN_SHAPE unless the subdomain is 28 characters starting with `mc` (the docs' shape): warned, never refused. */
export function subdomainShapeWarning(subdomain: string): FlowWarning | null {
  if (subdomain.length === SUBDOMAIN_LENGTH && subdomain.startsWith('mc')) return null;
  return {
    code: 'WARN_SUBDOMAIN_SHAPE',
    message: `The subdomain "${subdomain}" is not the documented shape (28 characters starting with "mc"): check it against the Authentication Base URI of the installed package.`,
  };
}

/** The tenant of a subdomain as pasted (trimmed, lowercased); ERR_SUBDOMAIN_INVALID when it is not a host name label. */
export function tenantFromSubdomain(subdomain: string): EngagementTenant {
  const label = subdomain.trim().toLowerCase();
  if (label === '') {
    throw new WorkbenchError(
      'ERR_SUBDOMAIN_INVALID',
      'The subdomain is empty: paste the tenant subdomain (the part before .auth.marketingcloudapis.com).',
    );
  }
  if (label.includes('.') || label.includes('/')) {
    throw new WorkbenchError(
      'ERR_SUBDOMAIN_INVALID',
      'The subdomain holds dots or slashes: paste only the part before .auth.marketingcloudapis.com, or give the whole address as the auth base URL.',
    );
  }
  if (!LABEL.test(label)) {
    throw new WorkbenchError(
      'ERR_SUBDOMAIN_INVALID',
      'The subdomain may hold only letters, digits and inner hyphens (at most 63): paste it again.',
    );
  }
  const warning = subdomainShapeWarning(label);
  return { authBaseUrl: new URL(`https://${label}${AUTH_HOST_SUFFIX}/`), subdomain: label, warnings: warning === null ? [] : [warning] };
}

// A path ending in v2/token (any case, with or without "/"), once or more: the token URL pasted as the base.
const TOKEN_PATH_TAIL = /(?:\/v2\/token)+\/?$/i;

/**
 * WARN_AUTH_URL_TOKEN_PATH for an auth base URL pasted with `v2/token` at its end (the token URL, or the base with it
 * appended twice): the workbench removes it, and says why tools that append `v2/token` themselves failed.
 */
export function tokenPathWarning(pasted: string, base: URL): FlowWarning {
  return {
    code: 'WARN_AUTH_URL_TOKEN_PATH',
    message: `The auth base URL ends in ${pasted}: that is the token URL, not the base. The workbench removed it and posts to ${base.href}v2/token.`,
    hint: `Give the base alone (${base.href}). A tool that appends v2/token to what it is given posts to .../v2/token/v2/token, and Marketing Cloud answers unsupported_grant_type there.`,
  };
}

/**
 * The tenant of a pasted auth base URL: https (http only on loopback), query and fragment dropped, a trailing `v2/token`
 * removed (WARN_AUTH_URL_TOKEN_PATH), and a trailing `/` added. A host outside `*.auth.marketingcloudapis.com` (other than
 * loopback) is warned about.
 */
export function tenantFromAuthUrl(authUrl: string): EngagementTenant {
  const url = checkEndpointUrl(authUrl, 'auth base URL');
  // Each URL setter re-parses the address: only what needs changing is set (a bare "?" or "#" has an empty search or hash).
  if (url.href.includes('#')) url.hash = '';
  if (url.href.includes('?')) url.search = '';
  const tokenTail = TOKEN_PATH_TAIL.exec(url.pathname);
  const path = tokenTail === null ? url.pathname : url.pathname.slice(0, tokenTail.index);
  const basePath = path.endsWith('/') ? path : `${path}/`;
  if (basePath !== url.pathname) url.pathname = basePath;
  const host = url.hostname.toLowerCase();
  const warnings: FlowWarning[] = tokenTail === null ? [] : [tokenPathWarning(tokenTail[0].slice(1), url)];
  let subdomain: string | null = null;
  if (host.endsWith(AUTH_HOST_SUFFIX)) {
    subdomain = host.slice(0, -AUTH_HOST_SUFFIX.length);
    const warning = subdomainShapeWarning(subdomain);
    if (warning !== null) warnings.push(warning);
  } else if (!isLoopbackHost(host)) {
    warnings.push({
      code: 'WARN_AUTH_HOST',
      message: `${host} is not a tenant-specific auth host (<subdomain>${AUTH_HOST_SUFFIX}): the docs require tenant-specific endpoints.`,
    });
  }
  return { authBaseUrl: url, subdomain, warnings };
}

/** The tenant from exactly one of a subdomain or an auth base URL; ERR_SUBDOMAIN_INVALID when neither or both are given. */
export function resolveTenant(where: { subdomain?: string | null; authUrl?: string | null }): EngagementTenant {
  const subdomain = where.subdomain?.trim() ?? '';
  const authUrl = where.authUrl?.trim() ?? '';
  if (subdomain !== '' && authUrl !== '') {
    throw new WorkbenchError('ERR_SUBDOMAIN_INVALID', 'Give either the subdomain or the auth base URL, not both.');
  }
  if (authUrl !== '') return tenantFromAuthUrl(authUrl);
  if (subdomain !== '') return tenantFromSubdomain(subdomain);
  throw new WorkbenchError(
    'ERR_SUBDOMAIN_INVALID',
    'Give the tenant subdomain or the auth base URL (https://<subdomain>.auth.marketingcloudapis.com/).',
  );
}

/**
 * The REST instance URL a token answer (or userinfo) names, checked before the access token is sent there: only
 * `https://<the tenant's subdomain>.rest.marketingcloudapis.com/`, or, when the auth host is loopback (a local test server,
 * where there is no subdomain to compare), an address on the auth server's own origin. ERR_REST_HOST_REFUSED otherwise:
 * a token server cannot point the token at another tenant or another site.
 */
export function checkRestInstanceUrl(restInstanceUrl: string, tenant: EngagementTenant): URL {
  const url = checkEndpointUrl(restInstanceUrl, 'REST instance URL');
  const auth = tenant.authBaseUrl;
  const sameTenant =
    tenant.subdomain !== null
      ? url.protocol === 'https:' && url.port === '' && url.hostname.toLowerCase() === `${tenant.subdomain}${REST_HOST_SUFFIX}`
      : isLoopbackHost(auth.hostname) && url.origin === auth.origin;
  if (sameTenant) return url;
  const expected = tenant.subdomain !== null ? `https://${tenant.subdomain}${REST_HOST_SUFFIX}/` : `an address on ${auth.host}`;
  throw new WorkbenchError(
    'ERR_REST_HOST_REFUSED',
    `The token server named ${url.host} as the REST instance, which is not this tenant's (${expected}): the access token was not sent there. Check the subdomain or auth base URL.`,
  );
}
