import type { ErrorPayload } from '../../shared/errors/workbench-error';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  error: ErrorPayload;
  /** Optional heading shown above the message (e.g. "Could not save"). */
  title?: string;
  /** Render compactly inline (for form fields) instead of as a panel. */
  inline?: boolean;
}

/** An error as the workbench shows it: message prominent, hint below, code small. Never a stack trace. */
export function ErrorMessage({ error, title, inline = false }: ErrorMessageProps) {
  return (
    <div className={inline ? 'error-message error-message--inline' : 'error-message'} role="alert">
      {title !== undefined && <p className="error-message__title">{title}</p>}
      <p className="error-message__text">{error.message}</p>
      {error.hint !== undefined && <p className="error-message__hint">{error.hint}</p>}
      <code className="error-message__code">{error.code}</code>
    </div>
  );
}
