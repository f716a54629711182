import type { FlowWarning } from '../../shared/exchange/flow-types';
import { Notice } from '../common/notice';

/** Props of {@link FlowWarningsList}. */
export interface FlowWarningsListProps {
  warnings: readonly FlowWarning[];
}

/** Warnings noticed during a run (clock skew, an unexpected lifetime), as one warning notice. */
export function FlowWarningsList({ warnings }: FlowWarningsListProps) {
  if (warnings.length === 0) return null;
  return (
    <Notice tone="warning" title={warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`}>
      <ul className="plain-list">
        {warnings.map((warning) => (
          <li key={warning.code} data-warning-code={warning.code}>
            {warning.message}
            {warning.hint !== undefined && <span className="flow-warning__hint"> {warning.hint}</span>}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
