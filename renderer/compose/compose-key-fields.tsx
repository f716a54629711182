import { useId, useRef, useState } from 'react';
import { keyKindOf, type ComposeAlgorithm } from '../../shared/compose/compose-algorithms';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import type { Profile } from '../../shared/profiles/profile';
import type { SecretEncoding } from '../../shared/verify/verification';
import type { ComposeKeyEntry } from './compose-key';

/** Props of {@link ComposeKeyFields}. */
export interface ComposeKeyFieldsProps {
  alg: ComposeAlgorithm;
  entry: ComposeKeyEntry;
  onChange: (patch: Partial<ComposeKeyEntry>) => void;
  /** The saved profiles that sign with this algorithm. */
  profiles: readonly Profile[];
}

const ENCODING_HELP: Readonly<Record<SecretEncoding, string>> = {
  text: "Used as typed (UTF-8): how Marketing Cloud uses a package's JWT signing secret.",
  base64: 'Decoded from base64 (standard or URL-safe) to its bytes.',
  hex: 'Decoded from hexadecimal (with or without 0x) to its bytes: a Salt key from Key Management, pasted as shown there, is used with its original bytes as the docs say.',
};

/** What signs: a secret with its encoding (HS*), a private key pasted or opened from a file (RS/PS/ES/EdDSA), or a saved profile's. */
export function ComposeKeyFields({ alg, entry, onChange, profiles }: ComposeKeyFieldsProps) {
  const id = useId();
  const [showSecret, setShowSecret] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const secretAlg = keyKindOf(alg) === 'secret';
  const openFile = async (file: File | undefined) => {
    if (file === undefined) return;
    if (file.size > REQUEST_LIMITS.pem) return setFileError('This file is larger than 16 KB: it is not a private key.');
    onChange({ pem: await file.text(), choice: 'pem' });
    setFileError(null);
  };
  return (
    <fieldset className="compose-key">
      <legend>Signing key</legend>
      <div className="radio-group" role="radiogroup" aria-label="Where the key comes from">
        <label>
          <input
            type="radio"
            name={`${id}-choice`}
            checked={entry.choice !== 'profile'}
            onChange={() => onChange({ choice: secretAlg ? 'secret' : 'pem' })}
          />{' '}
          {secretAlg ? 'A secret' : 'A private key'}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-choice`}
            checked={entry.choice === 'profile'}
            disabled={profiles.length === 0}
            onChange={() => onChange({ choice: 'profile' })}
          />{' '}
          A saved profile's {secretAlg ? 'signing secret' : 'private key'}
          {profiles.length === 0 && <span className="field__help"> (none saved for {alg})</span>}
        </label>
      </div>
      {entry.choice === 'profile' ? (
        <div className="field">
          <label htmlFor={`${id}-profile`}>Profile</label>
          <select id={`${id}-profile`} value={entry.profileId} onChange={(e) => onChange({ profileId: e.target.value })}>
            <option value="">Choose a profile…</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <p className="field__help">
            The {secretAlg ? 'secret' : 'key'} stays in the OS keychain: the app signs with it and only the token comes back.
          </p>
        </div>
      ) : secretAlg ? (
        <div className="field-row">
          <div className="field field--grow">
            <label htmlFor={`${id}-secret`}>Secret</label>
            <div className="input-with-action">
              <input
                id={`${id}-secret`}
                type={showSecret ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                maxLength={REQUEST_LIMITS.signingSecret}
                value={entry.secret}
                onChange={(e) => onChange({ secret: e.target.value })}
                placeholder="The package's JWT signing secret, or a Salt key"
              />
              <button
                type="button"
                className="button button--ghost button--small"
                aria-pressed={showSecret}
                onClick={() => setShowSecret((s) => !s)}
              >
                {showSecret ? 'Hide' : 'Show'}
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-encoding`}>Secret encoding</label>
            <select
              id={`${id}-encoding`}
              value={entry.encoding}
              aria-describedby={`${id}-encoding-help`}
              onChange={(e) => onChange({ encoding: e.target.value as SecretEncoding })}
            >
              <option value="text">Text</option>
              <option value="base64">Base64</option>
              <option value="hex">Hex (Salt key)</option>
            </select>
          </div>
          <p id={`${id}-encoding-help`} className="field__help compose-key__help">
            {ENCODING_HELP[entry.encoding]}
          </p>
        </div>
      ) : (
        <>
          <div className="field">
            <div className="field__label-row">
              <label htmlFor={`${id}-pem`}>Private key (PEM)</label>
              <button type="button" className="button button--ghost button--small" onClick={() => fileRef.current?.click()}>
                Open a file…
              </button>
              <input ref={fileRef} type="file" accept=".pem,.key,.txt" hidden onChange={(e) => void openFile(e.target.files?.[0])} />
            </div>
            <textarea
              id={`${id}-pem`}
              className="mono"
              rows={4}
              spellCheck={false}
              maxLength={REQUEST_LIMITS.pem}
              value={entry.pem}
              onChange={(e) => onChange({ pem: e.target.value })}
              placeholder="-----BEGIN PRIVATE KEY-----"
            />
            {fileError !== null && <p className="field__warning">{fileError}</p>}
            <p className="field__help">
              RSA (PKCS#1 or PKCS#8), EC (SEC1 or PKCS#8) or Ed25519. Sent to the app for this signing only, never saved.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase (encrypted keys only)</label>
            <input
              id={`${id}-passphrase`}
              type="password"
              autoComplete="off"
              maxLength={REQUEST_LIMITS.passphrase}
              value={entry.passphrase}
              onChange={(e) => onChange({ passphrase: e.target.value })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
