// Walks a decoded JSON object leaf by leaf in document order and explains each leaf from a catalog tree.
import type { JsonObject } from '../decode/decoded-token';
import type { ClaimCatalog, EntryReading } from './claim-catalog';
import type { InterpretContext } from './claim-entry';
import type { ExplainedClaim } from './explained-claim';

/** Deeper nesting than this is shown as one leaf holding the rest (no catalog documents anything that deep). */
export const MAX_EXPLAIN_DEPTH = 32;

interface Walk {
  context: WatchedContext;
  undocumented: string;
  out: ExplainedClaim[];
  unknown: string[];
  /** Indexes in `out` of the claims whose reading used the clock (`now` or `decodedAt`): all a clock tick changes. */
  clocked: number[];
}

/**
 * The context as interpreters see it: reading `now` or `decodedAt` marks the claim being read as clocked. A class, so
 * the getters live on its prototype: an object literal with accessors was built (closures, a new shape) for every call.
 */
class WatchedContext implements InterpretContext {
  readonly kind: InterpretContext['kind'];
  readonly header: JsonObject;
  readonly payload: JsonObject;
  /** Set by the walk before each reading. */
  parent: unknown = undefined;
  /** Whether the reading under way used the clock: the walk clears it before each reading. */
  readClock = false;
  readonly #context: InterpretContext;

  constructor(context: InterpretContext) {
    this.#context = context;
    this.kind = context.kind;
    this.header = context.header;
    this.payload = context.payload;
  }

  get now(): number {
    this.readClock = true;
    return this.#context.now;
  }

  get decodedAt(): number | undefined {
    this.readClock = true;
    return this.#context.decodedAt;
  }
}

function leaf(walk: Walk, path: string, value: unknown, parent: unknown, entry: EntryReading | undefined): void {
  if (entry === undefined) {
    walk.unknown.push(path);
    walk.out.push({ path, value, explanation: walk.undocumented, documented: false, interpretation: null, unused: false });
    return;
  }
  let interpretation: string | null = null;
  const interpret = entry.interpret;
  if (interpret !== null) {
    walk.context.readClock = false;
    walk.context.parent = parent;
    interpretation = interpret(value, walk.context, path);
    if (walk.context.readClock) walk.clocked.push(walk.out.length);
  }
  const claim: ExplainedClaim = {
    path,
    value,
    explanation: entry.explanation,
    documented: entry.documented,
    interpretation,
    unused: entry.unused,
  };
  // Set only on the few credential paths, so the other leaves (thousands in a large token) keep one shape.
  if (entry.secret !== null && typeof value === 'string') claim.secret = entry.secret;
  walk.out.push(claim);
}

// `node` is the catalog node for this path (array indexes do not move it); `inherited` is the nearest subtree entry above.
function visit(
  walk: Walk,
  parent: unknown,
  path: string,
  value: unknown,
  node: ClaimCatalog | undefined,
  inherited: EntryReading | undefined,
  depth: number,
): void {
  const entry = node?.reading ?? inherited;
  if (typeof value === 'object' && value !== null && depth < MAX_EXPLAIN_DEPTH) {
    const below = entry?.subtree === true ? entry : inherited;
    // One `path.` per object or array, which each child's path extends: a template per child built it twice.
    const prefix = path + '.';
    if (Array.isArray(value)) {
      if (value.length > 0) {
        for (let i = 0; i < value.length; i++) visit(walk, value, prefix + i, value[i], node, below, depth + 1);
        return;
      }
    } else {
      // for-in, not Object.keys: no array per object, and V8 reads each value through the enumeration cache. A parsed
      // JSON object has only own, enumerable, plain properties, so both list the same names in the same order.
      const object = value as JsonObject;
      let empty = true;
      for (const key in object) {
        empty = false;
        const child = object[key];
        const childNode = node?.byKey[key];
        // A scalar is a leaf whatever the depth: explained here rather than through one more (recursive, not inlined) call.
        if (typeof child !== 'object' || child === null) leaf(walk, prefix + key, child, object, childNode?.reading ?? below);
        else visit(walk, object, prefix + key, child, childNode, below, depth + 1);
      }
      if (!empty) return;
    }
  }
  leaf(walk, path, value, parent, entry);
}

/**
 * Every leaf of `object` in document order (objects and non-empty arrays descended; array indexes ignored for lookup).
 * Paths the catalog does not know at all are also pushed to `unknown` (known-but-undocumented entries are not); the
 * indexes of the claims whose reading depends on the clock, to `clocked`.
 */
export function explainLeaves(
  object: JsonObject,
  catalog: ClaimCatalog,
  context: InterpretContext,
  undocumented: string,
  unknown: string[] = [],
  clocked: number[] = [],
): ExplainedClaim[] {
  const walk: Walk = { context: new WatchedContext(context), undocumented, out: [], unknown, clocked };
  for (const key in object) {
    const child = object[key];
    const node = catalog.byKey[key];
    if (typeof child !== 'object' || child === null) leaf(walk, key, child, object, node?.reading);
    else visit(walk, object, key, child, node, undefined, 1);
  }
  return walk.out;
}
