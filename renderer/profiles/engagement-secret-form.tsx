import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import type { SecretEncoding } from '../../shared/verify/verification';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { profileNameError } from '../profile-widgets/profile-name';

/** Props of {@link EngagementSecretForm}. */
export interface EngagementSecretFormProps {
  onSaved: (profile: Profile) => void;
}

/** Saves an Engagement package's JWT signing secret to the keychain as a profile, for checking SSO JWTs in the Decoder. */
export function EngagementSecretForm({ onSaved }: EngagementSecretFormProps) {
  const bridge = useBridge();
  const id = useId();
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [encoding, setEncoding] = useState<SecretEncoding>('text');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const nameError = profileNameError(name, 'Give the profile a name, e.g. "Engagement SSO app".');
    if (nameError !== null) return setError(nameError);
    if (secret === '') return setError({ code: 'ERR_VERIFY_SECRET_EMPTY', message: "Paste the package's JWT signing secret." });
    setBusy(true);
    setError(null);
    const reply = await callBridge(bridge, 'profiles:save', {
      name: name.trim(),
      product: 'engagement',
      clientId: clientId.trim(),
      signingSecret: secret,
      secretEncoding: encoding,
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setName('');
    setClientId('');
    setSecret('');
    onSaved(reply.value);
  };

  return (
    <details className="panel engagement-secret">
      <summary className="panel__header panel__summary">
        <span className="panel__title">Add an Engagement signing secret</span>
        <span className="panel__note">verify App Center SSO JWTs in the Decoder without pasting the secret</span>
      </summary>
      <form className="panel__body form-grid" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Profile name</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            placeholder="e.g. Engagement SSO app"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-client`}>Client id (optional)</label>
          <input
            id={`${id}-client`}
            className="mono"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-secret`}>JWT signing secret</label>
          <input id={`${id}-secret`} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-encoding`}>Encoding</label>
          <select id={`${id}-encoding`} value={encoding} onChange={(e) => setEncoding(e.target.value as SecretEncoding)}>
            <option value="text">Text</option>
            <option value="base64">Base64</option>
            <option value="hex">Hex</option>
          </select>
        </div>
        <div className="form-grid__wide button-row" aria-live="polite">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save secret
          </button>
          {busy && (
            <span className="inline-status">
              <Spinner /> Saving to the keychain…
            </span>
          )}
          {error !== null && <ErrorMessage error={error} inline />}
        </div>
      </form>
    </details>
  );
}
