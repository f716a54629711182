import { useId, useState } from 'react';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import type { Profile } from '../../shared/profiles/profile';
import type { SecretEncoding } from '../../shared/verify/verification';
import { useBridge } from '../bridge/bridge-context';
import { defaultKeySource, type KeyEntry, type KeySource } from './key-source';
import { SignatureStatusView } from './signature-status-view';
import { useSignatureCheck } from './use-signature-check';

/** Props of {@link SignaturePanel}. */
export interface SignaturePanelProps {
  token: DecodedToken;
  /** Saved Engagement profiles that hold a signing secret (offered when the desktop app is there). */
  secretProfiles: readonly Profile[];
}

const SOURCE_LABELS: Readonly<Record<KeySource, string>> = {
  secret: 'Signing secret (HS256)',
  pem: 'Public key (PEM)',
  jwk: 'JWK or JWK Set',
  profile: 'Saved signing secret',
};

/** The signature panel: pick a key (secret, PEM, JWK, or a saved Engagement secret) and see the verdict as you type. */
export function SignaturePanel({ token, secretProfiles }: SignaturePanelProps) {
  const bridge = useBridge();
  const id = useId();
  const [entry, setEntry] = useState<KeyEntry>(() => ({
    source: defaultKeySource(token.header.alg),
    secret: '',
    encoding: 'text',
    pem: '',
    jwk: '',
    profileId: '',
  }));
  const [showSecret, setShowSecret] = useState(false);
  const check = useSignatureCheck(token, entry, bridge);
  const update = (patch: Partial<KeyEntry>) => setEntry((current) => ({ ...current, ...patch }));
  const sources: KeySource[] =
    bridge !== null && secretProfiles.length > 0 ? ['secret', 'pem', 'jwk', 'profile'] : ['secret', 'pem', 'jwk'];
  const alg = typeof token.header.alg === 'string' ? token.header.alg : 'none';

  return (
    <section className="panel signature-panel" aria-label="Signature">
      <header className="panel__header">
        <h2 className="panel__title">Signature</h2>
        <span className="panel__note">
          alg <code>{alg}</code> · {token.signature.length} bytes
        </span>
      </header>
      <div className="signature-panel__body">
        <SignatureStatusView check={check} source={entry.source} />
        <div className="field">
          <label htmlFor={`${id}-source`}>Verify with</label>
          <select id={`${id}-source`} value={entry.source} onChange={(e) => update({ source: e.target.value as KeySource })}>
            {sources.map((source) => (
              <option key={source} value={source}>
                {SOURCE_LABELS[source]}
              </option>
            ))}
          </select>
        </div>
        {entry.source === 'secret' && (
          <div className="field-row">
            <div className="field field--grow">
              <label htmlFor={`${id}-secret`}>Signing secret</label>
              <div className="input-with-action">
                <input
                  id={`${id}-secret`}
                  type={showSecret ? 'text' : 'password'}
                  autoComplete="off"
                  spellCheck={false}
                  value={entry.secret}
                  onChange={(e) => update({ secret: e.target.value })}
                  placeholder="The package's JWT signing secret"
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
              <select id={`${id}-encoding`} value={entry.encoding} onChange={(e) => update({ encoding: e.target.value as SecretEncoding })}>
                <option value="text">Text</option>
                <option value="base64">Base64</option>
                <option value="hex">Hex</option>
              </select>
            </div>
          </div>
        )}
        {entry.source === 'pem' && (
          <div className="field">
            <label htmlFor={`${id}-pem`}>Public key (PEM)</label>
            <textarea
              id={`${id}-pem`}
              className="mono"
              rows={5}
              spellCheck={false}
              value={entry.pem}
              onChange={(e) => update({ pem: e.target.value })}
              placeholder="-----BEGIN PUBLIC KEY-----"
            />
          </div>
        )}
        {entry.source === 'jwk' && (
          <div className="field">
            <label htmlFor={`${id}-jwk`}>JWK or JWK Set (JSON)</label>
            <textarea
              id={`${id}-jwk`}
              className="mono"
              rows={5}
              spellCheck={false}
              value={entry.jwk}
              onChange={(e) => update({ jwk: e.target.value })}
              placeholder='{"kty":"RSA","n":"…","e":"AQAB"}'
            />
          </div>
        )}
        {entry.source === 'profile' && (
          <div className="field">
            <label htmlFor={`${id}-profile`}>Saved signing secret</label>
            <select id={`${id}-profile`} value={entry.profileId} onChange={(e) => update({ profileId: e.target.value })}>
              <option value="">Choose a profile…</option>
              {secretProfiles.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </select>
            <p className="field__help">
              The secret stays in the OS keychain; the app checks the signature and only the verdict comes back.
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
