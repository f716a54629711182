import { useId } from 'react';
import type { IssuedToken } from '../../shared/intelligence/flow-types';
import { shellQuote } from '../../shared/intelligence/curl';
import { CopyButton } from '../common/copy-button';
import { IssuedTokenHead } from './issued-token-head';

/** Props of {@link IssuedTokenView}. */
export interface IssuedTokenViewProps {
  token: IssuedToken;
}

/** Where the copied API call points: Salesforce documents no single Intelligence API URL, so the user fills it in. */
export const API_URL_PLACEHOLDER = 'https://YOUR-INTELLIGENCE-API-URL';

/** A curl command that calls an API (a placeholder to fill in by default) with the token as `Authorization: Bearer …`. */
export function bearerCurl(accessToken: string, url: string = API_URL_PLACEHOLDER): string {
  return [`curl --silent --show-error`, `  --header ${shellQuote(`Authorization: Bearer ${accessToken}`)}`, `  ${shellQuote(url)}`].join(
    ' \\\n',
  );
}

/** The access token a run obtained: the token, a live countdown to expiry, and copies of the token, an API call using it, and the token request. */
export function IssuedTokenView({ token }: IssuedTokenViewProps) {
  const id = useId();
  return (
    <section className="issued-token" aria-label="Access token">
      <IssuedTokenHead accessToken={token.accessToken} expiresAt={token.expiresAt} lifetimeSeconds={token.expiresIn} />
      <p className="field__help">
        Use it as <code>Authorization: Bearer &lt;token&gt;</code>. Issued by <code>{token.tokenEndpoint}</code>.
      </p>
      <div className="button-row">
        <CopyButton text={token.accessToken} label="Copy token" />
        <CopyButton text={bearerCurl(token.accessToken)} label="Copy as curl" describedBy={`${id}-curl`} />
        <CopyButton text={token.curl} label="Copy token request (curl)" describedBy={`${id}-request`} />
      </div>
      <p className="field__help" id={`${id}-curl`}>
        “Copy as curl” calls an API with this token: replace <code>{API_URL_PLACEHOLDER}</code> with the endpoint you call.
      </p>
      <p className="field__help" id={`${id}-request`}>
        “Copy token request” repeats the request that got this token. Its signed assertion has been used: its <code>jti</code> works once,
        so the identity provider refuses a replay. Press Get token for a fresh assertion.
      </p>
    </section>
  );
}
