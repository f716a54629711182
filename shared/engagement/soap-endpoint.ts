// GET <rest_instance_url>platform/v1/endpoints/soap: the tenant's SOAP endpoint, as the docs say to find it.
import { WorkbenchError } from '../errors/workbench-error';
import { checkEndpointUrl } from '../exchange/endpoint-url';
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';
import { readApiObject } from './api-failure';
import { checkRestInstanceUrl, type EngagementTenant } from './tenant';

/** The endpoints request for the SOAP endpoint; the REST base URL must be the tenant's own (checkRestInstanceUrl) first. */
export function buildSoapEndpointRequest(
  restInstanceUrl: string,
  accessToken: string,
  tenant: EngagementTenant,
): { url: URL; request: PlainRequest } {
  const base = checkRestInstanceUrl(restInstanceUrl, tenant);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return {
    url: new URL('platform/v1/endpoints/soap', base),
    request: { method: 'GET', headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` } },
  };
}

/** The SOAP endpoint URL of the answer `{ "url": ... }`; ERR_API_* for failures, ERR_API_RESPONSE_INVALID without a usable url. */
export function readSoapEndpointResponse(response: TimedResponse): string {
  const json = readApiObject(response, 'endpoints API');
  if (typeof json.url !== 'string') {
    throw new WorkbenchError('ERR_API_RESPONSE_INVALID', 'The endpoints API answered without a "url": check the REST instance URL.');
  }
  try {
    return checkEndpointUrl(json.url, 'SOAP endpoint').href;
  } catch {
    throw new WorkbenchError(
      'ERR_API_RESPONSE_INVALID',
      'The endpoints API answered with a SOAP URL that is not an https address: check the REST instance URL.',
    );
  }
}
