import type { ShownField } from '../../shared/exchange/flow-types';

/** Props of {@link ShownFieldsTable}. */
export interface ShownFieldsTableProps {
  /** e.g. "Request headers". */
  caption: string;
  fields: readonly ShownField[];
  /** When false, sensitive values are masked. */
  revealed: boolean;
}

/** The placeholder shown instead of a sensitive value. */
export const MASK = '••••••••';

/** Name/value pairs of a request or response; sensitive values masked until revealed. */
export function ShownFieldsTable({ caption, fields, revealed }: ShownFieldsTableProps) {
  if (fields.length === 0) return null;
  return (
    <table className="fields-table">
      <caption>{caption}</caption>
      <tbody>
        {fields.map((field, index) => (
          <tr key={`${field.name}-${index}`}>
            <th scope="row">
              <code>{field.name}</code>
            </th>
            <td>
              {field.sensitive && !revealed ? (
                <span className="masked" data-masked="true">
                  <span aria-hidden="true">{MASK}</span>
                  <span className="muted">{maskedLengthText(field)}</span>
                </span>
              ) : (
                <code className="fields-table__value">{field.value}</code>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** " masked · N chars" with the secret's true length; a placeholder without a known length says no length. */
function maskedLengthText(field: ShownField): string {
  const length = field.maskedLength ?? (field.value === MASK ? null : field.value.length);
  return length === null ? ' masked' : ` masked · ${length} chars`;
}
