// Duplicate member names in a token's JSON. JSON.parse keeps the last of them silently, but RFC 7515 §4 and RFC 7519 §4
// say a JOSE header or claims set with duplicate names must be rejected or (at most) read last-wins: another parser may
// keep the first, so two systems can read one token differently. The decoder reports them instead of hiding them.

/** Most duplicate paths kept per JSON text: enough to report, bounded however hostile the token. */
export const MAX_DUPLICATE_PATHS = 32;

/** An object or array being scanned: its path (dotted, array items by index, as the claim paths are) and what it holds so far. */
type Frame = { kind: 'object'; path: string; keys: Set<string>; key: string | null } | { kind: 'array'; path: string; index: number };

const childPath = (parent: string, name: string): string => (parent === '' ? name : `${parent}.${name}`);

/** The path of the value that starts now, inside `frame` (the root when there is none). */
function valuePath(frame: Frame | undefined): string {
  if (frame === undefined) return '';
  return frame.kind === 'array' ? childPath(frame.path, String(frame.index)) : childPath(frame.path, frame.key ?? '');
}

/** The index just past the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x5c)
      i += 2; // a backslash escapes the next character
    else if (code === 0x22) return i + 1;
    else i++;
  }
  return i;
}

/** True for the whitespace JSON allows between tokens. */
function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * At least as many as the member names `text` holds: its colons that follow a quote (across whitespace). Every member
 * name ends in such a colon; a colon in a string that follows an escaped or opening quote (`"\":"`, `":x"`) is also
 * counted, so a count above the real one only sends the text to the full scan. The colons are found by indexOf (native
 * and fast); the backward steps over whitespace cover disjoint runs, so the whole stays linear. No allocation.
 */
function memberNameBound(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let code = text.charCodeAt(before);
    // Compact JSON, the usual token, has the quote right before: no whitespace loop to enter.
    while (code !== 0x22 && isJsonSpace(code)) code = text.charCodeAt(--before);
    if (code === 0x22) count++;
  }
  return count;
}

/** How many member names a parsed JSON value holds, at any depth (JSON.parse keeps one of duplicate names). */
function keyCount(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const key in next) {
      count++;
      const child = (next as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return count;
}

/**
 * The paths of the member names that occur more than once in the same object of `text` (e.g. `sub`, `request.user.id`),
 * in document order, at most {@link MAX_DUPLICATE_PATHS}. `text` must be valid JSON (JSON.parse accepted it): one linear
 * pass, each member name decoded once (so `"a"` and `"\u0061"` are the same name). Given what JSON.parse made of `text`,
 * the usual text without duplicates is settled by counting without building a set of names per object: the value holds
 * one name per distinct name of each object, the text at most {@link memberNameBound} names, so when the two agree the
 * text holds no name twice.
 */
export function duplicateKeyPaths(text: string, parsed?: unknown): string[] {
  return parsed === undefined ? scanDuplicates(text) : duplicateKeyPathsCounted(text, keyCount(parsed));
}

/** {@link duplicateKeyPaths} of a text JSON.parse kept `keys` member names of (as keyCountWithin counts them). */
export function duplicateKeyPathsCounted(text: string, keys: number): string[] {
  return keys === memberNameBound(text) ? [] : scanDuplicates(text);
}

/** The full scan: every member name read, each object's names kept in a set. */
function scanDuplicates(text: string): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length && found.length < MAX_DUPLICATE_PATHS) {
    const code = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (code === 0x7b || code === 0x5b) {
      // { or [
      const path = valuePath(top);
      stack.push(code === 0x7b ? { kind: 'object', path, keys: new Set(), key: null } : { kind: 'array', path, index: 0 });
      i++;
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
      i++;
    } else if (code === 0x2c) {
      // , : the next member name, or the next array item
      if (top?.kind === 'array') top.index++;
      else if (top !== undefined) top.key = null;
      i++;
    } else if (code === 0x22) {
      const end = stringEnd(text, i);
      if (top?.kind === 'object' && top.key === null) {
        // Most names hold no escape: read as they are, and decoded only when they do.
        const raw = text.slice(i + 1, end - 1);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        if (top.keys.has(name)) found.push(childPath(top.path, name));
        else top.keys.add(name);
        top.key = name;
      }
      i = end;
    } else i++;
  }
  return found;
}
