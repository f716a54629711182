import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { checkEndpointUrl } from '../exchange/endpoint-url';
import { INTELLIGENCE_AUDIENCE } from '../decode/intelligence-audience';
import { DISCOVERY_URLS, REGIONS, discoveryUrlForRegion, isRegion } from './regions';

describe('regions', () => {
  it('names the four documented regions and the exact audience', () => {
    expect(REGIONS).toEqual(['us1', 'us2', 'eu1', 'eu2']);
    expect(INTELLIGENCE_AUDIENCE).toBe('https://idp.intelligence.salesforce.com');
  });

  it.each(REGIONS)('derives the discovery URL of %s from the one table', (region) => {
    expect(isRegion(region)).toBe(true);
    expect(discoveryUrlForRegion(region)).toBe(`https://idp.intelligence.salesforce.com/${region}/.well-known/openid-configuration`);
    expect(discoveryUrlForRegion(region)).toBe(DISCOVERY_URLS[region]);
    expect(checkEndpointUrl(discoveryUrlForRegion(region), 'discovery URL').protocol).toBe('https:');
  });

  it.each([['US1'], ['us3'], [''], [' us1'], [1], [null]])('isRegion(%j) is false', (value) => {
    expect(isRegion(value)).toBe(false);
  });

  it('refuses an unknown region with ERR_REGION_UNKNOWN and the list of regions', () => {
    const call = () => discoveryUrlForRegion('us3');
    expect(call).toThrow(WorkbenchError);
    expect(call).toThrow(
      expect.objectContaining({
        code: 'ERR_REGION_UNKNOWN',
        message: 'Unknown region "us3": use one of us1, us2, eu1, eu2, or paste the discovery URL you were given.',
      }),
    );
  });

  it('keeps odd characters of an unknown region out of the message', () => {
    expect(() => discoveryUrlForRegion('<script>"x"</script>')).toThrow(
      expect.objectContaining({
        code: 'ERR_REGION_UNKNOWN',
        message: 'Unknown region "scriptxscript": use one of us1, us2, eu1, eu2, or paste the discovery URL you were given.',
      }),
    );
  });
});
