import { useCallback, useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { useBridge } from '../bridge/bridge-context';
import { FieldErrorShown } from '../common/field-error';
import { NeedsDesktop } from '../common/needs-desktop';
import { ProfilePicker } from '../profile-widgets/profile-picker';
import type { TokenRunSource } from './credentials-draft';
import { CredentialsForm } from './credentials-form';
import { runFailure } from '../runs/run-status';
import { TokenRunPanel } from './token-run-panel';
import { useTokenRun } from './use-token-run';

/** Props of {@link CredentialsScreen}. */
export interface CredentialsScreenProps {
  /** Every saved profile: the Intelligence ones are offered in the picker. */
  profiles: readonly Profile[];
  /** The selected Intelligence profile, or null to create one. */
  profile: Profile | null;
  /** Called after a save with the stored profile (the app selects it and reloads the list). */
  onSaved: (profile: Profile) => void;
  /** Switches to a saved profile, or (null) starts a new one. */
  onSelect: (id: string | null) => void;
  /** Changes when the user switches profile (not on save), so the form and the run start over only then. */
  formKey: number;
}

/** The form and the run of one profile (or of a new one): "Get token" tries the form as it stands, "Save" keeps it. */
function CredentialsWorkspace({ profile, onSaved }: Pick<CredentialsScreenProps, 'profile' | 'onSaved'>) {
  const { state, start, cancel, reset } = useTokenRun();
  // A field error drops a failed run's outcome ("Could not reach…" described the form before the edit); a token stays.
  const dropFailedRun = useCallback(() => reset((finished) => runFailure(finished) !== null), [reset]);
  const [subject, setSubject] = useState<string | null>(null);
  const [limitMs, setLimitMs] = useState<number | undefined>(undefined);
  const run = (source: TokenRunSource, timeoutMs: number) => {
    setLimitMs(timeoutMs);
    setSubject(
      source.profileId !== undefined && profile !== null ? `the saved profile “${profile.name}”` : 'the form as it stands (not saved)',
    );
    start(source, timeoutMs);
  };
  return (
    <FieldErrorShown.Provider value={dropFailedRun}>
      <CredentialsForm profile={profile} onSaved={onSaved} onRun={run} running={state.phase === 'running'} />
      <TokenRunPanel state={state} onCancel={cancel} subject={subject} limitMs={limitMs} />
    </FieldErrorShown.Provider>
  );
}

/** The Intelligence credentials screen: test a service account's credentials step by step, before or after saving them as a profile. */
export function CredentialsScreen({ profiles, profile, onSaved, onSelect, formKey }: CredentialsScreenProps) {
  const bridge = useBridge();
  return (
    <div className="screen credentials">
      <header className="screen__header">
        <div>
          <h1 className="screen__title" tabIndex={-1}>
            Intelligence credentials
          </h1>
          <p className="screen__subtitle">
            Test a Marketing Cloud Intelligence service account: discovery, signed client assertion, access token.
          </p>
        </div>
        {bridge !== null && profile !== null && (
          <button type="button" className="button button--secondary" onClick={() => onSelect(null)}>
            New profile
          </button>
        )}
      </header>
      {bridge === null ? (
        <NeedsDesktop feature="Testing Intelligence credentials" />
      ) : (
        <>
          <ProfilePicker
            profiles={profiles}
            product="intelligence"
            selectedId={profile?.id ?? null}
            onSelect={onSelect}
            newLabel="New profile (not saved yet)"
          />
          <CredentialsWorkspace key={formKey} profile={profile} onSaved={onSaved} />
        </>
      )}
    </div>
  );
}
