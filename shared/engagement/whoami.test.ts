import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import { buildSoapEndpointRequest, readSoapEndpointResponse } from './soap-endpoint';
import { checkRestInstanceUrl, tenantFromAuthUrl, tenantFromSubdomain } from './tenant';
import { readUserinfoResponse, summarizeUserinfo, userinfoEndpoints } from './userinfo';
import { timedResponse } from '../../test/support/timed-response';

const response = timedResponse;

describe('who-am-I', () => {
  it('summarizes the documented userinfo fields, numbers as text, missing ones as null', () => {
    const userinfo = {
      user: { sub: '7', preferred_username: 'pat', email: 'pat@example.com' },
      organization: { member_id: 510001234, enterprise_id: 514000001, enterprise_name: 'Acme', stack_key: 'S11', region: 'NA1' },
      rest: { rest_instance_url: 'https://r/', soap_instance_url: 'https://s/' },
    };
    expect(summarizeUserinfo(userinfo)).toEqual({
      mid: '510001234',
      enterpriseId: '514000001',
      enterpriseName: 'Acme',
      stack: 'S11',
      region: 'NA1',
      userName: 'pat',
      userEmail: 'pat@example.com',
      userId: '7',
      applicationName: null,
      applicationScopes: null,
      redirectUrls: null,
    });
    expect(summarizeUserinfo({ organization: [] }).mid).toBeNull();
    expect(userinfoEndpoints(userinfo)).toEqual({ rest: 'https://r/', soap: 'https://s/' });
  });

  it("summarizes the package's own scopes and redirect URLs (application.appScopes, .redirectUrl), capped, strings only", () => {
    const many = Array.from({ length: 500 }, (_, i) => `scope_${i}`);
    const summary = summarizeUserinfo({ application: { name: 'App', appScopes: many, redirectUrl: 'https://127.0.0.1:80/' } });
    expect(summary.applicationName).toBe('App');
    expect(summary.applicationScopes).toHaveLength(200);
    expect(summary.redirectUrls).toEqual(['https://127.0.0.1:80/']);
    expect(summarizeUserinfo({ application: { appScopes: [], redirectUrl: [{ url: 'x' }, 'y'.repeat(300)] } })).toMatchObject({
      applicationScopes: [],
      redirectUrls: ['y'.repeat(256)],
    });
    expect(summarizeUserinfo({ application: { appScopes: 7, redirectUrl: '' } })).toMatchObject({
      applicationScopes: null,
      redirectUrls: null,
    });
  });

  it('codes a refused token, an HTML page and a body that is not an object', () => {
    expect(workbenchThrow(() => readUserinfoResponse(response(401, '{"message":"Not Authorized","errorcode":0}')))).toMatchObject({
      code: 'ERR_API_UNAUTHORIZED',
      message:
        'The userinfo endpoint refused the token (HTTP 401: Not Authorized): it may have expired or lack the permission; get a new token and try again.',
    });
    expect(workbenchThrow(() => readUserinfoResponse(response(200, '<html></html>', 'text/html'))).code).toBe('ERR_API_NOT_JSON');
    expect(workbenchThrow(() => readUserinfoResponse(response(200, '[1]'))).message).toBe(
      'The userinfo endpoint answered HTTP 200 with a body that is not a JSON object: check the URL.',
    );
    expect(workbenchThrow(() => readUserinfoResponse(response(404, '{}'))).message).toBe(
      'The userinfo endpoint answered HTTP 404: check the URL and try again.',
    );
  });

  it('asks the endpoints API under the REST base and accepts only an https (or loopback) SOAP URL', () => {
    const tenant = tenantFromSubdomain('t');
    expect(buildSoapEndpointRequest('https://t.rest.marketingcloudapis.com', 'tok', tenant).url.href).toBe(
      'https://t.rest.marketingcloudapis.com/platform/v1/endpoints/soap',
    );
    expect(workbenchThrow(() => buildSoapEndpointRequest('http://evil.example/', 'tok', tenant)).code).toBe('ERR_URL_INSECURE');
    expect(readSoapEndpointResponse(response(200, '{"url":"https://t.soap.marketingcloudapis.com/"}'))).toBe(
      'https://t.soap.marketingcloudapis.com/',
    );
    expect(workbenchThrow(() => readSoapEndpointResponse(response(200, '{"url":"http://evil.example/"}')))).toMatchObject({
      code: 'ERR_API_RESPONSE_INVALID',
      message: 'The endpoints API answered with a SOAP URL that is not an https address: check the REST instance URL.',
    });
    expect(workbenchThrow(() => readSoapEndpointResponse(response(200, '{}'))).code).toBe('ERR_API_RESPONSE_INVALID');
  });

  it('sends the token only to the REST host of the same tenant (or the loopback auth server itself)', () => {
    const tenant = tenantFromSubdomain('mc-tenant');
    const refused = (url: string, where = tenant) => workbenchThrow(() => checkRestInstanceUrl(url, where));
    expect(checkRestInstanceUrl('https://MC-TENANT.rest.marketingcloudapis.com/', tenant).host).toBe(
      'mc-tenant.rest.marketingcloudapis.com',
    );
    expect(refused('https://other.rest.marketingcloudapis.com/')).toMatchObject({
      code: 'ERR_REST_HOST_REFUSED',
      message:
        "The token server named other.rest.marketingcloudapis.com as the REST instance, which is not this tenant's (https://mc-tenant.rest.marketingcloudapis.com/): the access token was not sent there. Check the subdomain or auth base URL.",
    });
    expect(refused('https://mc-tenant.rest.marketingcloudapis.com.evil.example/').code).toBe('ERR_REST_HOST_REFUSED');
    expect(refused('https://mc-tenant.rest.marketingcloudapis.com:8443/').code).toBe('ERR_REST_HOST_REFUSED');
    expect(refused('http://127.0.0.1:9/').code).toBe('ERR_REST_HOST_REFUSED');
    const local = tenantFromAuthUrl('http://127.0.0.1:4000/');
    expect(checkRestInstanceUrl('http://127.0.0.1:4000/rest/', local).href).toBe('http://127.0.0.1:4000/rest/');
    expect(refused('http://127.0.0.1:4001/rest/', local).code).toBe('ERR_REST_HOST_REFUSED');
    expect(refused('https://mc-tenant.rest.marketingcloudapis.com/', local).code).toBe('ERR_REST_HOST_REFUSED');
    expect(refused('https://api.example.com/', tenantFromAuthUrl('https://auth.example.com/')).code).toBe('ERR_REST_HOST_REFUSED');
  });
});
