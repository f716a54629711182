// The footer both credentials forms end with: how many fields need attention, the save's progress, error or notice, and
// the two buttons (save the profile, or get a token with the form as it stands).
import type { ReactNode } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { ErrorMessage } from '../common/error-message';
import { Notice } from '../common/notice';
import { Spinner } from '../common/spinner';

/** Props of {@link FormFooter}. */
export interface FormFooterProps {
  invalidCount: number;
  saving: boolean;
  saveError: ErrorPayload | null;
  /** The success notice after a save (title and what is in the keychain), or null when there is none to show. */
  saved: { title: string; body: ReactNode } | null;
  /** A new profile says "Save profile"; a saved one "Save changes". */
  isNew: boolean;
  onSave: () => void;
  running: boolean;
}

export function FormFooter({ invalidCount, saving, saveError, saved, isNew, onSave, running }: FormFooterProps) {
  return (
    <footer className="panel__footer">
      <div className="panel__footer-status" aria-live="polite">
        {invalidCount > 0 && (
          <p className="field__help" data-testid="invalid-summary">
            {invalidCount === 1 ? 'One field needs attention.' : `${invalidCount} fields need attention.`}
          </p>
        )}
        {saving && (
          <span className="inline-status">
            <Spinner /> Saving to the keychain…
          </span>
        )}
        {saveError !== null && <ErrorMessage error={saveError} title="Not saved" />}
        {saved !== null && !saving && (
          <Notice tone="success" title={saved.title}>
            {saved.body}
          </Notice>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onSave} disabled={saving}>
          {isNew ? 'Save profile' : 'Save changes'}
        </button>
        <button type="submit" className="button button--primary" disabled={running}>
          Get token
        </button>
      </div>
    </footer>
  );
}
