import type { ForeignProfileEntry } from '../../shared/ipc/ipc-contract';

/** Props of {@link ForeignProfiles}. */
export interface ForeignProfilesProps {
  entries: readonly ForeignProfileEntry[];
}

const PRODUCTS: Readonly<Record<string, string>> = { intelligence: 'Intelligence', engagement: 'Engagement' };

/** Profiles a newer version of the app saved: listed read-only (this version cannot use, edit, rename or delete them). */
export function ForeignProfiles({ entries }: ForeignProfilesProps) {
  if (entries.length === 0) return null;
  return (
    <section className="panel foreign-profiles" aria-labelledby="foreign-profiles-title">
      <header className="panel__header">
        <h2 className="panel__title" id="foreign-profiles-title">
          Saved by a newer version
        </h2>
        <span className="panel__note">update MC Token Workbench to use, edit or delete these; this version leaves them as they are</span>
      </header>
      <ul className="panel__body foreign-profiles__list">
        {entries.map((entry) => (
          <li key={entry.index} data-foreign-index={entry.index}>
            <span className="foreign-profiles__name">{entry.name ?? `Profile #${entry.index + 1}`}</span>
            {entry.product !== null && <span className="muted"> · {PRODUCTS[entry.product] ?? entry.product}</span>}
            <span className="muted"> · saved by a newer version</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
