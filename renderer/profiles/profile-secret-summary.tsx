import type { Profile } from '../../shared/profiles/profile';
import { Badge } from '../common/badge';
import { KEY_FORMAT_SHORT } from '../credentials/check-private-key';

/** Props of {@link ProfileSecretSummary}. */
export interface ProfileSecretSummaryProps {
  profile: Profile;
}

/** What is stored in the keychain for a profile: the key's fingerprint, size and format, or the secret's encoding. Never the secret. */
export function ProfileSecretSummary({ profile }: ProfileSecretSummaryProps) {
  if (!profile.hasSecret && !profile.hasClientSecret) return <Badge tone="warning">Nothing stored</Badge>;
  if (profile.hasClientSecret)
    return (
      <span className="muted">
        {profile.hasSecret ? `Client secret · signing secret (${profile.secretEncoding ?? 'text'})` : 'Client secret'}
      </span>
    );
  if (profile.keyInfo !== null) {
    return (
      <span className="secret-summary">
        <code className="secret-summary__fingerprint" title={profile.keyInfo.fingerprint}>
          {profile.keyInfo.fingerprint}
        </code>
        <span className="muted">
          RSA {profile.keyInfo.bits} · {KEY_FORMAT_SHORT[profile.keyInfo.format]}
        </span>
      </span>
    );
  }
  return <span className="muted">Signing secret ({profile.secretEncoding ?? 'text'})</span>;
}
