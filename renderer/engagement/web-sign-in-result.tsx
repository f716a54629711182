import { useId, useState, type FormEvent } from 'react';
import type { WebAppToken } from '../../shared/engagement/web-app-types';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import { CopyButton } from '../common/copy-button';
import { ErrorMessage } from '../common/error-message';
import { FieldError, fieldAria } from '../common/field-error';
import { Notice } from '../common/notice';
import { Spinner } from '../common/spinner';
import { profileNameError } from '../profile-widgets/profile-name';
import { IssuedTokenHead } from '../runs/issued-token-head';
import { WebSignInWhoami } from './web-sign-in-whoami';
import { DetailRow, ScopesGranted } from './whoami-view';

/** Props of {@link WebSignInResult}. */
export interface WebSignInResultProps {
  /** The finished sign-in whose tokens the app holds: "Who am I" asks with its access token. */
  signInId: string;
  token: WebAppToken;
  onOpenInDecoder: (token: string) => void;
  /** Saves the sign-in under this name (the refresh token goes from the app to the OS keychain); the reply. */
  onSave: (name: string) => Promise<{ ok: true; value: Profile } | { ok: false; error: ErrorPayload }>;
}

/** A signed-in web or public app: its token (countdown, copy, decoder), scopes granted vs asked, instance URLs, who-am-I, and the save. */
export function WebSignInResult({ signInId, token, onOpenInDecoder, onSave }: WebSignInResultProps) {
  return (
    <section className="issued-token" aria-label="Access token">
      <IssuedTokenHead accessToken={token.accessToken} expiresAt={token.expiresAt} lifetimeSeconds={token.expiresIn} />
      <div className="button-row">
        <CopyButton text={token.accessToken} label="Copy token" />
        <button type="button" className="button button--secondary" onClick={() => onOpenInDecoder(token.accessToken)}>
          Open in decoder
        </button>
      </div>
      <table className="fields-table" aria-label="Token details">
        <tbody>
          <DetailRow name="Lifetime" value={`${token.expiresIn} s (expires_in, from the response)`} />
          <DetailRow name="REST instance URL" value={token.restInstanceUrl} />
          <DetailRow name="SOAP instance URL" value={token.soapInstanceUrl} />
          <DetailRow name="Token endpoint" value={token.tokenEndpoint} />
          {token.tssd !== null && <DetailRow name="Tenant-specific subdomain (tssd)" value={token.tssd} />}
          <DetailRow
            name="Refresh token"
            value={
              token.hasRefreshToken
                ? `received (${token.refreshTokenLength} characters), kept in the app until you save: never shown`
                : 'none (offline was not granted)'
            }
          />
        </tbody>
      </table>
      <ScopesGranted token={token} />
      <WebSignInWhoami signInId={signInId} />
      <SaveSignIn hasRefreshToken={token.hasRefreshToken} onSave={onSave} />
    </section>
  );
}

/** "Save as profile": a name, then the sign-in saved as an engagement-web profile (refresh token to the OS keychain). */
function SaveSignIn({ hasRefreshToken, onSave }: { hasRefreshToken: boolean; onSave: WebSignInResultProps['onSave'] }) {
  const id = useId();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<Profile | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = profileNameError(name, 'Give the profile a name, e.g. "Web app production".');
    setNameError(problem);
    setError(null);
    if (problem !== null) return document.getElementById(`${id}-name`)?.focus();
    setSaving(true);
    const reply = await onSave(name.trim());
    setSaving(false);
    if (reply.ok) setSaved(reply.value);
    else setError(reply.error);
  };
  if (!hasRefreshToken)
    return (
      <p className="field__help">
        This sign-in cannot be saved as a profile: no refresh token came. Ask for the <code>offline</code> scope (and select offline access
        on the package), then sign in again.
      </p>
    );
  if (saved !== null)
    return (
      <Notice tone="success" title={`Saved profile “${saved.name}”`}>
        <p>
          Its refresh token is in the OS keychain. <code>mctoken token --profile &quot;{saved.name}&quot;</code> gets new access tokens with
          it (each refresh stores the next refresh token).
        </p>
      </Notice>
    );
  return (
    <form className="web-sign-in-save" onSubmit={(event) => void submit(event)} aria-label="Save as profile" noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Profile name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Web app production"
          autoComplete="off"
          {...fieldAria(`${id}-name-error`, nameError ?? undefined, `${id}-name-help`)}
        />
        <p id={`${id}-name-help`} className="field__help">
          The refresh token goes to the OS keychain (with a web app&apos;s client secret); the same name again updates that profile.
        </p>
        {nameError !== null && <FieldError id={`${id}-name-error`} error={nameError} />}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving && <Spinner />}
          Save as profile
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} title="Not saved" />}
    </form>
  );
}
