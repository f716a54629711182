import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profiles/profile';
import { checkNameFree, checkProduct, checkProfileName, checkSecretEncoding, intelligenceEndpoint, present } from './profile-fields';
import { PROFILE_MESSAGES } from './profile-service-errors';

const US1 = 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration';

describe('profile fields', () => {
  it('trims names and accepts 1 to 80 characters', () => {
    expect(checkProfileName('  Prod  ')).toBe('Prod');
    expect(checkProfileName('x'.repeat(80))).toBe('x'.repeat(80));
    for (const bad of ['', '   ', 'x'.repeat(81), undefined, 42]) {
      expect(() => checkProfileName(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_PROFILE_INVALID', message: PROFILE_MESSAGES.nameLength }),
      );
    }
  });

  it('finds a taken name ignoring case, but not the profile itself', () => {
    const profiles = [{ id: 'a', name: 'Prod EU' }] as Profile[];
    expect(() => checkNameFree('prod eu', profiles)).toThrow(
      expect.objectContaining({
        code: 'ERR_PROFILE_NAME_TAKEN',
        message: 'A profile named "prod eu" already exists: choose another name.',
      }),
    );
    expect(() => checkNameFree('PROD EU', profiles, 'a')).not.toThrow();
    expect(() => checkNameFree('Prod US', profiles)).not.toThrow();
  });

  it('knows the two products only', () => {
    expect(checkProduct('engagement')).toBe('engagement');
    expect(() => checkProduct('datorama')).toThrow(
      expect.objectContaining({ code: 'ERR_PROFILE_INVALID', message: PROFILE_MESSAGES.product }),
    );
  });

  it('treats blank and null values as absent', () => {
    expect([present(undefined), present(null), present('  '), present(' a ')]).toEqual([undefined, undefined, undefined, 'a']);
  });

  it('derives the discovery URL from a region, and prefers a pasted URL', () => {
    expect(intelligenceEndpoint('us1', null)).toEqual({ region: 'us1', discoveryUrl: US1 });
    expect(intelligenceEndpoint('us1', ` ${US1} `)).toEqual({ region: 'us1', discoveryUrl: US1 });
    expect(intelligenceEndpoint('eu1', 'http://127.0.0.1:8080/us1/.well-known/openid-configuration')).toEqual({
      region: null,
      discoveryUrl: 'http://127.0.0.1:8080/us1/.well-known/openid-configuration',
    });
    expect(() => intelligenceEndpoint('us9', undefined)).toThrow(expect.objectContaining({ code: 'ERR_REGION_UNKNOWN' }));
    expect(() => intelligenceEndpoint(null, 'http://idp.example.com/x')).toThrow(expect.objectContaining({ code: 'ERR_URL_INSECURE' }));
    expect(() => intelligenceEndpoint(null, 'not a url')).toThrow(expect.objectContaining({ code: 'ERR_URL_INVALID' }));
  });

  it('checks that a signing secret is written in its encoding, never echoing it', () => {
    expect(() => checkSecretEncoding('anything at all', 'text')).not.toThrow();
    expect(() => checkSecretEncoding('0a1B', 'hex')).not.toThrow();
    expect(() => checkSecretEncoding('c2VjcmV0', 'base64')).not.toThrow();
    expect(() => checkSecretEncoding('c2Vj-_', 'base64')).not.toThrow();
    expect(() => checkSecretEncoding('abc', 'hex')).toThrow(
      expect.objectContaining({ code: 'ERR_PROFILE_INVALID', message: PROFILE_MESSAGES.secretHex }),
    );
    expect(() => checkSecretEncoding('not base64!', 'base64')).toThrow(
      expect.objectContaining({ code: 'ERR_PROFILE_INVALID', message: PROFILE_MESSAGES.secretBase64 }),
    );
  });
});
