import { describe, expect, it } from 'vitest';
import { TOKEN_KINDS } from '../decode/token-kind';
import { V1_CLAIM_PATHS, V2_CLAIM_PATHS } from '../../test/support/engagement-tokens';
import { catalogEntries, claimCatalog, findClaimEntry, headerCatalog } from './claim-catalog';

describe('claim catalogs', () => {
  it('every entry explains itself in at least one full sentence', () => {
    for (const kind of TOKEN_KINDS) {
      for (const entry of [...catalogEntries(claimCatalog(kind)), ...catalogEntries(headerCatalog(kind))]) {
        expect(entry.explanation, `${kind} ${entry.path}`).toMatch(/^[A-Z0-9"'].{10,}[.)]$/);
        if (entry.unused) expect(entry.explanation, entry.path).toMatch(/not used/);
      }
    }
  });

  it('documents every path of both SSO claims versions', () => {
    for (const path of V2_CLAIM_PATHS) expect(findClaimEntry(claimCatalog('engagement-sso-v2'), path), path).toBeDefined();
    for (const path of V1_CLAIM_PATHS) expect(findClaimEntry(claimCatalog('engagement-sso-v1'), path), path).toBeDefined();
  });

  it('the version 1 entries replace the version 2 "not used" ones', () => {
    expect(findClaimEntry(claimCatalog('engagement-sso-v2'), 'request.user.oauthToken')?.unused).toBe(true);
    expect(findClaimEntry(claimCatalog('engagement-sso-v1'), 'request.user.oauthToken')?.unused).toBeUndefined();
  });

  it('every kind documents the registered claims and header parameters', () => {
    for (const kind of TOKEN_KINDS) {
      // A plain JWS (payload not a JSON object) has no claims to document.
      if (kind !== 'jws')
        for (const path of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'])
          expect(findClaimEntry(claimCatalog(kind), path), `${kind} ${path}`).toBeDefined();
      for (const path of ['alg', 'typ', 'kid', 'x5t#S256']) expect(findClaimEntry(headerCatalog(kind), path)).toBeDefined();
    }
    expect(catalogEntries(claimCatalog('jws'))).toEqual([]);
    expect(findClaimEntry(headerCatalog('generic'), 'ver')).toBeUndefined();
    expect(findClaimEntry(headerCatalog('engagement-access-token'), 'ver')?.undocumented).toBe(true);
  });

  it('finds nothing at unknown or partial paths', () => {
    expect(findClaimEntry(claimCatalog('engagement-sso-v2'), 'request')).toBeUndefined();
    expect(findClaimEntry(claimCatalog('engagement-sso-v2'), 'request.user.nope')).toBeUndefined();
  });
});
