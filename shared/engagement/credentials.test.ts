import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import { checkAccountId, checkClientSecret, checkPackageClientId } from './credentials';

describe('package credentials', () => {
  it('trims the client id and refuses empty or spaced ones', () => {
    expect(checkPackageClientId('  abc123 ')).toBe('abc123');
    expect(() => checkPackageClientId('')).toThrow(
      "The client id is empty: copy it from the installed package's API Integration component.",
    );
    expect(() => checkPackageClientId('ab c')).toThrow('The client id holds spaces');
  });

  it('refuses an empty or broken client secret without echoing it', () => {
    expect(checkClientSecret(' s3cr3t\n')).toBe('s3cr3t');
    expect(() => checkClientSecret('  ')).toThrow(expect.objectContaining({ code: 'ERR_CLIENT_SECRET_INVALID' }));
    const error = workbenchThrow(() => checkClientSecret('se cret-VALUE'));
    expect(error.code).toBe('ERR_CLIENT_SECRET_INVALID');
    expect(error.message).toBe('The client secret holds spaces, line breaks or control characters, or is too long: paste only the secret.');
  });

  it('takes a MID of digits as the account id, or nothing', () => {
    expect(checkAccountId(' 510001234 ')).toBe('510001234');
    expect(checkAccountId('')).toBeUndefined();
    expect(checkAccountId(null)).toBeUndefined();
    expect(() => checkAccountId('BU-1')).toThrow(expect.objectContaining({ code: 'ERR_ACCOUNT_ID_INVALID' }));
  });
});
