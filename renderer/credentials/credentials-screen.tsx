import type { Profile } from '../../shared/profiles/profile';
import { useBridge } from '../bridge/bridge-context';
import { NeedsDesktop } from '../common/needs-desktop';
import { CredentialsForm } from './credentials-form';
import { TokenRunPanel } from './token-run-panel';

/** Props of {@link CredentialsScreen}. */
export interface CredentialsScreenProps {
  /** The selected Intelligence profile, or null to create one. */
  profile: Profile | null;
  /** Called after a save with the stored profile (the app selects it and reloads the list). */
  onSaved: (profile: Profile) => void;
  /** Starts a new profile (clears the selection). */
  onNew: () => void;
  /** Changes when the user switches profile (not on save), so the form starts over only then. */
  formKey: number;
}

/** The Intelligence credentials screen: edit and save a profile, then get a token with it, step by step. */
export function CredentialsScreen({ profile, onSaved, onNew, formKey }: CredentialsScreenProps) {
  const bridge = useBridge();
  return (
    <div className="screen credentials">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Intelligence credentials</h1>
          <p className="screen__subtitle">Test a Marketing Cloud Intelligence service account: discovery, signed client assertion, access token.</p>
        </div>
        {bridge !== null && profile !== null && (
          <button type="button" className="button button--secondary" onClick={onNew}>
            New profile
          </button>
        )}
      </header>
      {bridge === null ? (
        <NeedsDesktop feature="Testing Intelligence credentials" />
      ) : (
        <>
          <CredentialsForm key={formKey} profile={profile} onSaved={onSaved} />
          {profile !== null && <TokenRunPanel key={profile.id} profile={profile} />}
        </>
      )}
    </div>
  );
}
