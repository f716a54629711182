import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { suggestScopes } from '../../shared/engagement/scopes';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { FieldError, fieldAria } from '../common/field-error';
import { FormFooter } from '../runs/form-footer';
import { REQUEST_TIMEOUT_SECONDS, normaliseTimeoutSeconds } from '../runs/request-timeout';
import { RequestTimeoutField } from '../runs/request-timeout-field';
import {
  ENGAGEMENT_FIELDS,
  buildEngagementRun,
  buildEngagementSave,
  isEdited,
  tenantWarnings,
  valuesFromProfile,
  type EngagementFieldErrors,
  type EngagementFormValues,
  type EngagementRunSource,
} from './engagement-draft';
import { PackageCredentialFields } from '../runs/package-credential-fields';

/** Suggestions for the scope box: documented names completing the word being typed. */
function scopeOptions(scope: string): string[] {
  const words = scope.split(/\s+/);
  const last = words.pop() ?? '';
  if (last === '') return [];
  const before = words.filter(Boolean).join(' ');
  return suggestScopes(last).map((name) => (before === '' ? name : `${before} ${name}`));
}

/** Which fields a change clears the error of (the field itself). */
const CLEARS: Readonly<Record<keyof EngagementFormValues, keyof EngagementFieldErrors | null>> = {
  name: 'name',
  tenant: 'tenant',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  scope: null,
  accountId: 'accountId',
};

/** The inputs' ids after the form's prefix (PackageCredentialFields names its two the same way). */
const ID_SUFFIX: Readonly<Record<keyof EngagementFormValues, string>> = {
  name: 'name',
  tenant: 'tenant',
  clientId: 'client',
  clientSecret: 'secret',
  scope: 'scope',
  accountId: 'account',
};

/** Props of {@link EngagementForm}. */
export interface EngagementFormProps {
  /** The form's id: "Run again" in the run panel submits it. */
  id: string;
  /** The saved Engagement profile being edited, or null for new values. */
  profile: Profile | null;
  /** After a successful save, with the stored profile (the app selects it). */
  onSaved: (profile: Profile) => void;
  /** "Get token" (or Enter in a field): the saved profile when unchanged, else the form as it stands, for this run only. */
  onRun: (source: EngagementRunSource, options: { timeoutMs: number; whoami: boolean }) => void;
  running: boolean;
}

/** The Engagement credentials form, laid out as the Intelligence one: every invalid field reported at once, next to it. */
export function EngagementForm({ id, profile, onSaved, onRun, running }: EngagementFormProps) {
  const bridge = useBridge();
  const fieldId = (field: keyof EngagementFormValues) => `${id}-${ID_SUFFIX[field]}`;
  const [values, setValues] = useState<EngagementFormValues>(() => valuesFromProfile(profile));
  const [whoami, setWhoami] = useState(true);
  const [timeoutText, setTimeoutText] = useState(String(REQUEST_TIMEOUT_SECONDS.default));
  const [errors, setErrors] = useState<EngagementFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<Profile | null>(null);
  // Compared with what was last saved: the app passes the stored profile back only after reloading the list.
  const reference = saved ?? profile;
  const edited = isEdited(values, reference);
  const warnings = tenantWarnings(values.tenant);

  const set = (patch: Partial<EngagementFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof EngagementFormValues)[]) {
        const field = CLEARS[key];
        if (field !== null) delete next[field];
      }
      return next;
    });
  };
  // Show every problem, then focus the first invalid field (rendered first, so its aria-describedby names the error).
  const report = (found: EngagementFieldErrors) => {
    flushSync(() => setErrors(found));
    const first = ENGAGEMENT_FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
  };

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    const built = buildEngagementRun(values, reference);
    if (!built.ok) return report(built.errors);
    setErrors({});
    const seconds = normaliseTimeoutSeconds(timeoutText);
    setTimeoutText(String(seconds));
    onRun(built.source, { timeoutMs: seconds * 1000, whoami });
  };
  const save = async () => {
    const built = buildEngagementSave(values, reference);
    setSaveError(null);
    if (!built.ok) return report(built.errors);
    setErrors({});
    setSaving(true);
    const reply = await callBridge(bridge, 'profiles:save', built.request);
    setSaving(false);
    if (!reply.ok) return setSaveError(reply.error);
    setValues((v) => ({ ...v, clientSecret: '' }));
    setSaved(reply.value);
    onSaved(reply.value);
  };
  const error = (field: keyof EngagementFieldErrors) =>
    errors[field] === undefined ? null : <FieldError id={`${fieldId(field)}-error`} error={errors[field]} />;

  return (
    <form id={id} className="panel credentials-form engagement-form" onSubmit={run} aria-label="Engagement credentials" noValidate>
      <header className="panel__header">
        <h2 className="panel__title">{profile === null ? 'New Engagement profile' : `Edit “${profile.name}”`}</h2>
        {reference !== null && edited && <span className="badge badge--warning">Edited · not saved</span>}
      </header>
      <div className="panel__body form-grid">
        <div className="field">
          <label htmlFor={fieldId('name')}>Profile name</label>
          <input
            id={fieldId('name')}
            value={values.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder="e.g. Engagement production"
            autoComplete="off"
            {...fieldAria(`${fieldId('name')}-error`, errors.name, `${fieldId('name')}-help`)}
          />
          <p id={`${fieldId('name')}-help`} className="field__help">
            Needed to save; a run works without it.
          </p>
          {error('name')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('tenant')}>Subdomain or auth base URL</label>
          <input
            id={fieldId('tenant')}
            className="mono"
            value={values.tenant}
            maxLength={REQUEST_LIMITS.url}
            onChange={(e) => set({ tenant: e.target.value })}
            placeholder="e.g. mc563885gzs27c5t9-63k636ttgm"
            autoComplete="off"
            spellCheck={false}
            {...fieldAria(`${fieldId('tenant')}-error`, errors.tenant, `${fieldId('tenant')}-help`)}
          />
          <p id={`${fieldId('tenant')}-help`} className="field__help">
            28 characters starting with mc, or https://&lt;subdomain&gt;.auth.marketingcloudapis.com/
          </p>
          {warnings.map((warning) => (
            <p key={warning.code} className="field__warning" data-warning-code={warning.code}>
              {warning.message}
              {warning.hint !== undefined && ` ${warning.hint}`}
            </p>
          ))}
          {error('tenant')}
        </div>
        <PackageCredentialFields
          idPrefix={id}
          clientId={values.clientId}
          clientSecret={values.clientSecret}
          onChange={set}
          errors={errors}
          secretHelp={
            reference?.hasClientSecret === true
              ? 'Stored in the OS keychain: leave empty to keep it, or paste a new one.'
              : 'Sent to the app for this run only; saving a profile puts it in the OS keychain.'
          }
        />
        <div className="field">
          <label htmlFor={fieldId('scope')}>Scopes (optional)</label>
          <input
            id={fieldId('scope')}
            className="mono"
            list={`${id}-scopes`}
            value={values.scope}
            maxLength={REQUEST_LIMITS.scope}
            onChange={(e) => set({ scope: e.target.value })}
            placeholder="e.g. email_read data_extensions_read"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${fieldId('scope')}-help`}
          />
          <datalist id={`${id}-scopes`}>
            {scopeOptions(values.scope).map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
          <p id={`${fieldId('scope')}-help`} className="field__help">
            Space-separated; empty asks for the package&apos;s own scopes.
          </p>
        </div>
        <div className="field">
          <label htmlFor={fieldId('accountId')}>Account id (MID, optional)</label>
          <input
            id={fieldId('accountId')}
            className="mono"
            value={values.accountId}
            inputMode="numeric"
            maxLength={REQUEST_LIMITS.accountId}
            onChange={(e) => set({ accountId: e.target.value })}
            placeholder="e.g. 510001234"
            autoComplete="off"
            {...fieldAria(`${fieldId('accountId')}-error`, errors.accountId)}
          />
          {error('accountId')}
        </div>
        <RequestTimeoutField
          value={timeoutText}
          onChange={setTimeoutText}
          disabled={running}
          help="Each request (token, who-am-I, SOAP endpoint) stops waiting after this long"
        />
        <label className="checkbox-field form-grid__aside">
          <input type="checkbox" checked={whoami} onChange={(e) => setWhoami(e.target.checked)} disabled={running} /> Also ask who am I
          (v2/userinfo) and the SOAP endpoint
        </label>
      </div>
      <FormFooter
        invalidCount={Object.keys(errors).length}
        saving={saving}
        saveError={saveError}
        saved={
          saved !== null && !edited
            ? {
                title: `Saved profile “${saved.name}”`,
                body: <p>{saved.hasClientSecret ? 'Its client secret is in the OS keychain.' : 'No client secret is stored for it.'}</p>,
              }
            : null
        }
        isNew={profile === null}
        onSave={() => void save()}
        running={running}
      />
    </form>
  );
}
