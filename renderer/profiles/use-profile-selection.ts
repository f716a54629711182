import { useCallback, useMemo, useState } from 'react';
import type { Product, Profile } from '../../shared/profiles/profile';

/** The profile a credentials screen shows, and how it changes. */
export interface ProfileSelection {
  /** The selected profile (the saved version until the reloaded list has it), or null for a new form. */
  profile: Profile | null;
  /** The selected id, or null. */
  id: string | null;
  /** Changes when the user switches profile (not on save), so the form and the run start over only then. */
  formKey: number;
  /** The user switched (picker, "Use", "New profile"). */
  select: (id: string | null) => void;
  /** A save on this screen: the saved profile becomes the selection, the form keeps its state. */
  saved: (profile: Profile) => void;
  /** A profile was deleted: drop it if it was selected. */
  deleted: (id: string) => void;
}

/** Which profile of one product a credentials screen shows; one per screen, held by the app so "Use" on Profiles can set it. */
export function useProfileSelection(profiles: readonly Profile[], product: Product): ProfileSelection {
  const [state, setState] = useState<{ id: string | null; formKey: number; saved: Profile | null }>({ id: null, formKey: 0, saved: null });
  const select = useCallback((id: string | null) => setState((s) => ({ id, formKey: s.formKey + 1, saved: null })), []);
  const saved = useCallback(
    (profile: Profile) => setState((s) => (profile.product === product ? { ...s, id: profile.id, saved: profile } : s)),
    [product],
  );
  const deleted = useCallback((id: string) => setState((s) => (s.id === id ? { id: null, formKey: s.formKey + 1, saved: null } : s)), []);
  const profile = useMemo(() => {
    if (state.id === null) return null;
    return profiles.find((p) => p.id === state.id) ?? (state.saved?.id === state.id ? state.saved : null);
  }, [profiles, state]);
  return { profile, id: state.id, formKey: state.formKey, select, saved, deleted };
}
