// A clock tick changes only the readings that use the clock ("expires in 4 min") and the time warnings: retimeExplanation
// recomputes those and keeps every other claim as it was, so a 20,000-claim token costs a tick what a small one does.
import type { DecodedToken, JsonObject } from '../decode/decoded-token';
import { claimCatalog, headerCatalog, type ClaimCatalog } from './claim-catalog';
import type { ClaimEntry, InterpretContext } from './claim-entry';
import { explainTokenTimed, interpretContext, type TimedExplanation } from './explain-token';
import type { ExplainedClaim } from './explained-claim';
import { tokenWarnings } from './token-warnings';

/**
 * The catalog entry that explained the leaf at dotted `path` of `root`, found as explainLeaves found it (array items keep
 * their parent's node, a subtree entry covers what is under it), and the value there; null when the path does not lead
 * to a value (a name holding a dot), so the caller explains the token again instead.
 */
function entryAt(root: JsonObject, catalog: ClaimCatalog, path: string): { entry: ClaimEntry | undefined; value: unknown } | null {
  const keys = path.split('.');
  const top = keys[0]!;
  if (!Object.hasOwn(root, top)) return null;
  let value: unknown = root[top];
  let node = catalog.children.get(top);
  let inherited: ClaimEntry | undefined;
  for (const key of keys.slice(1)) {
    const entry = node?.entry ?? inherited;
    inherited = entry?.subtree === true ? entry : inherited;
    if (Array.isArray(value)) {
      const index = Number(key);
      if (!Number.isInteger(index) || String(index) !== key || index >= value.length) return null;
      value = value[index];
    } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, key)) {
      value = (value as JsonObject)[key];
      node = node?.children.get(key);
    } else return null;
  }
  return { entry: node?.entry ?? inherited, value };
}

/** `claims` with the clocked ones read again in `context`, or null when one of them cannot be found again. */
function reread(
  claims: readonly ExplainedClaim[],
  clocked: readonly number[],
  root: JsonObject,
  catalog: ClaimCatalog,
  context: InterpretContext,
): ExplainedClaim[] | null {
  const out = claims.slice();
  for (const index of clocked) {
    const claim = out[index]!;
    const found = entryAt(root, catalog, claim.path);
    if (found === null || found.entry?.interpret === undefined || !Object.is(found.value, claim.value)) return null;
    out[index] = { ...claim, interpretation: found.entry.interpret(claim.value, context, claim.path) };
  }
  return out;
}

/** The explanation of `token` at time `now`, from one made at another time: only the clocked readings and the warnings are recomputed. */
export function retimeExplanation(token: DecodedToken, timed: TimedExplanation, now: number): TimedExplanation {
  const { explanation, clock } = timed;
  if (now === clock.now) return timed;
  const context = interpretContext(token, now, clock.decodedAt);
  const claims = reread(explanation.claims, clock.claims, token.payload, claimCatalog(token.kind), context);
  const header = reread(explanation.header, clock.header, token.header, headerCatalog(token.kind), context);
  if (claims === null || header === null) return explainTokenTimed(token, { now, decodedAt: clock.decodedAt });
  return {
    explanation: { ...explanation, claims, header, warnings: tokenWarnings(token, clock.unknown, now) },
    clock: { ...clock, now },
  };
}
