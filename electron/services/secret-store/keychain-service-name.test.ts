import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYCHAIN_SERVICE, keychainServiceName } from './keychain-service-name';

describe('keychainServiceName', () => {
  it('is mc-token-workbench unless MCTW_KEYCHAIN_SERVICE names another', () => {
    expect(DEFAULT_KEYCHAIN_SERVICE).toBe('mc-token-workbench');
    expect(keychainServiceName({})).toBe('mc-token-workbench');
    expect(keychainServiceName({ MCTW_KEYCHAIN_SERVICE: '  ' })).toBe('mc-token-workbench');
    expect(keychainServiceName({ MCTW_KEYCHAIN_SERVICE: 'mctw-test-1' })).toBe('mctw-test-1');
  });
});
