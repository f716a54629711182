import { useMemo } from 'react';
import { explainToken } from '../../shared/claims/explain-token';
import { decodeToken } from '../../shared/decode/decode-token';
import { JsonView } from '../common/json-view';
import { ClaimsTable } from '../claims-widgets/claims-table';

/** Props of {@link AssertionView}. */
export interface AssertionViewProps {
  assertion: { header: Record<string, unknown>; payload: Record<string, unknown>; compact: string };
}

/** The signed client assertion, decoded and explained with the decoder's claims table. */
export function AssertionView({ assertion }: AssertionViewProps) {
  const explanation = useMemo(() => {
    try {
      return explainToken(decodeToken(assertion.compact));
    } catch {
      return null;
    }
  }, [assertion.compact]);
  if (explanation === null) return <JsonView value={{ header: assertion.header, payload: assertion.payload }} label="Signed assertion" />;
  return (
    <div className="assertion-view">
      <h4 className="step-section__title">Signed assertion · header</h4>
      <ClaimsTable claims={explanation.header} caption="Signed assertion header" />
      <h4 className="step-section__title">Signed assertion · claims</h4>
      <ClaimsTable claims={explanation.claims} caption="Signed assertion claims" />
    </div>
  );
}
