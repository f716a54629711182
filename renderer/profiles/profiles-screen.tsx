import { useEffect, useRef } from 'react';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { ErrorMessage } from '../common/error-message';
import { NeedsDesktop } from '../common/needs-desktop';
import { Notice } from '../common/notice';
import { Spinner } from '../common/spinner';
import type { QueryState } from '../hooks/use-bridge-query';
import { EngagementSecretForm } from './engagement-secret-form';
import { ProfilesTable } from './profiles-table';

/** Props of {@link ProfilesScreen}. */
export interface ProfilesScreenProps {
  listing: QueryState<ProfilesListing>;
  selectedId: string | null;
  onUse: (profile: Profile) => void;
  /** Reloads the list after a change; `deletedId` lets the app drop a deleted selection. */
  onChanged: (change: { renamed?: Profile; deletedId?: string; saved?: Profile }) => void;
  /** Retries loading the list. */
  onReload: () => void;
}

/** The saved profiles: list, switch, rename, delete; problems reading the file shown as a notice. */
export function ProfilesScreen({ listing, selectedId, onUse, onChanged, onReload }: ProfilesScreenProps) {
  const count = listing.status === 'ok' ? listing.value.profiles.length : null;
  const previousCount = useRef(count);
  const emptyTitle = useRef<HTMLParagraphElement>(null);
  // The last profile was deleted: its row (and the focus) is gone, so the focus lands on the empty state instead of the page.
  useEffect(() => {
    if (count === 0 && (previousCount.current ?? 0) > 0 && (document.activeElement === null || document.activeElement === document.body))
      emptyTitle.current?.focus();
    previousCount.current = count;
  }, [count]);
  return (
    <div className="screen profiles">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Profiles</h1>
          <p className="screen__subtitle">
            Saved credentials. Keys and secrets live in the OS keychain; only their fingerprints are shown.
          </p>
        </div>
      </header>
      {listing.status === 'unavailable' && <NeedsDesktop feature="Saving profiles" />}
      {listing.status === 'loading' && (
        <p className="inline-status" role="status">
          <Spinner /> Loading profiles…
        </p>
      )}
      {listing.status === 'error' && (
        <div className="stack">
          <ErrorMessage error={listing.error} title="The profiles could not be loaded" />
          <button type="button" className="button button--secondary" onClick={onReload}>
            Try again
          </button>
        </div>
      )}
      {listing.status === 'ok' && (
        <div className="stack">
          {listing.value.problems.map((problem, index) => (
            <Notice key={`${problem.code}-${index}`} tone="warning" title="A problem reading your profiles">
              <p>{problem.message}</p>
              {problem.hint !== undefined && <p className="muted">{problem.hint}</p>}
              <code className="notice__code">{problem.code}</code>
            </Notice>
          ))}
          {listing.value.profiles.length === 0 ? (
            <div className="empty-state empty-state--compact">
              <p className="empty-state__title" tabIndex={-1} ref={emptyTitle}>
                No profiles yet
              </p>
              <p className="empty-state__text">
                Save Intelligence credentials on the Intelligence credentials screen, or add an Engagement signing secret below.
              </p>
            </div>
          ) : (
            <section className="panel">
              <ProfilesTable profiles={listing.value.profiles} selectedId={selectedId} onUse={onUse} onChanged={onChanged} />
            </section>
          )}
          <EngagementSecretForm onSaved={(saved) => onChanged({ saved })} />
        </div>
      )}
    </div>
  );
}
