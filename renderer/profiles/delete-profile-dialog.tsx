import { useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { ConfirmDialog } from '../common/confirm-dialog';
import { ErrorMessage } from '../common/error-message';

/** Props of {@link DeleteProfileDialog}. */
export interface DeleteProfileDialogProps {
  profile: Profile;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}

/** Asks before deleting a profile and its keychain entry, then calls `profiles:delete`. */
export function DeleteProfileDialog({ profile, onDeleted, onCancel }: DeleteProfileDialogProps) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const confirm = async () => {
    setBusy(true);
    const reply = await callBridge(bridge, 'profiles:delete', { id: profile.id });
    setBusy(false);
    if (reply.ok) onDeleted(reply.value.id);
    else setError(reply.error);
  };
  const what =
    profile.product === 'intelligence' ? 'private key' : profile.product === 'engagement-web' ? 'refresh token' : 'signing secret';
  return (
    <ConfirmDialog
      title={`Delete “${profile.name}”?`}
      confirmLabel="Delete profile"
      danger
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>
        {profile.hasSecret
          ? `This removes the profile and its ${what} from the OS keychain. Unless you kept a copy of the ${what}, it cannot be recovered.`
          : 'This removes the profile. No secret is stored for it.'}
      </p>
      {error !== null && <ErrorMessage error={error} title="Not deleted" />}
    </ConfirmDialog>
  );
}
