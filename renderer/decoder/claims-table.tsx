import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { Badge } from '../common/badge';
import { Fragment } from 'react';
import { formatClaimValue, localTimeOf, valueType } from './format-claim-value';
import { SecretClaimValue } from './secret-claim-value';

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

/** Explained claims as a table: one row per leaf path (`data-claim-path`) with value, reading, explanation and badges. */
export function ClaimsTable({ claims, caption, flaggedPaths, spentPaths }: ClaimsTableProps) {
  if (claims.length === 0) return <p className="muted">No claims.</p>;
  return (
    <table className="claims-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
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

/** One explained claim as a table row. */
function ClaimRow({ claim, flagged, spent }: { claim: ExplainedClaim; flagged: boolean; spent: boolean }) {
  const badges = !claim.documented || claim.unused === true || spent;
  const classes = ['claim-row', flagged ? 'claim-row--flagged' : '', claim.documented ? '' : 'claim-row--undocumented']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes} data-claim-path={claim.path} data-spent={spent || undefined}>
      <th scope="row" className="claim-row__path">
        <code>
          {/* Long paths break after a dot, never inside a name. */}
          {claim.path.split('.').map((part, index) => (
            <Fragment key={index}>
              {index > 0 && (
                <>
                  .<wbr />
                </>
              )}
              {part}
            </Fragment>
          ))}
        </code>
      </th>
      <td className="claim-row__value">
        {claim.secret === undefined ? (
          <code className={`value value--${valueType(claim.value)}`}>{formatClaimValue(claim.value)}</code>
        ) : (
          <SecretClaimValue claim={claim} />
        )}
        {claim.interpretation !== null && <span className="claim-row__interpretation">{claim.interpretation}</span>}
        {localTimeOf(claim.interpretation) !== null && (
          <span className="claim-row__interpretation claim-row__local-time">Local time: {localTimeOf(claim.interpretation)}</span>
        )}
      </td>
      <td className="claim-row__explanation">
        {badges && (
          <span className="claim-row__badges">
            {spent && (
              <Badge tone="danger" title="The refresh in this app used it: it works once, so a second use fails after a 5-minute grace">
                Spent
              </Badge>
            )}
            {!claim.documented && (
              <Badge tone="warning" title="No public documentation describes this claim for this kind of token">
                Undocumented
              </Badge>
            )}
            {claim.unused === true && (
              <Badge tone="neutral" title="Documented as not used or legacy">
                Not used
              </Badge>
            )}
          </span>
        )}
        <span>{claim.explanation}</span>
      </td>
    </tr>
  );
}
