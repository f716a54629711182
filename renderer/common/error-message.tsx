import type { ErrorPayload } from '../../shared/errors/workbench-error';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  error: ErrorPayload;
  /** Optional heading shown above the message (e.g. "Could not save"). */
  title?: string;
  /** Render compactly inline (for form fields) instead of as a panel. */
  inline?: boolean;
  /** "neutral" for what the user chose (a cancelled run): calm, and a status instead of an alert. */
  tone?: 'danger' | 'neutral';
}

/** An error as the workbench shows it: message prominent, hint below, code small. Never a stack trace. */
export function ErrorMessage({ error, title, inline = false, tone = 'danger' }: ErrorMessageProps) {
  const classes = ['error-message', inline ? 'error-message--inline' : '', tone === 'neutral' ? 'error-message--neutral' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} role={tone === 'neutral' ? 'status' : 'alert'}>
      {title !== undefined && <p className="error-message__title">{title}</p>}
      <p className="error-message__text">{error.message}</p>
      {error.hint !== undefined && <p className="error-message__hint">{error.hint}</p>}
      <code className="error-message__code">{error.code}</code>
    </div>
  );
}
