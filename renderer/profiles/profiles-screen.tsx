import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { ErrorMessage } from '../common/error-message';
import { NeedsDesktop } from '../common/needs-desktop';
import { Notice } from '../common/notice';
import { Spinner } from '../common/spinner';
import type { QueryState } from '../hooks/use-bridge-query';
import { EngagementSecretForm } from './engagement-secret-form';
import { ForeignProfiles } from './foreign-profiles';
import { filterAndSort, type ProfileSort } from './profile-filter';
import { ProfilesTable } from './profiles-table';
import { ProfilesToolbar } from './profiles-toolbar';
import { useTokenStates } from './use-token-states';

/** Props of {@link ProfilesScreen}. */
export interface ProfilesScreenProps {
  listing: QueryState<ProfilesListing>;
  /** The profiles the credentials screens show ("In use"). */
  selectedIds: readonly (string | null)[];
  /** Opens a profile on its product's credentials screen. */
  onUse: (profile: Profile) => void;
  /** Reloads the list after a change; `deletedId` lets the app drop a deleted selection. */
  onChanged: (change: { renamed?: Profile; deletedId?: string; saved?: Profile }) => void;
  /** Retries loading the list. */
  onReload: () => void;
}

/** The saved profiles: search, sort, use, rename, delete; problems reading the file shown as a notice. */
export function ProfilesScreen({ listing, selectedIds, onUse, onChanged, onReload }: ProfilesScreenProps) {
  const all = listing.status === 'ok' ? listing.value.profiles : null;
  const count = all === null ? null : all.length;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ProfileSort>('name');
  const shown = useMemo(() => (all === null ? [] : filterAndSort(all, query, sort)), [all, query, sort]);
  const tokens = useTokenStates(listing.status === 'ok' ? listing.value : null);
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
          <EngagementSecretForm onSaved={(saved) => onChanged({ saved })} />
          {listing.value.profiles.length === 0 ? (
            <div className="empty-state empty-state--compact">
              <p className="empty-state__title" tabIndex={-1} ref={emptyTitle}>
                No profiles yet
              </p>
              <p className="empty-state__text">
                Save Intelligence credentials on the Intelligence credentials screen, an Engagement installed package on the Engagement
                credentials screen, or add an Engagement signing secret above.
              </p>
            </div>
          ) : (
            <section className="panel profiles-list" aria-label="Saved profiles">
              <div className="panel__body">
                <ProfilesToolbar
                  query={query}
                  onQuery={setQuery}
                  sort={sort}
                  onSort={setSort}
                  shown={shown.length}
                  total={listing.value.profiles.length}
                />
              </div>
              {shown.length === 0 ? (
                <p className="empty-state__text profiles-list__none">
                  No profile matches “{query.trim()}”: try part of a name, a client id or a URL.
                </p>
              ) : (
                <ProfilesTable
                  profiles={shown}
                  sort={sort}
                  selectedIds={selectedIds}
                  keychain={listing.value.keychain}
                  tokenStates={tokens.states}
                  onTokenGot={tokens.reload}
                  onUse={onUse}
                  onChanged={onChanged}
                />
              )}
            </section>
          )}
          <ForeignProfiles entries={listing.value.foreign} />
        </div>
      )}
    </div>
  );
}
