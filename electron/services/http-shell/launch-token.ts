import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LAUNCH_TOKEN_PATTERN } from '../../../shared/ipc/http-protocol';

/** A new secret: 256 random bits in base64url (43 characters). The session token and each launch code are one. */
export function mintLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token of an `Authorization: Bearer TOKEN` header, or null (absent, another scheme, or not token-shaped). */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([^\s]+)$/.exec(header);
  return match?.[1] !== undefined && LAUNCH_TOKEN_PATTERN.test(match[1]) ? match[1] : null;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * True when the presented token is the session token. Compared in constant time (timingSafeEqual over SHA-256 digests, which
 * also have equal lengths whatever was presented), so response times say nothing about how much of a guess was right.
 */
export function tokenMatches(presented: string | null, expected: string): boolean {
  const same = timingSafeEqual(digest(presented ?? ''), digest(expected));
  return presented !== null && same;
}

/** How long a launch code opens a tab: the address is opened at once, or a new one is asked for. */
export const LAUNCH_CODE_TTL_MS = 60_000;
/** At most this many codes are live at once (the oldest goes first), however often a new address is asked for. */
const MAX_LIVE_CODES = 8;

/**
 * The one-time launch codes of `mctoken ui`. The address carries a code, never the session token: the page trades it once
 * for the session token, so a code read later (from the opener's command line, or the browser's session files) opens nothing.
 * Codes are kept by their SHA-256 digest, so a lookup's timing says nothing about the code presented.
 */
export class LaunchCodes {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = LAUNCH_CODE_TTL_MS,
  ) {}

  /** A new code, live for ttlMs or until it is redeemed. */
  mint(): string {
    for (const [key, deadline] of this.live) if (deadline < this.now()) this.live.delete(key);
    while (this.live.size >= MAX_LIVE_CODES) this.live.delete(this.live.keys().next().value as string);
    const code = mintLaunchToken();
    this.live.set(digest(code).toString('hex'), this.now() + this.ttlMs);
    return code;
  }

  /** True once for a live code: the code is dead after this call, whatever the answer. */
  redeem(code: string | null): boolean {
    if (code === null) return false;
    const key = digest(code).toString('hex');
    const deadline = this.live.get(key);
    this.live.delete(key);
    return deadline !== undefined && this.now() <= deadline;
  }
}
