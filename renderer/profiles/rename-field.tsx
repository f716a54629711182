import { useEffect, useId, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { ErrorMessage } from '../common/error-message';
import { profileNameError } from '../profile-widgets/profile-name';

/** Props of {@link RenameField}. */
export interface RenameFieldProps {
  profile: Profile;
  onDone: (renamed: Profile | null) => void;
}

/** Inline rename of a profile: Enter saves (`profiles:rename`), Escape cancels; errors shown under the field. */
export function RenameField({ profile, onDone }: RenameFieldProps) {
  const bridge = useBridge();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(profile.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === profile.name) return onDone(null);
    const nameError = profileNameError(name, 'A profile needs a name: type one, or press Escape to keep the old name.');
    if (nameError !== null) return setError(nameError);
    setBusy(true);
    const reply = await callBridge(bridge, 'profiles:rename', { id: profile.id, name: trimmed });
    setBusy(false);
    if (reply.ok) onDone(reply.value);
    else setError(reply.error);
  };

  return (
    <form
      className="rename-field"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        New name for {profile.name}
      </label>
      <input
        id={id}
        ref={inputRef}
        value={name}
        disabled={busy}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone(null);
          }
        }}
      />
      <button type="submit" className="button button--primary button--small" disabled={busy}>
        Save
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => onDone(null)} disabled={busy}>
        Cancel
      </button>
      {error !== null && <ErrorMessage error={error} inline />}
    </form>
  );
}
