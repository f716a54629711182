// Readings of Engagement account claims: edition (dataContext), stack, region, environment, organization id.
import type { Interpreter } from '../claim-entry';

const EDITIONS: Readonly<Record<string, string>> = {
  core: 'Core or Advanced edition',
  reseller: 'Agency or Agency Client',
  tiered: 'Enterprise',
  enterprise: 'Enterprise 2.0',
};

const ENGAGEMENT_REGIONS: Readonly<Record<string, string>> = { NA1: 'North America (NA1)', EU1: 'Europe (EU1)' };

/** Interprets `dataContext`: core, reseller, tiered or enterprise as the edition name. */
export const interpretDataContext: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a string; expected core, reseller, tiered or enterprise.';
  return EDITIONS[value] ?? 'Not one of the documented values (core, reseller, tiered, enterprise).';
};

/**
 * Interprets `stackKey` / `stack_key`: nothing to add to a stack name (stacks beyond the older docs' list, such as S11,
 * are ordinary, and URLs come from the tenant-specific endpoints, not from the stack); only a missing one is flagged.
 */
export const interpretStackKey: Interpreter = (value) =>
  typeof value !== 'string' || value === '' ? 'Not a stack name such as S7.' : null;

/** Interprets `region`: NA1 or EU1. */
export const interpretRegion: Interpreter = (value) => {
  if (typeof value !== 'string') return 'Not a string; expected NA1 or EU1.';
  return ENGAGEMENT_REGIONS[value] ?? 'Not one of the documented values (NA1, EU1).';
};

/** Interprets `customerEnvironment`: only Prod, the docs' example, is read; no value list is published. */
export const interpretCustomerEnvironment: Interpreter = (value) => (value === 'Prod' ? "Production (the docs' example value)" : null);

/** Interprets `request.organization.id` against `enterpriseId`: same account, or a business unit of the enterprise. */
export const interpretOrganizationId: Interpreter = (value, context) => {
  const request = context.payload.request as { organization?: { enterpriseId?: unknown } } | undefined;
  const enterpriseId = request?.organization?.enterpriseId;
  if (enterpriseId === undefined || enterpriseId === null) return null;
  // Two numbers, the usual ids, compared as they are: distinct numbers print differently (and 0, -0 print alike).
  const same =
    typeof value === 'number' && typeof enterpriseId === 'number' ? value === enterpriseId : String(value) === String(enterpriseId);
  if (same) {
    return "Equals enterpriseId: the top-level (parent) account, or an agency sub-account (whose enterpriseId is the agency client's own id).";
  }
  return `Differs from enterpriseId (${String(enterpriseId)}): a business unit (sub-account) of that enterprise.`;
};

/** Interprets `request.claimsVersion`: 2 (current) or 1 (legacy). */
export const interpretClaimsVersion: Interpreter = (value) => {
  if (value === 2) return 'Claims version 2 (current)';
  if (value === 1) return 'Claims version 1 (legacy: carries live API tokens under request.user)';
  if (value === '2' || value === '1') return `Claims version ${value}, but as a string; the docs use a number.`;
  return 'Not a documented claims version (1 or 2).';
};

/** Interprets `client_type` of an access token by the two values seen in real tokens (no doc lists them). */
export const interpretClientType: Interpreter = (value) => {
  if (value === 'ServerToServer') return 'A server-to-server integration (client credentials grant).';
  if (value === 'Confidential') return 'A web app integration (a confidential client, authorization code grant).';
  return 'Not one of the values seen in real tokens (ServerToServer, Confidential).';
};
