import { createContext, useContext, useEffect } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';

/** Props of {@link FieldError}. */
export interface FieldErrorProps {
  /** Referenced by the field's `aria-describedby`. */
  id: string;
  error: ErrorPayload;
}

/**
 * Called whenever a field error shows: a screen drops what a previous run left (a "Could not reach…" from before the
 * edit), so the only problem on show is the one to fix now.
 */
export const FieldErrorShown = createContext<(() => void) | null>(null);

/** Codes that only say "fill in this field": the message says it all, so the code is not shown. */
const PROMPT_CODES: ReadonlySet<string> = new Set(['ERR_PROFILE_INVALID']);

/**
 * What is wrong with one form field, shown next to it. Not an alert: the form reports all invalid fields at once and
 * moves the focus to the first, whose `aria-describedby` reads this out.
 */
export function FieldError({ id, error }: FieldErrorProps) {
  const onShown = useContext(FieldErrorShown);
  useEffect(() => onShown?.(), [onShown, error]);
  return (
    <div id={id} className="field__error error-message error-message--inline" data-error-code={error.code}>
      <p className="error-message__text">{error.message}</p>
      {error.hint !== undefined && <p className="error-message__hint">{error.hint}</p>}
      {!PROMPT_CODES.has(error.code) && <code className="error-message__code">{error.code}</code>}
    </div>
  );
}

/** The ARIA attributes of a field that may be invalid: `aria-invalid`, and `aria-describedby` naming its error and help. */
export function fieldAria(
  errorId: string,
  error: ErrorPayload | undefined,
  helpId?: string,
): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  const describedBy = [error === undefined ? undefined : errorId, helpId].filter((x) => x !== undefined).join(' ');
  return { 'aria-invalid': error !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) };
}
