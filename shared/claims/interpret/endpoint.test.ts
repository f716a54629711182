import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { interpretTenantEndpoint, isLegacyEndpointHost, parseTenantEndpoint } from './endpoint';

const ctx: InterpretContext = { now: 0, kind: 'engagement-sso-v2', header: {}, payload: {} };
const SUB = 'mc563885gzs27c5t9-63k636ttgm';

describe('tenant endpoints', () => {
  it('finds the subdomain and service', () => {
    expect(parseTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com/v1/requestToken`)).toEqual({ subdomain: SUB, service: 'auth' });
    expect(parseTenantEndpoint(`https://${SUB}.rest.marketingcloudapis.com/`)).toEqual({ subdomain: SUB, service: 'rest' });
    expect(parseTenantEndpoint(`https://${SUB}.soap.marketingcloudapis.com`)).toEqual({ subdomain: SUB, service: 'soap' });
    expect(interpretTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com/v1/requestToken`, ctx)).toBe(
      `Tenant subdomain ${SUB}, auth service`,
    );
  });

  it('says when a URL is not a tenant endpoint', () => {
    expect(parseTenantEndpoint('https://auth.exacttargetapis.com/v1/requestToken')).toBeNull();
    expect(parseTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com.evil.example/`)).toBeNull();
    expect(parseTenantEndpoint('https://marketingcloudapis.com/')).toBeNull();
    expect(interpretTenantEndpoint('https://example.com/', ctx)).toBe(
      'Not a tenant-specific https://<subdomain>.<service>.marketingcloudapis.com URL.',
    );
    expect(interpretTenantEndpoint(`http://${SUB}.rest.marketingcloudapis.com/`, ctx)).toBe(
      'Uses http://; Marketing Cloud endpoints are https://.',
    );
    expect(interpretTenantEndpoint(42, ctx)).toBe('Not a URL.');
  });

  it('calls the shared ExactTarget hosts legacy, not invalid', () => {
    const legacy =
      'A legacy shared ExactTarget host. Current docs require the tenant-specific https://<subdomain>.<service>.marketingcloudapis.com endpoints (mandatory on Hyperforce).';
    for (const url of [
      'https://auth.exacttargetapis.com/v1/requestToken',
      'https://www.exacttargetapis.com/',
      'https://auth-s7.exacttargetapis.com',
      'https://auth.exacttarget.com/v1/requestToken',
    ]) {
      expect(isLegacyEndpointHost(url), url).toBe(true);
      expect(interpretTenantEndpoint(url, ctx), url).toBe(legacy);
    }
    for (const url of [
      'https://exacttargetapis.com/',
      'https://a.b.exacttargetapis.com/',
      'https://auth.exacttargetapis.com.evil.example/',
      'http://auth.exacttarget.com/',
      'https://exacttarget.com/',
    ]) {
      expect(isLegacyEndpointHost(url), url).toBe(false);
    }
  });

  it('flags a tenant subdomain that is not 28 characters beginning with mc', () => {
    expect(SUB).toHaveLength(28);
    const odd = '; but a tenant subdomain is 28 characters beginning with mc, and this one is not: check where the URL came from.';
    expect(interpretTenantEndpoint('https://mc12345.auth.marketingcloudapis.com/', ctx)).toBe(
      `Tenant subdomain mc12345, auth service${odd}`,
    );
    const notMc = `xx${SUB.slice(2)}`;
    expect(interpretTenantEndpoint(`https://${notMc}.rest.marketingcloudapis.com/`, ctx)).toBe(
      `Tenant subdomain ${notMc}, rest service${odd}`,
    );
  });
});
