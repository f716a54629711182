import { Fragment, memo, type Ref } from 'react';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { Badge } from '../common/badge';
import { formatClaimValue, localTimeOf, valueType } from './format-claim-value';
import { SecretClaimValue } from './secret-claim-value';

/** Props of {@link ClaimRow}. */
export interface ClaimRowProps {
  claim: ExplainedClaim;
  flagged: boolean;
  spent: boolean;
  /** In a virtualized table: the row's place among all rows (header = 1), its index for measuring, focusability and a ref. */
  rowIndex?: number;
  dataIndex?: number;
  tabIndex?: number;
  ref?: Ref<HTMLTableRowElement>;
}

/**
 * One explained claim as a table row (`data-claim-path`): path, value with its reading, explanation and badges. Memoised:
 * a virtualized table re-renders on every scroll and measurement, and its rows in view mostly stay as they were.
 */
export const ClaimRow = memo(function ClaimRow({ claim, flagged, spent, rowIndex, dataIndex, tabIndex, ref }: ClaimRowProps) {
  const badges = !claim.documented || claim.unused === true || spent;
  const classes = ['claim-row', flagged ? 'claim-row--flagged' : '', claim.documented ? '' : 'claim-row--undocumented']
    .filter(Boolean)
    .join(' ');
  const localTime = localTimeOf(claim.interpretation);
  return (
    <tr
      ref={ref}
      className={classes}
      data-claim-path={claim.path}
      data-spent={spent || undefined}
      data-index={dataIndex}
      aria-rowindex={rowIndex}
      tabIndex={tabIndex}
    >
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
        {localTime !== null && <span className="claim-row__interpretation claim-row__local-time">Local time: {localTime}</span>}
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
});

/** The column headers every claims table shares. */
export function ClaimsHead({ rowIndex }: { rowIndex?: number }) {
  return (
    <thead>
      <tr aria-rowindex={rowIndex}>
        <th scope="col">Claim</th>
        <th scope="col">Value</th>
        <th scope="col">Meaning</th>
      </tr>
    </thead>
  );
}
