import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { Badge } from '../common/badge';
import { DeleteProfileDialog } from './delete-profile-dialog';
import { ProfileSecretSummary } from './profile-secret-summary';
import { RenameField } from './rename-field';

/** Props of {@link ProfilesTable}. */
export interface ProfilesTableProps {
  profiles: readonly Profile[];
  selectedId: string | null;
  /** Selects an Intelligence profile for the credentials screen. */
  onUse: (profile: Profile) => void;
  /** Called after a rename or delete so the list reloads. */
  onChanged: (change: { renamed?: Profile; deletedId?: string }) => void;
}

function endpointOf(profile: Profile): string {
  if (profile.product === 'engagement') return profile.subdomain ?? profile.authUrl ?? '—';
  return profile.region ?? profile.discoveryUrl ?? '—';
}

/** Where the focus goes once the table has re-rendered: back to a row's Rename button, or to the row that took a deleted row's place. */
type FocusTarget = { kind: 'rename'; id: string } | { kind: 'after-delete'; id: string; index: number };

/** The saved profiles: name, product, client id, region, what is stored; Use, Rename (inline) and Delete (confirmed). Long values wrap or truncate (full text on hover). */
export function ProfilesTable({ profiles, selectedId, onUse, onChanged }: ProfilesTableProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const focusTarget = useRef<FocusTarget | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // Keyboard users keep their place: after a rename (Enter or Escape) on that row's Rename button; after a delete, once the
  // list has reloaded without the row, on the next row's first action (the previous row when the last was deleted).
  // Runs after every render: the target is set just before the render that removes the rename field or the dialog.
  useEffect(() => {
    const table = tableRef.current;
    const target = focusTarget.current;
    if (target === null || table === null) return;
    if (target.kind === 'after-delete' && profiles.some((p) => p.id === target.id)) return;
    const button =
      target.kind === 'rename'
        ? table.querySelector<HTMLElement>(`tr[data-profile-id="${target.id}"] [data-action="rename"]`)
        : table.querySelectorAll('tbody tr')[Math.min(target.index, profiles.length - 1)]?.querySelector<HTMLElement>('[data-action]');
    button?.focus();
    focusTarget.current = null;
  });

  return (
    <>
      <table className="profiles-table" ref={tableRef}>
        <caption className="visually-hidden">Saved profiles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Product</th>
            <th scope="col">Client id</th>
            <th scope="col">Region</th>
            <th scope="col">Stored in keychain</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr
              key={profile.id}
              data-profile-id={profile.id}
              className={profile.id === selectedId ? 'is-selected' : undefined}
              aria-current={profile.id === selectedId ? 'true' : undefined}
            >
              <th scope="row" className="profiles-table__name">
                {renaming === profile.id ? (
                  <RenameField
                    profile={profile}
                    onDone={(renamed) => {
                      setRenaming(null);
                      focusTarget.current = { kind: 'rename', id: profile.id };
                      if (renamed !== null) onChanged({ renamed });
                    }}
                  />
                ) : (
                  <>
                    <span className="profiles-table__name-text">{profile.name}</span>
                    {profile.id === selectedId && <Badge tone="accent">In use</Badge>}
                  </>
                )}
              </th>
              <td>
                <Badge tone={profile.product === 'intelligence' ? 'accent' : 'neutral'}>
                  {profile.product === 'intelligence' ? 'Intelligence' : 'Engagement'}
                </Badge>
              </td>
              <td>
                <code className="truncate" title={profile.clientId}>
                  {profile.clientId === '' ? '—' : profile.clientId}
                </code>
              </td>
              <td>
                <span className="truncate" title={endpointOf(profile)}>
                  {endpointOf(profile)}
                </span>
              </td>
              <td>
                <ProfileSecretSummary profile={profile} />
              </td>
              <td className="profiles-table__actions">
                <div className="profiles-table__buttons">
                  {profile.product === 'intelligence' && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      data-action="use"
                      onClick={() => onUse(profile)}
                      aria-label={`Use ${profile.name}`}
                    >
                      Use
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    data-action="rename"
                    onClick={() => setRenaming(profile.id)}
                    aria-label={`Rename ${profile.name}`}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small button--danger-text"
                    data-action="delete"
                    onClick={() => setDeleting(profile)}
                    aria-label={`Delete ${profile.name}`}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting !== null && (
        <DeleteProfileDialog
          profile={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={(deletedId) => {
            setDeleting(null);
            focusTarget.current = { kind: 'after-delete', id: deletedId, index: profiles.findIndex((p) => p.id === deletedId) };
            onChanged({ deletedId });
          }}
        />
      )}
    </>
  );
}
