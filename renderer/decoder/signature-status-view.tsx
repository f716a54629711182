import { describeSecretReading } from '../../shared/verify/secret-bytes';
import type { SignatureStatus } from '../../shared/verify/verification';
import { Spinner } from '../common/spinner';
import type { KeySource } from './key-source';
import type { SignatureCheck } from './use-signature-check';

const LABELS: Readonly<Record<SignatureStatus, string>> = {
  valid: 'Signature verified',
  invalid: 'Signature invalid',
  unchecked: 'Signature not checked',
  unsupported: 'Signature cannot be checked',
};

/** One signature's verdict in the list a JWS with several signatures gets. */
const SHORT_LABELS: Readonly<Record<SignatureStatus, string>> = {
  valid: 'verified',
  invalid: 'invalid',
  unchecked: 'not checked',
  unsupported: 'cannot be checked',
};

const ICONS: Readonly<Record<SignatureStatus, string>> = { valid: '✓', invalid: '✕', unchecked: '?', unsupported: '–' };

const ASK: Readonly<Record<KeySource, string>> = {
  secret: 'Enter the signing secret to verify the signature.',
  pem: 'Paste the public key (PEM) to verify the signature.',
  jwk: 'Paste the JWK or JWK Set to verify the signature.',
  profile: 'Pick a saved signing secret to verify the signature.',
};

/** Props of {@link SignatureStatusView}. */
export interface SignatureStatusViewProps {
  check: SignatureCheck;
  source: KeySource;
}

function validMessage(alg: string | null, source: KeySource): string {
  const by = source === 'profile' ? 'the saved signing secret' : source === 'secret' ? 'the secret you entered' : 'the key you entered';
  return `The ${alg ?? 'token'} signature matches ${by}: the token was issued by whoever holds it and has not been changed.`;
}

/** The signature verdict: a status (`data-signature-status`), a clear label and what it means or what to do; announced politely. */
export function SignatureStatusView({ check, source }: SignatureStatusViewProps) {
  const status: SignatureStatus = check.phase === 'checking' ? 'unchecked' : check.result.status;
  const busy = check.phase === 'checking';
  const error = check.phase === 'done' ? check.result.error : undefined;
  const message = busy
    ? 'Checking the signature…'
    : status === 'valid'
      ? validMessage(check.result.alg, source)
      : error !== undefined
        ? error.message
        : status === 'unchecked'
          ? ASK[source]
          : status === 'invalid'
            ? 'The signature does not match: the key is wrong or the token was changed.'
            : 'This algorithm cannot be checked here.';
  return (
    <div
      className={`signature-status signature-status--${busy ? 'checking' : status}`}
      data-signature-status={status}
      aria-busy={busy}
      role="status"
      aria-live="polite"
    >
      <span className="signature-status__icon" aria-hidden="true">
        {busy ? <Spinner /> : ICONS[status]}
      </span>
      <div className="signature-status__text">
        <p className="signature-status__label">{busy ? 'Checking signature' : LABELS[status]}</p>
        <p className="signature-status__message">{message}</p>
        {check.phase === 'done' && check.result.secretKey !== undefined && (
          <p className="signature-status__reading" data-secret-reading={check.result.secretKey.encoding}>
            Compared with {describeSecretReading(check.result.secretKey)}.
          </p>
        )}
        {error !== undefined && !busy && <code className="signature-status__code">{error.code}</code>}
        {check.phase === 'done' && check.result.signatures !== undefined && (
          <ol className="signature-status__list" aria-label="Each signature">
            {check.result.signatures.map((one, i) => (
              <li key={i} data-signature-result={one.status}>
                {`Signature ${i + 1} (${one.alg ?? 'no alg'}${one.kid === null ? '' : `, kid ${one.kid}`}): ${SHORT_LABELS[one.status]}`}
                {one.error !== undefined && ` (${one.error.code})`}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
