import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { formatClaimValue } from './format-claim-value';

/** What a claim is searched by, lower-cased: its path, value, reading and explanation. */
export function claimHaystack(claim: ExplainedClaim): string {
  return `${claim.path}\n${formatClaimValue(claim.value)}\n${claim.interpretation ?? ''}\n${claim.explanation}`.toLowerCase();
}

/**
 * The claims whose path, value, reading or explanation holds `query` (case-insensitive; blank keeps all). `haystacks`
 * are the claims' {@link claimHaystack}, built once per list.
 */
export function filterClaims(claims: readonly ExplainedClaim[], haystacks: readonly string[], query: string): readonly ExplainedClaim[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return claims;
  return claims.filter((_, index) => haystacks[index]!.includes(needle));
}
