import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { FieldError, fieldAria } from '../common/field-error';
import { FormFooter } from '../runs/form-footer';
import { KEY_FORMAT_SHORT } from '../common/check-private-key';
import {
  DRAFT_FIELDS,
  buildRunSource,
  buildSaveRequest,
  draftFromProfile,
  isEdited,
  type CredentialsDraft,
  type DraftField,
  type FieldErrors,
  type TokenRunSource,
} from './credentials-draft';
import { PrivateKeyField } from './private-key-field';
import { ClientEndpointFields, RequestStyleField } from './token-request-fields';
import {
  ServiceAccountImportRow,
  draftPatchOf,
  importServiceAccountFile,
  importServiceAccountText,
  type ServiceAccountImport,
} from './service-account-import';
import { REQUEST_TIMEOUT_SECONDS, normaliseTimeoutSeconds } from '../runs/request-timeout';
import { RequestTimeoutField } from '../runs/request-timeout-field';

/** Props of {@link CredentialsForm}. */
export interface CredentialsFormProps {
  /** The profile being edited, or null for a new one. */
  profile: Profile | null;
  /** Called with the stored profile after a successful save. */
  onSaved: (profile: Profile) => void;
  /** "Get token": run with the form as it stands (the saved profile when unchanged), with this per-request timeout. */
  onRun: (source: TokenRunSource, timeoutMs: number) => void;
  /** A run is in progress (Get token waits for it). */
  running: boolean;
}

/** Which fields a change clears the error of. */
const CLEARS: Readonly<Record<keyof CredentialsDraft, readonly DraftField[]>> = {
  name: ['name'],
  clientId: ['clientId'],
  endpoint: ['discoveryUrl'],
  discoveryUrl: ['discoveryUrl'],
  style: [],
  keyText: ['privateKey', 'passphrase'],
  passphrase: ['passphrase'],
};

/** The Intelligence credentials form: try the values as they stand ("Get token") or keep them ("Save"); every invalid field is reported at once, next to it. */
export function CredentialsForm({ profile, onSaved, onRun, running }: CredentialsFormProps) {
  const bridge = useBridge();
  const id = useId();
  const fieldIds: Record<DraftField, string> = {
    name: `${id}-name`,
    clientId: `${id}-client`,
    discoveryUrl: `${id}-discovery`,
    privateKey: `${id}-key`,
    passphrase: `${id}-key-passphrase`,
  };
  const [draft, setDraft] = useState<CredentialsDraft>(() => draftFromProfile(profile));
  const [timeoutText, setTimeoutText] = useState(String(REQUEST_TIMEOUT_SECONDS.default));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<Profile | null>(null);
  const [savedNotice, setSavedNotice] = useState(false);
  const [imported, setImported] = useState<ServiceAccountImport | null>(null);
  // Compared with what was last saved: the app passes the stored profile back only after reloading the list.
  const reference = saved ?? profile;
  const edited = isEdited(draft, reference);

  const update = (patch: Partial<CredentialsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof CredentialsDraft)[]) for (const field of CLEARS[key]) delete next[field];
      return next;
    });
  };

  // A service-account file fills what it holds; the rest of the form stays as typed.
  const applyImport = (result: ServiceAccountImport) => {
    setImported(result);
    if (result.ok) update(draftPatchOf(result.file));
  };
  // A file dropped anywhere on the form but the key box (which reads keys, and hands JSON back) is a service-account file.
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    const file = event.dataTransfer.files[0];
    if (event.isDefaultPrevented() || file === undefined) return;
    event.preventDefault();
    void importServiceAccountFile(file).then(applyImport);
  };

  // Save or Get token found problems: show them all, then focus the first invalid field. The errors are rendered first
  // (flushSync) so the field's aria-describedby already names its error when the focus lands.
  const report = (found: FieldErrors) => {
    flushSync(() => setErrors(found));
    const first = DRAFT_FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) document.getElementById(fieldIds[first])?.focus();
  };

  const getToken = (event?: FormEvent) => {
    event?.preventDefault();
    if (running) return;
    const built = buildRunSource(draft, reference);
    if (!built.ok) return report(built.errors);
    setErrors({});
    const seconds = normaliseTimeoutSeconds(timeoutText);
    setTimeoutText(String(seconds));
    onRun(built.source, seconds * 1000);
  };

  const save = async () => {
    const built = buildSaveRequest(draft, reference);
    setSaveError(null);
    if (!built.ok) return report(built.errors);
    setErrors({});
    setSaving(true);
    setSavedNotice(false);
    const reply = await callBridge(bridge, 'profiles:save', built.request);
    setSaving(false);
    if (!reply.ok) return setSaveError(reply.error);
    setDraft((d) => ({ ...d, keyText: '', passphrase: '' }));
    setSaved(reply.value);
    setSavedNotice(true);
    onSaved(reply.value);
  };

  const invalidCount = Object.keys(errors).length;
  return (
    <form
      className="panel credentials-form"
      onSubmit={getToken}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={onDrop}
      aria-label="Intelligence credentials"
      noValidate
    >
      <header className="panel__header">
        <h2 className="panel__title">{profile === null ? 'New Intelligence profile' : `Edit “${profile.name}”`}</h2>
        {reference !== null && edited && (
          <span className="badge badge--warning" data-testid="edited-badge">
            Edited · not saved
          </span>
        )}
      </header>
      <div className="panel__body form-grid">
        <ServiceAccountImportRow id={`${id}-service-account`} last={imported} onImport={applyImport} />
        <div className="field">
          <label htmlFor={fieldIds.name}>Profile name</label>
          <input
            id={fieldIds.name}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            placeholder="e.g. Intelligence production"
            autoComplete="off"
            {...fieldAria(`${id}-name-error`, errors.name)}
          />
          {errors.name !== undefined && <FieldError id={`${id}-name-error`} error={errors.name} />}
        </div>
        <ClientEndpointFields id={id} fieldIds={fieldIds} draft={draft} update={update} errors={errors} />
        <div className="form-grid__wide">
          <PrivateKeyField
            id={fieldIds.privateKey}
            value={draft.keyText}
            onChange={(keyText) => update({ keyText })}
            passphrase={draft.passphrase}
            onPassphraseChange={(passphrase) => update({ passphrase })}
            storedKey={profile?.keyInfo ?? null}
            onJsonText={(text, source) => applyImport(importServiceAccountText(text, source))}
            {...(errors.privateKey === undefined ? {} : { error: errors.privateKey })}
            {...(errors.passphrase === undefined ? {} : { passphraseError: errors.passphrase })}
          />
        </div>
        <RequestTimeoutField value={timeoutText} onChange={setTimeoutText} disabled={running} />
        <RequestStyleField id={id} style={draft.style} update={update} />
      </div>
      <FormFooter
        invalidCount={invalidCount}
        saving={saving}
        saveError={saveError}
        saved={
          saved !== null && savedNotice && !edited
            ? {
                title: `Saved “${saved.name}”`,
                body:
                  saved.keyInfo !== null ? (
                    <p>
                      Key in the keychain: RSA {saved.keyInfo.bits} bits · {KEY_FORMAT_SHORT[saved.keyInfo.format]} ·{' '}
                      <code data-testid="saved-fingerprint">{saved.keyInfo.fingerprint}</code>
                    </p>
                  ) : (
                    <p>No key is stored for this profile.</p>
                  ),
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
