// The Intelligence regions the docs name, and where each one's discovery document lives.
import { WorkbenchError } from '../errors/workbench-error';

/** The regions the Intelligence docs name. */
export const REGIONS = ['us1', 'us2', 'eu1', 'eu2'] as const;

/** One Intelligence region. */
export type Region = (typeof REGIONS)[number];

/**
 * The discovery URL of each region: a guess. Only the us1 token endpoint is documented
 * (https://idp.intelligence.salesforce.com/us1/token); these URLs follow its pattern, unconfirmed, and live in this one
 * table to be easy to change. The form and the README recommend pasting the discovery URL the Intelligence UI shows.
 */
export const DISCOVERY_URLS: Readonly<Record<Region, string>> = {
  us1: 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration',
  us2: 'https://idp.intelligence.salesforce.com/us2/.well-known/openid-configuration',
  eu1: 'https://idp.intelligence.salesforce.com/eu1/.well-known/openid-configuration',
  eu2: 'https://idp.intelligence.salesforce.com/eu2/.well-known/openid-configuration',
};

/** True when the value is one of the known region names (exact, lowercase). */
export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** The discovery URL of a region; throws ERR_REGION_UNKNOWN for anything but us1, us2, eu1, eu2. */
export function discoveryUrlForRegion(region: string): string {
  if (!isRegion(region)) {
    const shown = region.replace(/[^\w.-]/g, '').slice(0, 20);
    throw new WorkbenchError(
      'ERR_REGION_UNKNOWN',
      `Unknown region "${shown}": use one of ${REGIONS.join(', ')}, or paste the discovery URL you were given.`,
    );
  }
  return DISCOVERY_URLS[region];
}
