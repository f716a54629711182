import { Suspense } from 'react';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { preloadableLazy } from '../common/preloadable-lazy';
import { ClaimRow, ClaimsHead } from './claim-row';

// The virtualizer is a chunk of its own (most tokens never need it), preloaded with the decoder's other panels.
const virtual = preloadableLazy(async () => (await import('./virtual-claims-table')).VirtualClaimsTable);
const VirtualClaimsTable = virtual.Component;
/** Loads the virtualized table's chunk. */
export const preloadVirtualTable = virtual.preload;

/** From this many rows a claims table renders only the rows in view, with a filter over all of them (see VirtualClaimsTable). */
export const VIRTUALIZE_FROM = 100;

/** Props of {@link ClaimsTable}. */
export interface ClaimsTableProps {
  claims: readonly ExplainedClaim[];
  /** Caption read by screen readers, e.g. "Payload claims". */
  caption: string;
  /** Paths a warning points at: their rows are highlighted. */
  flaggedPaths?: ReadonlySet<string>;
  /** Paths of a refresh token the app has spent: marked "Spent". */
  spentPaths?: ReadonlySet<string>;
}

/**
 * Explained claims as a table: one row per leaf path (`data-claim-path`) with value, reading, explanation and badges.
 * A token's usual few dozen claims are all in the DOM (find-in-page works); a long list is virtualized.
 */
export function ClaimsTable({ claims, caption, flaggedPaths, spentPaths }: ClaimsTableProps) {
  if (claims.length === 0) return <p className="muted">No claims.</p>;
  if (claims.length >= VIRTUALIZE_FROM) {
    return (
      <Suspense fallback={<p className="muted">Loading the table of {claims.length} claims…</p>}>
        <VirtualClaimsTable claims={claims} caption={caption} flaggedPaths={flaggedPaths} spentPaths={spentPaths} />
      </Suspense>
    );
  }
  return (
    <table className="claims-table">
      <caption className="visually-hidden">{caption}</caption>
      <ClaimsHead />
      <tbody>
        {claims.map((claim) => (
          <ClaimRow
            key={claim.path}
            claim={claim}
            flagged={flaggedPaths?.has(claim.path) ?? false}
            spent={spentPaths?.has(claim.path) ?? false}
          />
        ))}
      </tbody>
    </table>
  );
}
