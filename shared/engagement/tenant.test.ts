import { describe, expect, it } from 'vitest';
import { workbenchThrow as thrown } from '../../test/support/rejection';
import { resolveTenant, tenantFromAuthUrl, tenantFromSubdomain } from './tenant';

const SUB = 'mc563885gzs27c5t9-63k636ttgm';

describe('tenantFromSubdomain', () => {
  it('builds the tenant-specific auth base URL without warnings for the documented shape', () => {
    const tenant = tenantFromSubdomain(`  ${SUB.toUpperCase()} `);
    expect(tenant.authBaseUrl.href).toBe(`https://${SUB}.auth.marketingcloudapis.com/`);
    expect(tenant.subdomain).toBe(SUB);
    expect(tenant.warnings).toEqual([]);
  });

  it('warns, without blocking, when it is not 28 characters starting with mc', () => {
    const short = tenantFromSubdomain('mcshort');
    expect(short.authBaseUrl.href).toBe('https://mcshort.auth.marketingcloudapis.com/');
    expect(short.warnings).toEqual([
      {
        code: 'WARN_SUBDOMAIN_SHAPE',
        message:
          'The subdomain "mcshort" is not the documented shape (28 characters starting with "mc"): check it against the Authentication Base URI of the installed package.',
      },
    ]);
    expect(tenantFromSubdomain(`xx${SUB.slice(2)}`).warnings[0]?.code).toBe('WARN_SUBDOMAIN_SHAPE');
  });

  it('refuses empty input, a pasted host and characters a host name cannot hold', () => {
    expect(thrown(() => tenantFromSubdomain(' '))).toMatchObject({
      code: 'ERR_SUBDOMAIN_INVALID',
      message: expect.stringContaining('is empty'),
    });
    expect(thrown(() => tenantFromSubdomain(`${SUB}.auth.marketingcloudapis.com`)).message).toBe(
      'The subdomain holds dots or slashes: paste only the part before .auth.marketingcloudapis.com, or give the whole address as the auth base URL.',
    );
    expect(thrown(() => tenantFromSubdomain('mc_bad!')).code).toBe('ERR_SUBDOMAIN_INVALID');
    expect(thrown(() => tenantFromSubdomain('-mc')).code).toBe('ERR_SUBDOMAIN_INVALID');
  });
});

describe('tenantFromAuthUrl', () => {
  it('normalizes a pasted auth URL: trailing v2/token, query and fragment removed, trailing slash added', () => {
    expect(tenantFromAuthUrl(`https://${SUB}.auth.marketingcloudapis.com/v2/token?x=1#y`).authBaseUrl.href).toBe(
      `https://${SUB}.auth.marketingcloudapis.com/`,
    );
    expect(tenantFromAuthUrl(`https://${SUB}.auth.marketingcloudapis.com`).subdomain).toBe(SUB);
    expect(tenantFromAuthUrl('http://127.0.0.1:4000/tenant').authBaseUrl.href).toBe('http://127.0.0.1:4000/tenant/');
    // An empty query or fragment still leaves its "?" or "#" in the address until it is cleared.
    for (const tail of ['?', '#', '?#', 'v2/token?', 'v2/token#', 'v2/token/?a#b?c'])
      expect(tenantFromAuthUrl(`https://${SUB}.auth.marketingcloudapis.com/${tail}`).authBaseUrl.href).toBe(
        `https://${SUB}.auth.marketingcloudapis.com/`,
      );
  });

  it('allows http only on loopback', () => {
    expect(thrown(() => tenantFromAuthUrl(`http://${SUB}.auth.marketingcloudapis.com/`))).toMatchObject({
      code: 'ERR_URL_INSECURE',
      message: `The auth base URL uses http:// on ${SUB}.auth.marketingcloudapis.com: only https:// is allowed (http only for localhost). Use the https:// address.`,
    });
    expect(tenantFromAuthUrl('http://localhost:1234/').warnings).toEqual([]);
  });

  it('warns about hosts that are not tenant-specific, and about an odd subdomain in the host', () => {
    expect(tenantFromAuthUrl('https://auth.exacttargetapis.com/').warnings[0]).toEqual({
      code: 'WARN_AUTH_HOST',
      message:
        'auth.exacttargetapis.com is not a tenant-specific auth host (<subdomain>.auth.marketingcloudapis.com): the docs require tenant-specific endpoints.',
    });
    expect(tenantFromAuthUrl('https://mcabc.auth.marketingcloudapis.com/').warnings[0]?.code).toBe('WARN_SUBDOMAIN_SHAPE');
  });
});

describe('resolveTenant', () => {
  it('takes exactly one of the subdomain or the auth URL', () => {
    expect(resolveTenant({ subdomain: SUB }).subdomain).toBe(SUB);
    expect(resolveTenant({ authUrl: 'http://127.0.0.1:9/', subdomain: ' ' }).authBaseUrl.href).toBe('http://127.0.0.1:9/');
    expect(thrown(() => resolveTenant({ subdomain: SUB, authUrl: 'https://x/' }))).toMatchObject({
      code: 'ERR_SUBDOMAIN_INVALID',
      message: 'Give either the subdomain or the auth base URL, not both.',
    });
    expect(thrown(() => resolveTenant({})).message).toBe(
      'Give the tenant subdomain or the auth base URL (https://<subdomain>.auth.marketingcloudapis.com/).',
    );
  });
});
