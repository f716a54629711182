import type { ErrorPayload } from '../../shared/errors/workbench-error';

/** Props of {@link FieldError}. */
export interface FieldErrorProps {
  /** Referenced by the field's `aria-describedby`. */
  id: string;
  error: ErrorPayload;
}

/**
 * What is wrong with one form field, shown next to it. Not an alert: the form reports all invalid fields at once and
 * moves the focus to the first, whose `aria-describedby` reads this out.
 */
export function FieldError({ id, error }: FieldErrorProps) {
  return (
    <div id={id} className="field__error error-message error-message--inline">
      <p className="error-message__text">{error.message}</p>
      {error.hint !== undefined && <p className="error-message__hint">{error.hint}</p>}
      <code className="error-message__code">{error.code}</code>
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
