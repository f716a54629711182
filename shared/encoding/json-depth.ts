// How deeply a decoded JSON value nests, measured before anything recurses into it: JSON.parse takes any depth, but
// everything after it (explaining, flattening, printing, rendering) walks the value, and thousands of levels overflowed
// the stack. nestsDeeperThan uses no recursion; keyCountWithin recurses at most `limit` levels, then stops.

/** Deeper than this, a token segment is refused: real tokens nest a few levels, and no catalog documents more than 32. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects or arrays more than `limit` levels deep (a scalar is depth 0, `{}` and `[]` depth 1). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Member names at or below `value` (an object or array at `depth`), or -1 when something nests deeper than `limit`.
 * Recursive, and safely so for the decoder's limits: the walk stops `limit` levels down, however deep the value.
 */
function countWithin(value: object, depth: number, limit: number): number {
  if (depth > limit) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const below = countWithin(item, depth + 1, limit);
      if (below === -1) return -1;
      count += below;
    }
    return count;
  }
  for (const key in value) {
    count++;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null) continue;
    const below = countWithin(child, depth + 1, limit);
    if (below === -1) return -1;
    count += below;
  }
  return count;
}

/**
 * How many member names `value` holds at any depth (JSON.parse keeps one of duplicate names), or -1 when it nests more
 * than `limit` levels deep: the decoder's depth check and the count that settles most texts for duplicateKeyPaths, in
 * one walk that allocates nothing. For parsed JSON only (for-in sees own properties there, nothing inherited).
 */
export function keyCountWithin(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  return countWithin(value, 1, limit);
}
