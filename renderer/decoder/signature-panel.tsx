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

/** The encodings offered for a secret, with what each is for: shown next to the field. */
const ENCODINGS: ReadonlyArray<{ value: SecretEncoding; label: string; help: string }> = [
  {
    value: 'text',
    label: 'Text (JWT signing secret)',
    help: "Text: the secret's characters as typed are the key (UTF-8), as Marketing Cloud uses the package's JWT signing secret for SSO JWTs and custom-activity calls.",
  },
  {
    value: 'hex',
    label: 'Hex (Salt key from Key Management)',
    help: 'Hex: paste a Salt key as Key Management shows it (0x and spaces optional); the bytes it stands for are the key. Journey Builder signs an activity call with them when the activity names the key as its customerKey.',
  },
  {
    value: 'base64',
    label: 'Base64',
    help: 'Base64: the bytes the base64 stands for are the key (standard or URL-safe, padding optional).',
  },
];

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
          <>
            <div className="field-row signature-panel__secret-row">
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
                    placeholder="The package's JWT signing secret, or a Salt key"
                    aria-describedby={`${id}-encoding-help`}
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
                  onChange={(e) => update({ encoding: e.target.value as SecretEncoding })}
                >
                  {ENCODINGS.map((encoding) => (
                    <option key={encoding.value} value={encoding.value}>
                      {encoding.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="field__help signature-panel__encoding-help" id={`${id}-encoding-help`} data-secret-encoding={entry.encoding}>
              {ENCODINGS.find((encoding) => encoding.value === entry.encoding)?.help}
            </p>
          </>
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
