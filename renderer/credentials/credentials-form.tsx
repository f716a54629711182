import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { REGIONS } from '../../shared/intelligence/regions';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { ErrorMessage } from '../common/error-message';
import { Notice } from '../common/notice';
import { Spinner } from '../common/spinner';
import { KEY_FORMAT_SHORT } from './check-private-key';
import { buildSaveRequest, draftFromProfile, type CredentialsDraft } from './credentials-draft';
import { PrivateKeyField } from './private-key-field';

/** Props of {@link CredentialsForm}. */
export interface CredentialsFormProps {
  /** The profile being edited, or null for a new one. */
  profile: Profile | null;
  /** Called with the stored profile after a successful save. */
  onSaved: (profile: Profile) => void;
}

/** The Intelligence credentials form: name, client id, region or discovery URL, request style, and the private key. */
export function CredentialsForm({ profile, onSaved }: CredentialsFormProps) {
  const bridge = useBridge();
  const id = useId();
  const [draft, setDraft] = useState<CredentialsDraft>(() => draftFromProfile(profile));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<Profile | null>(null);
  const update = (patch: Partial<CredentialsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildSaveRequest(draft, profile);
    if (!built.ok) {
      setError(built.error);
      setSaved(null);
      return;
    }
    setSaving(true);
    setError(null);
    const reply = await callBridge(bridge, 'profiles:save', built.request);
    setSaving(false);
    if (!reply.ok) {
      setError(reply.error);
      setSaved(null);
      return;
    }
    setDraft((d) => ({ ...d, keyText: '', passphrase: '' }));
    setSaved(reply.value);
    onSaved(reply.value);
  };

  return (
    <form className="panel credentials-form" onSubmit={(e) => void onSubmit(e)} aria-label="Intelligence credentials" noValidate>
      <header className="panel__header">
        <h2 className="panel__title">{profile === null ? 'New Intelligence profile' : `Edit “${profile.name}”`}</h2>
      </header>
      <div className="panel__body form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Profile name</label>
          <input id={`${id}-name`} value={draft.name} onChange={(e) => update({ name: e.target.value })} placeholder="Intelligence production" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-client`}>Client id (service account id)</label>
          <input
            id={`${id}-client`}
            className="mono"
            value={draft.clientId}
            onChange={(e) => update({ clientId: e.target.value })}
            spellCheck={false}
            autoComplete="off"
            placeholder="Shown when the API token was generated"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-endpoint`}>Region</label>
          <select id={`${id}-endpoint`} value={draft.endpoint} onChange={(e) => update({ endpoint: e.target.value as CredentialsDraft['endpoint'] })}>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
            <option value="custom">Paste a discovery URL…</option>
          </select>
        </div>
        {draft.endpoint === 'custom' ? (
          <div className="field">
            <label htmlFor={`${id}-discovery`}>Discovery URL</label>
            <input
              id={`${id}-discovery`}
              className="mono"
              type="url"
              value={draft.discoveryUrl}
              onChange={(e) => update({ discoveryUrl: e.target.value })}
              spellCheck={false}
              placeholder="https://idp.intelligence.salesforce.com/…"
            />
          </div>
        ) : (
          <p className="field__help form-grid__aside">
            Only us1's discovery URL is documented; the others are guessed from it. Best: choose “Paste a discovery URL…” and paste the one the Intelligence UI shows.
          </p>
        )}
        <div className="form-grid__wide">
          <PrivateKeyField
            value={draft.keyText}
            onChange={(keyText) => update({ keyText })}
            passphrase={draft.passphrase}
            onPassphraseChange={(passphrase) => update({ passphrase })}
            storedKey={profile?.keyInfo ?? null}
          />
        </div>
        <details className="advanced form-grid__wide">
          <summary>Advanced</summary>
          <fieldset className="radio-group">
            <legend>Token request style</legend>
            <label>
              <input type="radio" name={`${id}-style`} value="form" checked={draft.style === 'form'} onChange={() => update({ style: 'form' })} />
              Form POST body <span className="muted">(RFC 7523, default)</span>
            </label>
            <label>
              <input type="radio" name={`${id}-style`} value="query" checked={draft.style === 'query'} onChange={() => update({ style: 'query' })} />
              Query string <span className="muted">(as in the Intelligence docs)</span>
            </label>
          </fieldset>
        </details>
      </div>
      <footer className="panel__footer">
        <div className="panel__footer-status" aria-live="polite">
          {saving && (
            <span className="inline-status">
              <Spinner /> Saving to the keychain…
            </span>
          )}
          {error !== null && <ErrorMessage error={error} title="Not saved" />}
          {saved !== null && error === null && !saving && (
            <Notice tone="success" title={`Saved “${saved.name}”`}>
              {saved.keyInfo !== null ? (
                <p>
                  Key in the keychain: RSA {saved.keyInfo.bits} bits · {KEY_FORMAT_SHORT[saved.keyInfo.format]} ·{' '}
                  <code data-testid="saved-fingerprint">{saved.keyInfo.fingerprint}</code>
                </p>
              ) : (
                <p>No key is stored for this profile.</p>
              )}
            </Notice>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={saving}>
          {profile === null ? 'Save profile' : 'Save changes'}
        </button>
      </footer>
    </form>
  );
}
