import { useId } from 'react';
import type { EngagementToken, WhoAmI } from '../../shared/engagement/flow-types';
import { CopyButton } from '../common/copy-button';
import { IssuedTokenHead } from '../runs/issued-token-head';
import { bearerCurl } from '../runs/issued-token-view';
import { DetailRow, ScopesGranted, WhoAmITable } from './whoami-view';

/** The documented call "Copy as curl" makes: it only reads the tenant's SOAP endpoint, so it is safe to try as is. */
export const SAMPLE_CALL_PATH = 'platform/v1/endpoints/soap';

/** Where the REST calls go when the token came without `rest_instance_url`: the user fills in the tenant. */
export const REST_URL_PLACEHOLDER = 'https://YOUR-SUBDOMAIN.rest.marketingcloudapis.com/';

/** The sample call's URL on the token's REST instance URL (`https://<tenant>.rest.marketingcloudapis.com/`). */
export function sampleCallUrl(restInstanceUrl: string | null): string {
  const base = restInstanceUrl ?? REST_URL_PLACEHOLDER;
  return `${base.endsWith('/') ? base : `${base}/`}${SAMPLE_CALL_PATH}`;
}

/** Props of {@link EngagementResult}. */
export interface EngagementResultProps {
  token: EngagementToken;
  whoami: WhoAmI | null;
  /** Opens the access token in the decoder (four segments, explained). */
  onOpenInDecoder: (token: string) => void;
}

/** A server-to-server token: the token with copy, "Copy as curl" and "Open in decoder", its countdown, the endpoints, scopes granted vs asked, and who-am-I. */
export function EngagementResult({ token, whoami, onOpenInDecoder }: EngagementResultProps) {
  const id = useId();
  const { summary } = whoami ?? { summary: null };
  const callUrl = sampleCallUrl(token.restInstanceUrl);
  return (
    <section className="issued-token" aria-label="Access token">
      <IssuedTokenHead accessToken={token.accessToken} expiresAt={token.expiresAt} lifetimeSeconds={token.expiresIn} />
      <div className="button-row">
        <CopyButton text={token.accessToken} label="Copy token" />
        <CopyButton text={bearerCurl(token.accessToken, callUrl)} label="Copy as curl" describedBy={`${id}-curl`} />
        <button type="button" className="button button--secondary" onClick={() => onOpenInDecoder(token.accessToken)}>
          Open in decoder
        </button>
      </div>
      <p className="field__help" id={`${id}-curl`}>
        “Copy as curl” calls <code>GET {callUrl}</code> with this token: a harmless call that only reads the tenant's SOAP endpoint. Swap in
        the call you need.
        {token.restInstanceUrl === null && ' The answer named no rest_instance_url: put your tenant in the URL.'}
      </p>
      <table className="fields-table" aria-label="Token details">
        <tbody>
          <DetailRow name="Lifetime" value={`${token.expiresIn} s (from the response)`} />
          <DetailRow name="REST instance URL" value={token.restInstanceUrl} />
          <DetailRow name="SOAP instance URL" value={whoami?.endpoints.soap ?? token.soapInstanceUrl} />
          <DetailRow name="Token endpoint" value={token.tokenEndpoint} />
        </tbody>
      </table>
      <ScopesGranted token={token} />
      {summary !== null && <WhoAmITable summary={summary} />}
    </section>
  );
}
