// The `state` of an authorize request: random, and checked when the redirect comes back (a code for another sign-in is refused).
import { bytesToBase64Url } from '../encoding/base64url';

/** A new state: 32 random bytes, base64url (43 characters). */
export function newAuthState(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Whether two states are the same, comparing every character (no early exit on the first difference). */
export function sameState(expected: string, received: string): boolean {
  if (expected.length !== received.length || expected === '') return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  return difference === 0;
}
