import { useId } from 'react';
import type { ProfileSort } from './profile-filter';

/** Props of {@link ProfilesToolbar}. */
export interface ProfilesToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  sort: ProfileSort;
  onSort: (sort: ProfileSort) => void;
  /** How many profiles match, and how many there are (announced politely). */
  shown: number;
  total: number;
}

/** Search (name, product, client id, region, subdomain or URL) and sort above the profiles table. */
export function ProfilesToolbar({ query, onQuery, sort, onSort, shown, total }: ProfilesToolbarProps) {
  const id = useId();
  return (
    <div className="profiles-toolbar" role="search">
      <div className="field field--grow">
        <label htmlFor={`${id}-search`}>Search profiles</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="e.g. a name, a client id, eu1 or a URL"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={sort} onChange={(e) => onSort(e.target.value as ProfileSort)}>
          <option value="name">Name</option>
          <option value="updated">Last saved</option>
        </select>
      </div>
      <p className="profiles-toolbar__count muted" role="status">
        {shown === total ? `${total} ${total === 1 ? 'profile' : 'profiles'}` : `${shown} of ${total} profiles match`}
      </p>
    </div>
  );
}
