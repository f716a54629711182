import { useState } from 'react';
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

/** The saved profiles: name, product, client id, region, what is stored; Use, Rename (inline) and Delete (confirmed). */
export function ProfilesTable({ profiles, selectedId, onUse, onChanged }: ProfilesTableProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  return (
    <>
      <table className="profiles-table">
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
            <tr key={profile.id} data-profile-id={profile.id} className={profile.id === selectedId ? 'is-selected' : undefined} aria-current={profile.id === selectedId ? 'true' : undefined}>
              <th scope="row" className="profiles-table__name">
                {renaming === profile.id ? (
                  <RenameField
                    profile={profile}
                    onDone={(renamed) => {
                      setRenaming(null);
                      if (renamed !== null) onChanged({ renamed });
                    }}
                  />
                ) : (
                  <>
                    {profile.name}
                    {profile.id === selectedId && <Badge tone="accent">In use</Badge>}
                  </>
                )}
              </th>
              <td>
                <Badge tone={profile.product === 'intelligence' ? 'accent' : 'neutral'}>{profile.product === 'intelligence' ? 'Intelligence' : 'Engagement'}</Badge>
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
                {profile.product === 'intelligence' && (
                  <button type="button" className="button button--secondary button--small" onClick={() => onUse(profile)} aria-label={`Use ${profile.name}`}>
                    Use
                  </button>
                )}
                <button type="button" className="button button--ghost button--small" onClick={() => setRenaming(profile.id)} aria-label={`Rename ${profile.name}`}>
                  Rename
                </button>
                <button type="button" className="button button--ghost button--small button--danger-text" onClick={() => setDeleting(profile)} aria-label={`Delete ${profile.name}`}>
                  Delete
                </button>
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
            onChanged({ deletedId });
          }}
        />
      )}
    </>
  );
}
