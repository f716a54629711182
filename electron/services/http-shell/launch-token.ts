import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LAUNCH_TOKEN_PATTERN } from '../../../shared/ipc/http-protocol';

/** A new launch token: 256 random bits in base64url (43 characters), minted at each start of the server. */
export function mintLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token of an `Authorization: Bearer TOKEN` header, or null (absent, another scheme, or not token-shaped). */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([^\s]+)$/.exec(header);
  return match?.[1] !== undefined && LAUNCH_TOKEN_PATTERN.test(match[1]) ? match[1] : null;
}

/**
 * True when the presented token is the launch token. Compared in constant time (timingSafeEqual over SHA-256 digests, which
 * also have equal lengths whatever was presented), so response times say nothing about how much of a guess was right.
 */
export function tokenMatches(presented: string | null, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  const same = timingSafeEqual(digest(presented ?? ''), digest(expected));
  return presented !== null && same;
}
