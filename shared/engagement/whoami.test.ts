import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import { buildSoapEndpointRequest, readSoapEndpointResponse } from './soap-endpoint';
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
    });
    expect(summarizeUserinfo({ organization: [] }).mid).toBeNull();
    expect(userinfoEndpoints(userinfo)).toEqual({ rest: 'https://r/', soap: 'https://s/' });
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
    expect(buildSoapEndpointRequest('https://t.rest.marketingcloudapis.com', 'tok').url.href).toBe(
      'https://t.rest.marketingcloudapis.com/platform/v1/endpoints/soap',
    );
    expect(workbenchThrow(() => buildSoapEndpointRequest('http://evil.example/', 'tok')).code).toBe('ERR_URL_INSECURE');
    expect(readSoapEndpointResponse(response(200, '{"url":"https://t.soap.marketingcloudapis.com/"}'))).toBe(
      'https://t.soap.marketingcloudapis.com/',
    );
    expect(workbenchThrow(() => readSoapEndpointResponse(response(200, '{"url":"http://evil.example/"}')))).toMatchObject({
      code: 'ERR_API_RESPONSE_INVALID',
      message: 'The endpoints API answered with a SOAP URL that is not an https address: check the REST instance URL.',
    });
    expect(workbenchThrow(() => readSoapEndpointResponse(response(200, '{}'))).code).toBe('ERR_API_RESPONSE_INVALID');
  });
});
