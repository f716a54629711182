import { useId } from 'react';
import type { Product, Profile } from '../../shared/profiles/profile';

/** Props of {@link ProfilePicker}. */
export interface ProfilePickerProps {
  /** Every saved profile; only those of `product` are offered. */
  profiles: readonly Profile[];
  product: Product;
  /** The profile in use, or null for the new (unsaved) form. */
  selectedId: string | null;
  /** The user picked a profile, or null for a new one. */
  onSelect: (id: string | null) => void;
  /** What the empty choice says, e.g. "New profile (not saved)". */
  newLabel: string;
}

const NEW = '';

/** The "Use" box above a credentials form: a saved profile of this product, or a new one. The same on both credentials screens. */
export function ProfilePicker({ profiles, product, selectedId, onSelect, newLabel }: ProfilePickerProps) {
  const id = useId();
  const choices = profiles.filter((p) => p.product === product);
  return (
    <div className="field profile-picker">
      <label htmlFor={id}>Use</label>
      <select id={id} value={selectedId ?? NEW} onChange={(e) => onSelect(e.target.value === NEW ? null : e.target.value)}>
        <option value={NEW}>{newLabel}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
