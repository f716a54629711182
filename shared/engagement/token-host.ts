// Where a web or public app's token calls go: the tenant's auth host, or the tssd the redirect named (AppExchange partners).
import type { FlowWarning } from '../exchange/flow-types';
import { AUTH_HOST_SUFFIX, tenantFromSubdomain, type EngagementTenant } from './tenant';

/**
 * The tenant of the token calls: the sign-in's own, or with a `tssd` other than its subdomain
 * `https://<tssd>.auth.marketingcloudapis.com/` (the docs: use the subdomain /authorize returned for the token requests), with
 * WARN_TSSD saying so. The tssd is a checked host label, so it can only name a Marketing Cloud auth host.
 */
export function tokenTenantFor(tenant: EngagementTenant, tssd: string | null): { tenant: EngagementTenant; warnings: FlowWarning[] } {
  if (tssd === null || tssd === tenant.subdomain) return { tenant, warnings: [] };
  const tokenTenant = tenantFromSubdomain(tssd);
  return {
    tenant: tokenTenant,
    warnings: [
      {
        code: 'WARN_TSSD',
        message: `The redirect named the tenant-specific subdomain ${tssd}: the token calls go to ${tssd}${AUTH_HOST_SUFFIX}, as the docs say AppExchange partners must.`,
      },
    ],
  };
}
