import type { FormEvent, ReactNode } from 'react';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import { FieldError, fieldAria } from '../common/field-error';
import { Spinner } from '../common/spinner';
import { asksForOffline, type WebSignInErrors, type WebSignInField, type WebSignInValues } from './web-sign-in-draft';

/** The inputs' ids after the form's prefix. */
export const WEB_SIGN_IN_ID_SUFFIX: Readonly<Record<WebSignInField, string>> = {
  tenant: 'tenant',
  clientId: 'client',
  clientSecret: 'secret',
  redirectUri: 'redirect',
  scope: 'scope',
  accountId: 'account',
};

/** Props of {@link WebSignInForm}. */
export interface WebSignInFormProps {
  id: string;
  values: WebSignInValues;
  onChange: (patch: Partial<WebSignInValues>) => void;
  errors: WebSignInErrors;
  /** "Open sign-in page" (or Enter in a field). */
  onOpen: (event: FormEvent) => void;
  opening: boolean;
  /** Under the button: the started sign-in's link, or why it could not start. */
  children?: ReactNode;
}

/** One labelled text input with its help and its error, as every field of this form is. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: WebSignInErrors[WebSignInField];
  help: ReactNode;
  maxLength: number;
  type?: 'text' | 'password';
  placeholder?: string;
  inputMode?: 'numeric';
}) {
  const { id, label, value, onChange, error, help, maxLength, type = 'text', placeholder, inputMode } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        className={type === 'password' ? undefined : 'mono'}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        {...fieldAria(`${id}-error`, error, `${id}-help`)}
      />
      <p id={`${id}-help`} className="field__help">
        {help}
      </p>
      {error !== undefined && <FieldError id={`${id}-error`} error={error} />}
    </div>
  );
}

/** The sign-in's inputs and "Open sign-in page": a web app gives its client secret, a public app none. */
export function WebSignInForm({ id, values, onChange, errors, onOpen, opening, children }: WebSignInFormProps) {
  const fieldId = (field: WebSignInField) => `${id}-${WEB_SIGN_IN_ID_SUFFIX[field]}`;
  const field = (name: WebSignInField) => ({
    id: fieldId(name),
    value: values[name],
    onChange: (value: string) => onChange({ [name]: value }),
    error: errors[name],
  });
  const offline = asksForOffline(values.scope);
  return (
    <form id={id} className="panel credentials-form web-sign-in-form" onSubmit={onOpen} aria-label="Web or public app sign-in" noValidate>
      <header className="panel__header">
        <h2 className="panel__title">1. Sign in as a web or public app</h2>
      </header>
      <div className="panel__body form-grid">
        <TextField
          {...field('tenant')}
          label="Subdomain or auth base URL"
          maxLength={REQUEST_LIMITS.url}
          placeholder="e.g. mc563885gzs27c5t9-63k636ttgm"
          help="28 characters starting with mc, or https://<subdomain>.auth.marketingcloudapis.com/"
        />
        <TextField
          {...field('clientId')}
          label="Client id"
          maxLength={REQUEST_LIMITS.clientId}
          help="From the API Integration of the package."
        />
        <TextField
          {...field('clientSecret')}
          label="Client secret (web app only)"
          type="password"
          maxLength={REQUEST_LIMITS.clientSecret}
          help="Leave empty for a public app, which has none. Kept in the app until the code is exchanged; saving puts it in the OS keychain."
        />
        <TextField
          {...field('redirectUri')}
          label="Redirect URI"
          maxLength={REQUEST_LIMITS.url}
          help="Exactly as registered on the API Integration. The docs give https://127.0.0.1:80/ for local testing."
        />
        <TextField
          {...field('scope')}
          label="Scopes"
          maxLength={REQUEST_LIMITS.scope}
          placeholder="e.g. email_read offline"
          help={
            <>
              Space-separated; empty asks for the package&apos;s own. Keep <code>offline</code>: without it no refresh token is issued, the
              tokens end when the user logs out, and the sign-in cannot be saved as a profile.
              {!offline && <strong className="field__warning"> offline is not asked for.</strong>}
            </>
          }
        />
        <TextField
          {...field('accountId')}
          label="Account id (MID, optional)"
          maxLength={REQUEST_LIMITS.accountId}
          inputMode="numeric"
          placeholder="e.g. 510001234"
          help="Added to the authorize URL as account_id, as given: the Authorization Code reference does not list it."
        />
      </div>
      <footer className="panel__footer">
        <div className="panel__footer-status" aria-live="polite">
          {children}
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={opening}>
            {opening && <Spinner />}
            Open sign-in page
          </button>
        </div>
      </footer>
    </form>
  );
}
