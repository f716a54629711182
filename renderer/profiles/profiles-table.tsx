import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { ProfileKeychainState, TokenCacheState } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { Badge } from '../common/badge';
import { ErrorMessage } from '../common/error-message';
import { CopyValueButton } from './copy-value-button';
import { DeleteProfileDialog } from './delete-profile-dialog';
import { endpointOf, productLabel, type ProfileSort } from './profile-filter';
import { ProfileSecretSummary } from './profile-secret-summary';
import { CopyTokenButton, TokenCacheLine, canGetToken } from './profile-token';
import { RenameField } from './rename-field';
import { useRovingActions } from './use-roving-actions';

/** Props of {@link ProfilesTable}. */
export interface ProfilesTableProps {
  /** The rows, already filtered and sorted. */
  profiles: readonly Profile[];
  /** How they are sorted (the Name column says so when it is by name). */
  sort: ProfileSort;
  /** The profiles the credentials screens show ("In use"). */
  selectedIds: readonly (string | null)[];
  /** What the keychain said about each profile's entries, by id. */
  keychain: Readonly<Record<string, ProfileKeychainState>>;
  /** Whether each profile has a token cached, by id (never the token). */
  tokenStates: Readonly<Record<string, TokenCacheState>>;
  /** Called after each "Copy token", so the states reload. */
  onTokenGot: () => void;
  /** Opens a profile on its credentials screen. */
  onUse: (profile: Profile) => void;
  /** Called after a rename or delete so the list reloads. */
  onChanged: (change: { renamed?: Profile; deletedId?: string }) => void;
}

/**
 * The actions of a row, in the order they appear: copy the client id and the endpoint (when there is one), then Copy token
 * (when the profile can get one), Use, Rename, Delete.
 */
function actionsOf(profile: Profile): string[] {
  return [
    profile.clientId !== '' && 'copy-client',
    endpointOf(profile) !== '' && 'copy-endpoint',
    canGetToken(profile) && 'copy-token',
    'use',
    'rename',
    'delete',
  ].filter((action) => typeof action === 'string');
}

/** Where the focus goes once the table has re-rendered: back to a row's Rename button, or to the row that took a deleted row's place. */
type FocusTarget = { kind: 'rename'; id: string } | { kind: 'after-delete'; id: string; index: number };

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The saved profiles: name (and when last saved), product, client id, endpoint, what is stored; Use, Rename (inline),
 * Delete (confirmed). Long values truncate, with the full text in their tooltip and a copy button. The actions are one
 * tab stop for the whole table (arrow keys move between them), so Tab gets past 30 rows at once.
 */
export function ProfilesTable({ profiles, sort, selectedIds, keychain, tokenStates, onTokenGot, onUse, onChanged }: ProfilesTableProps) {
  const hintId = useId();
  const [tokenProblem, setTokenProblem] = useState<{ profile: Profile; error: ErrorPayload } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const focusTarget = useRef<FocusTarget | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const rows = useMemo(
    () => profiles.map((profile) => ({ id: profile.id, actions: renaming === profile.id ? [] : actionsOf(profile) })),
    [profiles, renaming],
  );
  const roving = useRovingActions(rows, tableRef);

  // Keyboard users keep their place: after a rename (Enter or Escape) on that row's Rename button; after a delete, once the
  // list has reloaded without the row, on the Use button of the row in its place (the previous row when the last was deleted).
  // Runs after every render: the target is set just before the render that removes the rename field or the dialog.
  useEffect(() => {
    const table = tableRef.current;
    const target = focusTarget.current;
    if (target === null || table === null) return;
    if (target.kind === 'after-delete' && profiles.some((p) => p.id === target.id)) return;
    const row =
      target.kind === 'rename'
        ? [...table.querySelectorAll<HTMLElement>('tbody tr')].find((r) => r.dataset.profileId === target.id)
        : table.querySelectorAll<HTMLElement>('tbody tr')[Math.min(target.index, profiles.length - 1)];
    row?.querySelector<HTMLElement>(target.kind === 'rename' ? '[data-action="rename"]' : '[data-action="use"]')?.focus();
    focusTarget.current = null;
  });

  return (
    <>
      {tokenProblem !== null && (
        <div className="profiles-table__problem">
          <ErrorMessage error={tokenProblem.error} title={`No token for ${tokenProblem.profile.name}`} />
        </div>
      )}
      <p id={hintId} className="field__help profiles-table__hint">
        Tab reaches the table&apos;s actions once; the arrow keys move between them (Up and Down change row).
      </p>
      <table className="profiles-table" ref={tableRef} aria-describedby={hintId} onKeyDown={roving.onKeyDown}>
        <caption className="visually-hidden">Saved profiles</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>
              Name
            </th>
            <th scope="col">Product</th>
            <th scope="col">Client id</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Stored in keychain</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => {
            const inUse = selectedIds.includes(profile.id);
            const endpoint = endpointOf(profile);
            return (
              <tr
                key={profile.id}
                data-profile-id={profile.id}
                className={inUse ? 'is-selected' : undefined}
                aria-current={inUse ? 'true' : undefined}
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
                      {inUse && <Badge tone="accent">In use</Badge>}
                      <span className="profiles-table__updated muted">
                        {' '}
                        Saved <time dateTime={profile.updatedAt}>{DATE.format(new Date(profile.updatedAt))}</time>
                      </span>
                    </>
                  )}
                </th>
                <td>
                  <Badge tone={profile.product === 'intelligence' ? 'accent' : 'neutral'}>{productLabel(profile)}</Badge>
                </td>
                <td>
                  <span className="profiles-table__value">
                    <code className="truncate" title={profile.clientId}>
                      {profile.clientId === '' ? '—' : profile.clientId}
                    </code>
                    {profile.clientId !== '' && (
                      <CopyValueButton
                        text={profile.clientId}
                        label={`Copy client id of ${profile.name}`}
                        roving={roving.propsOf(profile.id, 'copy-client')}
                      />
                    )}
                  </span>
                </td>
                <td>
                  <span className="profiles-table__value">
                    <span className="truncate" title={endpoint}>
                      {endpoint === '' ? '—' : endpoint}
                    </span>
                    {endpoint !== '' && (
                      <CopyValueButton
                        text={endpoint}
                        label={`Copy endpoint of ${profile.name}`}
                        roving={roving.propsOf(profile.id, 'copy-endpoint')}
                      />
                    )}
                  </span>
                </td>
                <td>
                  <ProfileSecretSummary
                    profile={profile}
                    {...(keychain[profile.id] === undefined ? {} : { keychain: keychain[profile.id] })}
                  />
                  {canGetToken(profile) && <TokenCacheLine state={tokenStates[profile.id]} />}
                </td>
                <td className="profiles-table__actions">
                  <div className="profiles-table__buttons">
                    {canGetToken(profile) && (
                      <CopyTokenButton
                        profile={profile}
                        roving={roving.propsOf(profile.id, 'copy-token')}
                        onDone={onTokenGot}
                        onProblem={setTokenProblem}
                      />
                    )}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      {...roving.propsOf(profile.id, 'use')}
                      onClick={() => onUse(profile)}
                      aria-label={`Use ${profile.name}`}
                    >
                      Use
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      {...roving.propsOf(profile.id, 'rename')}
                      onClick={() => setRenaming(profile.id)}
                      aria-label={`Rename ${profile.name}`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small button--danger-text"
                      {...roving.propsOf(profile.id, 'delete')}
                      onClick={() => setDeleting(profile)}
                      aria-label={`Delete ${profile.name}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
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
