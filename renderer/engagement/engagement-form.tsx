import { useId } from 'react';
import { suggestScopes } from '../../shared/engagement/scopes';
import { REQUEST_LIMITS } from '../../shared/ipc/request-limits';
import type { EngagementDraft } from '../../shared/ipc/ipc-contract';
import { PackageCredentialFields } from './package-credential-fields';

/** What the form holds: the tenant as typed (a subdomain, or a URL when it has "://"), and the package's values. */
export interface EngagementFormValues {
  tenant: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  accountId: string;
}

/** An empty form. */
export const EMPTY_FORM: EngagementFormValues = { tenant: '', clientId: '', clientSecret: '', scope: '', accountId: '' };

/** The draft a run (or a save) sends: the tenant split into subdomain or auth URL; empty scopes mean the package's own. */
export function draftOf(values: EngagementFormValues): EngagementDraft {
  const tenant = values.tenant.trim();
  const where = tenant.includes('://') ? { authUrl: tenant } : { subdomain: tenant };
  return {
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    ...where,
    scope: values.scope.trim() === '' ? null : values.scope,
    accountId: values.accountId.trim() === '' ? null : values.accountId,
  };
}

/** Suggestions for the scope box: documented names completing the word being typed. */
function scopeOptions(scope: string): string[] {
  const words = scope.split(/\s+/);
  const last = words.pop() ?? '';
  if (last === '') return [];
  const before = words.filter(Boolean).join(' ');
  return suggestScopes(last).map((name) => (before === '' ? name : `${before} ${name}`));
}

/** Props of {@link EngagementForm}. */
export interface EngagementFormProps {
  values: EngagementFormValues;
  onChange: (values: EngagementFormValues) => void;
  disabled: boolean;
}

/** The installed package's values: tenant, client id and secret, scopes (with documented names suggested), business unit. */
export function EngagementForm({ values, onChange, disabled }: EngagementFormProps) {
  const id = useId();
  const set = (patch: Partial<EngagementFormValues>) => onChange({ ...values, ...patch });
  return (
    <fieldset className="form-grid" disabled={disabled}>
      <div className="field">
        <label htmlFor={`${id}-tenant`}>Subdomain or auth base URL</label>
        <input
          id={`${id}-tenant`}
          value={values.tenant}
          maxLength={REQUEST_LIMITS.url}
          onChange={(e) => set({ tenant: e.target.value })}
          placeholder="mc563885gzs27c5t9-63k636ttgm"
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field__help">28 characters starting with mc, or https://&lt;subdomain&gt;.auth.marketingcloudapis.com/</p>
      </div>
      <PackageCredentialFields
        idPrefix={id}
        clientId={values.clientId}
        clientSecret={values.clientSecret}
        onChange={set}
        secretHelp="Sent to the app for this run only; saving a profile puts it in the OS keychain."
      />
      <div className="field">
        <label htmlFor={`${id}-scope`}>Scopes (optional)</label>
        <input
          id={`${id}-scope`}
          list={`${id}-scopes`}
          value={values.scope}
          maxLength={REQUEST_LIMITS.scope}
          onChange={(e) => set({ scope: e.target.value })}
          placeholder="email_read data_extensions_read"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id={`${id}-scopes`}>
          {scopeOptions(values.scope).map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
        <p className="field__help">Space-separated; empty asks for the package&apos;s own scopes.</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>Account id (MID, optional)</label>
        <input
          id={`${id}-account`}
          value={values.accountId}
          inputMode="numeric"
          maxLength={REQUEST_LIMITS.accountId}
          onChange={(e) => set({ accountId: e.target.value })}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}
