// How the decoder's Worker hands a decoded token back to the page. The page reads (deserializes) a message in one task,
// so a large token comes in parts, each posted on its own: its claims, its payload, then the rest. The claims travel as
// columns, one array per field and the much-repeated strings (an undocumented claim's explanation) once each: read back,
// 20,000 small objects cost the page several times what a few arrays do.
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import type { JsonObject } from '../../shared/decode/decoded-token';
import type { TimedDecode } from './decode-input';

/** One field of the claims: its values in claim order (a hole where a claim has none), or indexes into its distinct strings. */
export type ClaimColumn = { field: string; values: unknown[] } | { field: string; strings: string[]; indexes: Uint32Array };

/** Explained claims as columns. */
export interface ClaimColumns {
  count: number;
  columns: ClaimColumn[];
}

/** One message of a reply; `rest` comes last and completes it. */
export type DecodeReplyPart =
  | { id: number; part: 'claims'; claims: ClaimColumns }
  | { id: number; part: 'payload'; payload: JsonObject }
  | { id: number; part: 'rest'; decoded: TimedDecode };

/** An index that stands for "this claim has no such field" in an interned column. */
const ABSENT = 0xffffffff;

/** The claims as columns; a column of strings with many repeats is interned. */
export function claimsToColumns(claims: readonly ExplainedClaim[]): ClaimColumns {
  const byField = new Map<string, unknown[]>();
  claims.forEach((claim, index) => {
    for (const [field, value] of Object.entries(claim)) {
      let values = byField.get(field);
      if (values === undefined) byField.set(field, (values = new Array<unknown>(claims.length)));
      values[index] = value;
    }
  });
  const columns = [...byField].map(([field, values]): ClaimColumn => {
    const strings = new Map<string, number>();
    let allStrings = true;
    for (let i = 0; i < values.length && allStrings; i++) {
      const value = values[i];
      if (!(i in values)) continue;
      if (typeof value !== 'string') allStrings = false;
      else if (!strings.has(value)) strings.set(value, strings.size);
    }
    if (!allStrings || strings.size > values.length / 2) return { field, values };
    const indexes = new Uint32Array(values.length).fill(ABSENT);
    values.forEach((value, i) => (indexes[i] = strings.get(value as string)!));
    return { field, strings: [...strings.keys()], indexes };
  });
  return { count: claims.length, columns };
}

/** The claims back from their columns. */
export function claimsFromColumns({ count, columns }: ClaimColumns): ExplainedClaim[] {
  const claims = Array.from({ length: count }, () => ({}) as Record<string, unknown>);
  for (const column of columns) {
    if ('values' in column) {
      const { field, values } = column;
      for (let i = 0; i < count; i++) if (i in values) claims[i]![field] = values[i];
    } else {
      const { field, strings, indexes } = column;
      for (let i = 0; i < count; i++) if (indexes[i] !== ABSENT) claims[i]![field] = strings[indexes[i]!];
    }
  }
  return claims as unknown as ExplainedClaim[];
}

/** The messages that carry `decoded` for request `id`, in the order to post them. */
export function replyParts(id: number, decoded: TimedDecode): DecodeReplyPart[] {
  if (decoded.status !== 'ok') return [{ id, part: 'rest', decoded }];
  const { token, timed } = decoded;
  const rest: TimedDecode = {
    status: 'ok',
    token: { ...token, payload: {} },
    timed: { ...timed, explanation: { ...timed.explanation, claims: [] } },
  };
  return [
    { id, part: 'claims', claims: claimsToColumns(timed.explanation.claims) },
    { id, part: 'payload', payload: token.payload },
    { id, part: 'rest', decoded: rest },
  ];
}

/** Gathers the parts of one reply; `add` returns the decoded token once its last part is in, else null. */
export function replyReader(): { add(part: DecodeReplyPart): TimedDecode | null } {
  let claims: ClaimColumns | null = null;
  let payload: JsonObject | null = null;
  return {
    add(part) {
      if (part.part === 'claims') claims = part.claims;
      else if (part.part === 'payload') payload = part.payload;
      else {
        const { decoded } = part;
        if (decoded.status !== 'ok' || claims === null || payload === null) return decoded;
        const explanation = { ...decoded.timed.explanation, claims: claimsFromColumns(claims) };
        return { status: 'ok', token: { ...decoded.token, payload }, timed: { ...decoded.timed, explanation } };
      }
      return null;
    },
  };
}
