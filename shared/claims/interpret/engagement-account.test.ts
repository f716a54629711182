import { describe, expect, it } from 'vitest';
import type { InterpretContext } from '../claim-entry';
import {
  interpretClaimsVersion,
  interpretClientType,
  interpretCustomerEnvironment,
  interpretDataContext,
  interpretOrganizationId,
  interpretRegion,
  interpretStackKey,
} from './engagement-account';

const ctx = (payload: Record<string, unknown> = {}): InterpretContext => ({ now: 0, kind: 'engagement-sso-v2', header: {}, payload });

describe('Engagement account readings', () => {
  it('names the edition for each dataContext', () => {
    expect(interpretDataContext('core', ctx())).toBe('Core or Advanced edition');
    expect(interpretDataContext('reseller', ctx())).toBe('Agency or Agency Client');
    expect(interpretDataContext('tiered', ctx())).toBe('Enterprise');
    expect(interpretDataContext('enterprise', ctx())).toBe('Enterprise 2.0');
    expect(interpretDataContext('Tiered', ctx())).toBe('Not one of the documented values (core, reseller, tiered, enterprise).');
    expect(interpretDataContext(3, ctx())).toBe('Not a string; expected core, reseller, tiered or enterprise.');
  });

  it('reads any stack key as ordinary (S11 and friends included) and does not tie it to the SOAP endpoint', () => {
    for (const stack of ['S7', 'S50', 'S11', 'S12', 'S13', 'S20', 'S51']) expect(interpretStackKey(stack, ctx())).toBeNull();
    expect(interpretStackKey('', ctx())).toBe('Not a stack name such as S7.');
    expect(interpretStackKey(7, ctx())).toBe('Not a stack name such as S7.');
  });

  it('reads the region and environment', () => {
    expect(interpretRegion('NA1', ctx())).toBe('North America (NA1)');
    expect(interpretRegion('EU1', ctx())).toBe('Europe (EU1)');
    expect(interpretRegion('AP1', ctx())).toBe('Not one of the documented values (NA1, EU1).');
    expect(interpretRegion(null, ctx())).toBe('Not a string; expected NA1 or EU1.');
    expect(interpretCustomerEnvironment('Prod', ctx())).toBe("Production (the docs' example value)");
    // No value list is published, so nothing else is read (or called wrong).
    expect(interpretCustomerEnvironment('Sandbox', ctx())).toBeNull();
    expect(interpretCustomerEnvironment('Dev', ctx())).toBeNull();
  });

  it('relates organization.id to enterpriseId', () => {
    const org = (id: unknown, enterpriseId: unknown) => ctx({ request: { organization: { id, enterpriseId } } });
    const same =
      "Equals enterpriseId: the top-level (parent) account, or an agency sub-account (whose enterpriseId is the agency client's own id).";
    expect(interpretOrganizationId(514001234, org(514001234, 514001234))).toBe(same);
    expect(interpretOrganizationId('514001234', org('514001234', 514001234))).toBe(same);
    expect(interpretOrganizationId(514009876, org(514009876, 514001234))).toBe(
      'Differs from enterpriseId (514001234): a business unit (sub-account) of that enterprise.',
    );
    expect(interpretOrganizationId(514009876, ctx({ request: { organization: { id: 514009876 } } }))).toBeNull();
    expect(interpretOrganizationId(514009876, ctx())).toBeNull();
  });

  it('reads the claims version', () => {
    expect(interpretClaimsVersion(2, ctx())).toBe('Claims version 2 (current)');
    expect(interpretClaimsVersion(1, ctx())).toBe('Claims version 1 (legacy: carries live API tokens under request.user)');
    expect(interpretClaimsVersion('2', ctx())).toBe('Claims version 2, but as a string; the docs use a number.');
    expect(interpretClaimsVersion(3, ctx())).toBe('Not a documented claims version (1 or 2).');
  });

  it('reads the access token client type', () => {
    expect(interpretClientType('ServerToServer', ctx())).toBe('A server-to-server integration (client credentials grant).');
    expect(interpretClientType('Confidential', ctx())).toBe('A web app integration (a confidential client, authorization code grant).');
    expect(interpretClientType('Public', ctx())).toBe('Not one of the values seen in real tokens (ServerToServer, Confidential).');
  });
});
