import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import { DOCUMENTED_SCOPES, grantedScopes, MAX_SCOPES, missingScopes, parseScopes, suggestScopes } from './scopes';

describe('scopes', () => {
  it('parses space- or comma-separated names, dropping repeats and keeping order; empty means none', () => {
    expect(parseScopes(' email_read  email_write,email_read\tjourneys_read ')).toEqual(['email_read', 'email_write', 'journeys_read']);
    expect(parseScopes('')).toEqual([]);
  });

  it('refuses names with other characters and too many names, quoting the name safely', () => {
    expect(workbenchThrow(() => parseScopes('email_read "x"')).code).toBe('ERR_SCOPE_INVALID');
    expect(workbenchThrow(() => parseScopes('email_read bad\u0007name'))).toMatchObject({
      code: 'ERR_SCOPE_INVALID',
      message: '"bad?name" is not a scope name: scopes are names like email_read, separated by spaces.',
    });
    expect(() => parseScopes(Array.from({ length: MAX_SCOPES + 1 }, (_, i) => `s${i}`).join(' '))).toThrow(
      `More than ${MAX_SCOPES} scopes were given`,
    );
  });

  it('names each requested scope that was not granted, and none when nothing was requested', () => {
    expect(grantedScopes('email_read  data_extensions_read')).toEqual(['email_read', 'data_extensions_read']);
    expect(grantedScopes(null)).toEqual([]);
    expect(missingScopes(['email_read', 'journeys_read', 'sms_send'], ['email_read'])).toEqual(['journeys_read', 'sms_send']);
    expect(missingScopes(null, [])).toEqual([]);
  });

  it('suggests documented names by prefix', () => {
    expect(suggestScopes('journeys_')).toEqual(['journeys_aspr', 'journeys_delete', 'journeys_execute', 'journeys_read', 'journeys_write']);
    expect(DOCUMENTED_SCOPES).toContain('list_and_subscribers_read');
    expect(DOCUMENTED_SCOPES).toContain('offline');
  });
});
