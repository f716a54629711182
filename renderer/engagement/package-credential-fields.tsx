import type { ReactNode } from 'react';
import { REQUEST_LIMITS } from '../../shared/ipc/request-limits';

/** Props of {@link PackageCredentialFields}. */
export interface PackageCredentialFieldsProps {
  /** The prefix of the two inputs' ids (from useId). */
  idPrefix: string;
  clientId: string;
  clientSecret: string;
  onChange: (change: { clientId?: string; clientSecret?: string }) => void;
  /** Said under the secret, e.g. where it goes. */
  secretHelp?: ReactNode;
}

/** An installed package's client id and secret, as the server-to-server form and the legacy refresh both ask for them. */
export function PackageCredentialFields({ idPrefix, clientId, clientSecret, onChange, secretHelp }: PackageCredentialFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-client`}>Client id</label>
        <input
          id={`${idPrefix}-client`}
          value={clientId}
          maxLength={REQUEST_LIMITS.clientId}
          onChange={(e) => onChange({ clientId: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
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
        />
        {secretHelp !== undefined && <p className="field__help">{secretHelp}</p>}
      </div>
    </>
  );
}
