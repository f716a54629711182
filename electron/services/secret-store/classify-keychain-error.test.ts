import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { classifyKeychainError } from './classify-keychain-error';
import { KEYCHAIN_MESSAGES } from './keychain-errors';

describe('classifyKeychainError', () => {
  // The texts are what libsecret, macOS Keychain Services and Windows Credential Manager report through keytar.
  it.each([
    ['Cannot create an item in a locked collection', 'ERR_KEYCHAIN_LOCKED', KEYCHAIN_MESSAGES.locked],
    ['User interaction is not allowed.', 'ERR_KEYCHAIN_LOCKED', KEYCHAIN_MESSAGES.locked],
    ['User canceled the operation.', 'ERR_KEYCHAIN_DENIED', KEYCHAIN_MESSAGES.denied],
    ['Access is denied.', 'ERR_KEYCHAIN_DENIED', KEYCHAIN_MESSAGES.denied],
    ['The user name or passphrase you entered is not correct.', 'ERR_KEYCHAIN_DENIED', KEYCHAIN_MESSAGES.denied],
    ['Prompt dismissed', 'ERR_KEYCHAIN_DENIED', KEYCHAIN_MESSAGES.denied],
    ['Something else went wrong', 'ERR_KEYCHAIN_UNAVAILABLE', KEYCHAIN_MESSAGES.unavailable],
  ])('maps "%s" to %s', (text, code, message) => {
    const error = classifyKeychainError(new Error(text));
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error.toPayload()).toEqual({ code, message, hint: `The system said: ${text}` });
  });

  it.each([
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'Could not connect: No such file or directory',
    'The name org.freedesktop.secrets was not provided by any .service files',
  ])('says how to start and unlock a keyring without a desktop session for "%s"', (text) => {
    expect(classifyKeychainError(new Error(text)).toPayload()).toEqual({
      code: 'ERR_KEYCHAIN_UNAVAILABLE',
      message: KEYCHAIN_MESSAGES.unavailable,
      hint: `The system said: ${text} ${KEYCHAIN_MESSAGES.headless}`,
    });
    expect(KEYCHAIN_MESSAGES.headless).toContain('dbus-run-session');
    expect(KEYCHAIN_MESSAGES.headless).toContain('gnome-keyring-daemon --unlock');
  });

  it('keeps the secret out of the hint when the system text contains it', () => {
    const error = classifyKeychainError(new Error('failed to store hunter2-secret'), 'hunter2-secret');
    expect(error.toPayload()).toEqual({ code: 'ERR_KEYCHAIN_UNAVAILABLE', message: KEYCHAIN_MESSAGES.unavailable });
  });

  it('passes WorkbenchErrors through and gives non-errors no hint', () => {
    const original = new WorkbenchError('ERR_KEYCHAIN_NOT_FOUND', 'x');
    expect(classifyKeychainError(original)).toBe(original);
    expect(classifyKeychainError(42).toPayload()).toEqual({ code: 'ERR_KEYCHAIN_UNAVAILABLE', message: KEYCHAIN_MESSAGES.unavailable });
  });

  it('shortens long system texts to one line', () => {
    const hint = classifyKeychainError(new Error(`line one\nline two ${'x'.repeat(400)}`)).hint ?? '';
    expect(hint.startsWith('The system said: line one line two xxx')).toBe(true);
    expect(hint.length).toBe('The system said: '.length + 160);
  });
});
