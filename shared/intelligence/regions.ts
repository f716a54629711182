// The Intelligence regions the docs name, and where each one's discovery document lives.
import { WorkbenchError } from '../errors/workbench-error';

/** The regions the Intelligence docs name. */
export const REGIONS = ['us1', 'us2', 'eu1', 'eu2'] as const;

/** One Intelligence region. */
export type Region = (typeof REGIONS)[number];

/** The exact `aud` every Intelligence client assertion must carry. */
export const INTELLIGENCE_AUDIENCE = 'https://idp.intelligence.salesforce.com';

/**
 * The discovery URL of each region. Only the us1 token endpoint is documented; this pattern is
 * unconfirmed for the others (see domain.md), so it lives in this one table to be easy to change.
 */
export const DISCOVERY_URLS: Readonly<Record<Region, string>> = {
  us1: `${INTELLIGENCE_AUDIENCE}/us1/.well-known/openid-configuration`,
  us2: `${INTELLIGENCE_AUDIENCE}/us2/.well-known/openid-configuration`,
  eu1: `${INTELLIGENCE_AUDIENCE}/eu1/.well-known/openid-configuration`,
  eu2: `${INTELLIGENCE_AUDIENCE}/eu2/.well-known/openid-configuration`,
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
