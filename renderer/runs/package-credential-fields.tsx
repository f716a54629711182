import type { ReactNode } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import { FieldError, fieldAria } from '../common/field-error';

/** Props of {@link PackageCredentialFields}. */
export interface PackageCredentialFieldsProps {
  /** The prefix of the two inputs' ids (from useId): `<prefix>-client` and `<prefix>-secret`. */
  idPrefix: string;
  clientId: string;
  clientSecret: string;
  onChange: (change: { clientId?: string; clientSecret?: string }) => void;
  /** Said under the secret, e.g. where it goes. */
  secretHelp?: ReactNode;
  /** What is wrong with either field, shown under it. */
  errors?: { clientId?: ErrorPayload; clientSecret?: ErrorPayload };
}

/** An installed package's client id and secret, as the server-to-server form and the legacy refresh both ask for them. */
export function PackageCredentialFields({
  idPrefix,
  clientId,
  clientSecret,
  onChange,
  secretHelp,
  errors = {},
}: PackageCredentialFieldsProps) {
  const help = secretHelp === undefined ? undefined : `${idPrefix}-secret-help`;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-client`}>Client id</label>
        <input
          id={`${idPrefix}-client`}
          className="mono"
          value={clientId}
          maxLength={REQUEST_LIMITS.clientId}
          onChange={(e) => onChange({ clientId: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria(`${idPrefix}-client-error`, errors.clientId)}
        />
        {errors.clientId !== undefined && <FieldError id={`${idPrefix}-client-error`} error={errors.clientId} />}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-secret`}>Client secret</label>
        <input
          id={`${idPrefix}-secret`}
          type="password"
          value={clientSecret}
          maxLength={REQUEST_LIMITS.clientSecret}
          onChange={(e) => onChange({ clientSecret: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria(`${idPrefix}-secret-error`, errors.clientSecret, help)}
        />
        {secretHelp !== undefined && (
          <p id={help} className="field__help">
            {secretHelp}
          </p>
        )}
        {errors.clientSecret !== undefined && <FieldError id={`${idPrefix}-secret-error`} error={errors.clientSecret} />}
      </div>
    </>
  );
}
