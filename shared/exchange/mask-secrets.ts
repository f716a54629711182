import { WorkbenchError } from '../errors/workbench-error';

// Masking known secrets by value: a server may echo a client secret, a refresh token or an assertion back in any text
// (an error_description, a scope, a whole body). Whatever shows that text masks every known secret in it first.

/** Secrets shorter than this are not masked by value: they would match ordinary text (and none of ours is this short). */
export const MIN_MASKED_SECRET_LENGTH = 4;

/** What stands in for a secret of `length` characters: its true length, never any of its characters. */
export function secretMask(length: number): string {
  return `••••(masked, ${length} chars)`;
}

/** The forms a secret can take when a server echoes it: as is, JSON-escaped inside a string, and URL-encoded. */
function echoForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  return [...new Set([secret, json, url])].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of each secret (as is, JSON-escaped or URL-encoded) replaced by its mask. Linear in
 * `text` for each secret (String.prototype.replaceAll with a plain string); secrets shorter than MIN_MASKED_SECRET_LENGTH
 * and empty ones are ignored.
 */
export function maskSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let masked = text;
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_MASKED_SECRET_LENGTH);
  // Longer secrets first, so a secret that contains a shorter one is masked whole.
  known.sort((a, b) => b.length - a.length);
  for (const secret of known) {
    const mask = secretMask(secret.length);
    for (const form of echoForms(secret)) if (masked.includes(form)) masked = masked.replaceAll(form, mask);
  }
  return masked;
}

/** The error with every known secret masked in its message and hint (a server's words are quoted there); other errors as they are. */
export function maskErrorSecrets(error: unknown, secrets: ReadonlyArray<string | null | undefined>): unknown {
  if (!(error instanceof WorkbenchError)) return error;
  const message = maskSecrets(error.message, secrets);
  const hint = error.hint === undefined ? undefined : maskSecrets(error.hint, secrets);
  if (message === error.message && hint === error.hint) return error;
  return new WorkbenchError(error.code, message, hint === undefined ? {} : { hint });
}
