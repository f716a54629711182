// What the Intelligence credentials form's token request is made of, but the key: the client id (service account id), the
// region or a pasted discovery URL, and, under Advanced, whether the request goes as a form POST body or in the query string.
import { REGIONS } from '../../shared/intelligence/regions';
import { FieldError, fieldAria } from '../common/field-error';
import type { CredentialsDraft, DraftField, FieldErrors } from './credentials-draft';

/** Props of {@link ClientEndpointFields}. */
export interface ClientEndpointFieldsProps {
  /** The form's id, the prefix of its fields' ids. */
  id: string;
  /** The ids of the inputs the form focuses when they are invalid. */
  fieldIds: Pick<Record<DraftField, string>, 'clientId' | 'discoveryUrl'>;
  draft: Pick<CredentialsDraft, 'clientId' | 'endpoint' | 'discoveryUrl'>;
  update: (patch: Partial<CredentialsDraft>) => void;
  errors: Pick<FieldErrors, 'clientId' | 'discoveryUrl'>;
}

/** The client id, the region or "Paste a discovery URL…" and its field; with a region, why pasting the URL is better. */
export function ClientEndpointFields({ id, fieldIds, draft, update, errors }: ClientEndpointFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor={fieldIds.clientId}>Client id (service account id)</label>
        <input
          id={fieldIds.clientId}
          className="mono"
          value={draft.clientId}
          onChange={(e) => update({ clientId: e.target.value })}
          spellCheck={false}
          autoComplete="off"
          placeholder="Shown when the API token was generated"
          {...fieldAria(`${id}-client-error`, errors.clientId)}
        />
        {errors.clientId !== undefined && <FieldError id={`${id}-client-error`} error={errors.clientId} />}
      </div>
      <div className="field">
        <label htmlFor={`${id}-endpoint`}>Region</label>
        <select
          id={`${id}-endpoint`}
          value={draft.endpoint}
          onChange={(e) => update({ endpoint: e.target.value as CredentialsDraft['endpoint'] })}
        >
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
          <option value="custom">Paste a discovery URL…</option>
        </select>
      </div>
      {draft.endpoint === 'custom' ? (
        <div className="field">
          <label htmlFor={fieldIds.discoveryUrl}>Discovery URL</label>
          <input
            id={fieldIds.discoveryUrl}
            className="mono"
            type="url"
            value={draft.discoveryUrl}
            onChange={(e) => update({ discoveryUrl: e.target.value })}
            spellCheck={false}
            placeholder="https://idp.intelligence.salesforce.com/…"
            {...fieldAria(`${id}-discovery-error`, errors.discoveryUrl)}
          />
          {errors.discoveryUrl !== undefined && <FieldError id={`${id}-discovery-error`} error={errors.discoveryUrl} />}
        </div>
      ) : (
        <p className="field__help form-grid__aside">
          Only us1's discovery URL is documented; the others are guessed from it. Best: choose “Paste a discovery URL…” and paste the one
          the Intelligence UI shows.
        </p>
      )}
    </>
  );
}

/** Props of {@link RequestStyleField}. */
export interface RequestStyleFieldProps {
  /** The form's id, the prefix of the radio group's name. */
  id: string;
  style: CredentialsDraft['style'];
  update: (patch: Partial<CredentialsDraft>) => void;
}

/** Advanced: the token request as a form POST body (RFC 7523, the default) or in the query string (as the docs show it). */
export function RequestStyleField({ id, style, update }: RequestStyleFieldProps) {
  return (
    <details className="advanced form-grid__wide">
      <summary>Advanced</summary>
      <fieldset className="radio-group">
        <legend>Token request style</legend>
        <label>
          <input type="radio" name={`${id}-style`} value="form" checked={style === 'form'} onChange={() => update({ style: 'form' })} />
          Form POST body <span className="muted">(RFC 7523, default)</span>
        </label>
        <label>
          <input type="radio" name={`${id}-style`} value="query" checked={style === 'query'} onChange={() => update({ style: 'query' })} />
          Query string <span className="muted">(as in the Intelligence docs)</span>
        </label>
      </fieldset>
    </details>
  );
}
