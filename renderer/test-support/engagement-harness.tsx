import { useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { EngagementScreen } from '../engagement/engagement-screen';
import { useProfileSelection } from '../profiles/use-profile-selection';

/** Props of {@link EngagementHarness}. */
export interface EngagementHarnessProps {
  initial?: Profile[];
  onOpen?: (token: string) => void;
}

/** The Engagement screen as the app holds it: its selection, and a list that "reloads" with each saved profile. */
export function EngagementHarness({ initial = [], onOpen = () => undefined }: EngagementHarnessProps) {
  const [profiles, setProfiles] = useState<Profile[]>(initial);
  const selection = useProfileSelection(profiles, 'engagement');
  return (
    <EngagementScreen
      profiles={profiles}
      profile={selection.profile}
      formKey={selection.formKey}
      onSelect={selection.select}
      onSaved={(saved) => {
        selection.saved(saved);
        setProfiles((list) => [...list.filter((p) => p.id !== saved.id), saved]);
      }}
      onOpenInDecoder={onOpen}
    />
  );
}
