// Escaping what tokens and servers say: the one rule every value mctoken prints goes through, for text and for JSON, with
// the run's known secrets masked first.
import { maskSecrets } from '../../shared/exchange/mask-secrets';

/** C0 and C1 control characters, DEL, and the bidirectional marks and overrides that can make text read other than it is. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw inside strings (its own line breaks and indentation are layout, not values). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC: the same visible escape for every unsafe character, and valid inside a JSON string. */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The secrets a run sent (client secret, refresh token, assertion): no text it prints may carry them, whatever a server echoes. */
export type KnownSecrets = ReadonlyArray<string | null | undefined>;

/** How {@link terminalSafe} treats a text: line breaks and tabs kept for multi-line text, and the secrets to mask in it. */
export interface SafeTextOptions {
  keepNewlines?: boolean;
  keepTabs?: boolean;
  /** Masked by value (as is, JSON-escaped or URL-encoded) with their true length, before anything is escaped. */
  secrets?: KnownSecrets;
}

/**
 * The one rule for printing a value from a token, a server or a file: every known secret in it masked by value, then every
 * C0 and C1 control character, DEL and bidirectional override shown as a `\uXXXX` escape, so no value can move the cursor,
 * retitle the terminal, paint a fake line or read backwards. Multi-line text (our messages, a text payload) may keep its
 * line breaks and tabs; a single value never does.
 */
export function terminalSafe(text: string, options: SafeTextOptions = {}): string {
  const masked = options.secrets === undefined ? text : maskSecrets(text, options.secrets);
  return masked.replace(UNSAFE, (char) =>
    (char === '\n' && options.keepNewlines === true) || (char === '\t' && options.keepTabs === true) ? char : unicodeEscape(char),
  );
}

/**
 * {@link terminalSafe} for JSON on stdout: known secrets masked, and what JSON.stringify leaves raw (DEL, C1 controls, bidi
 * overrides; it escapes C0 controls itself) escaped too, so the output stays valid JSON.
 */
export function terminalJson(value: unknown, options: Pick<SafeTextOptions, 'secrets'> = {}): string {
  const text = JSON.stringify(value, null, 2);
  const masked = options.secrets === undefined ? text : maskSecrets(text, options.secrets);
  return `${masked.replace(UNSAFE_IN_JSON, unicodeEscape)}\n`;
}
