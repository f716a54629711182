import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import { interpretTenantEndpoint, parseTenantEndpoint } from './endpoint';

const ctx: InterpretContext = { now: 0, kind: 'engagement-sso-v2', header: {}, payload: {} };
const SUB = 'mc563885gzs27c5t9-63k636ttgm';

describe('tenant endpoints', () => {
  it('finds the subdomain and service', () => {
    expect(parseTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com/v1/requestToken`)).toEqual({ subdomain: SUB, service: 'auth' });
    expect(parseTenantEndpoint(`https://${SUB}.rest.marketingcloudapis.com/`)).toEqual({ subdomain: SUB, service: 'rest' });
    expect(parseTenantEndpoint(`https://${SUB}.soap.marketingcloudapis.com`)).toEqual({ subdomain: SUB, service: 'soap' });
    expect(interpretTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com/v1/requestToken`, ctx)).toBe(`Tenant subdomain ${SUB}, auth service`);
  });

  it('says when a URL is not a tenant endpoint', () => {
    expect(parseTenantEndpoint('https://auth.exacttargetapis.com/v1/requestToken')).toBeNull();
    expect(parseTenantEndpoint(`https://${SUB}.auth.marketingcloudapis.com.evil.example/`)).toBeNull();
    expect(parseTenantEndpoint('https://marketingcloudapis.com/')).toBeNull();
    expect(interpretTenantEndpoint('https://example.com/', ctx)).toBe('Not a tenant-specific https://<subdomain>.<service>.marketingcloudapis.com URL.');
    expect(interpretTenantEndpoint(`http://${SUB}.rest.marketingcloudapis.com/`, ctx)).toBe('Uses http://; Marketing Cloud endpoints are https://.');
    expect(interpretTenantEndpoint(42, ctx)).toBe('Not a URL.');
  });
});
