// How deeply a decoded JSON value nests, measured without recursion: JSON.parse takes any depth, but everything after it
// (explaining, flattening, printing, rendering) walks the value, and thousands of levels overflowed the stack.

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
