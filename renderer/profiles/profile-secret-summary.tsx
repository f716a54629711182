import type { ProfileKeychainState, SecretEntryState } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { Badge } from '../common/badge';
import { KEY_FORMAT_SHORT } from '../common/check-private-key';

/** Props of {@link ProfileSecretSummary}. */
export interface ProfileSecretSummaryProps {
  profile: Profile;
  /** What the keychain said about the profile's entries (omitted: taken as present). */
  keychain?: ProfileKeychainState;
}

/** A stored entry the keychain does not have, or could not be asked about: said instead of "stored". */
function EntryProblem({ what, state }: { what: string; state: SecretEntryState | undefined }) {
  if (state === 'missing')
    return (
      <span className="secret-summary__problem" data-keychain-state="missing">
        <Badge tone="danger">Missing</Badge> {what} missing from the keychain: edit the profile and paste it again.
      </span>
    );
  if (state === 'unknown')
    return (
      <span className="secret-summary__problem muted" data-keychain-state="unknown">
        The keychain did not answer: whether the {what.toLowerCase()} is there is unknown.
      </span>
    );
  return null;
}

/** What is stored in the keychain for a profile: the key's fingerprint, size and format, or the secret's encoding. Never the secret. */
export function ProfileSecretSummary({ profile, keychain = {} }: ProfileSecretSummaryProps) {
  if (!profile.hasSecret && !profile.hasClientSecret) return <Badge tone="warning">Nothing stored</Badge>;
  if (profile.product === 'intelligence') {
    if (keychain.secret === 'missing') return <EntryProblem what="Key" state="missing" />;
    if (profile.keyInfo === null) return <span className="muted">Private key</span>;
    return (
      <span className="secret-summary">
        <code className="secret-summary__fingerprint" title={profile.keyInfo.fingerprint}>
          {profile.keyInfo.fingerprint}
        </code>
        <span className="muted">
          RSA {profile.keyInfo.bits} · {KEY_FORMAT_SHORT[profile.keyInfo.format]}
        </span>
        <EntryProblem what="Key" state={keychain.secret} />
      </span>
    );
  }
  // Engagement: the client secret (server-to-server) and the JWT signing secret (SSO JWTs), each stored or not.
  const signing = `signing secret (${profile.secretEncoding ?? 'text'})`;
  const stored = [
    profile.hasClientSecret && keychain.clientSecret !== 'missing' && 'client secret',
    profile.hasSecret && keychain.secret !== 'missing' && signing,
  ]
    .filter((x) => typeof x === 'string')
    .join(' · ');
  return (
    <span className="secret-summary">
      {stored !== '' && <span className="muted">{stored.charAt(0).toUpperCase() + stored.slice(1)}</span>}
      {profile.hasClientSecret && <EntryProblem what="Client secret" state={keychain.clientSecret} />}
      {profile.hasSecret && <EntryProblem what="Signing secret" state={keychain.secret} />}
    </span>
  );
}
