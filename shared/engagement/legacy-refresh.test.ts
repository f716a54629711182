import { describe, expect, it } from 'vitest';
import { workbenchThrow } from '../../test/support/rejection';
import { readRefreshResponse, refreshFailure, refreshSourceOf } from './legacy-refresh';
import { timedResponse } from '../../test/support/timed-response';

const response = timedResponse;

describe('refreshSourceOf', () => {
  it('reads request.rest.refreshToken (v2) or request.user.refreshToken (v1), and the authEndpoint', () => {
    const rest = { authEndpoint: 'https://a/v1/requestToken' };
    expect(refreshSourceOf({ request: { rest: { ...rest, refreshToken: 'r2' } } })).toEqual({
      authEndpoint: rest.authEndpoint,
      refreshToken: 'r2',
    });
    expect(refreshSourceOf({ request: { rest, user: { refreshToken: 'r1' } } })).toEqual({
      authEndpoint: rest.authEndpoint,
      refreshToken: 'r1',
    });
  });

  it('says when the JWT has no refresh token or no authEndpoint', () => {
    expect(workbenchThrow(() => refreshSourceOf({ request: { rest: { authEndpoint: 'https://a/' } } }))).toMatchObject({
      code: 'ERR_REFRESH_NOT_AVAILABLE',
      message:
        'This JWT carries no refresh token: only App Center SSO JWTs of packages with an API Integration component have one (request.rest.refreshToken).',
    });
    expect(workbenchThrow(() => refreshSourceOf({ request: { rest: { refreshToken: 'r' } } })).message).toBe(
      'This JWT names no request.rest.authEndpoint to refresh at: it is not an App Center SSO JWT.',
    );
    expect(workbenchThrow(() => refreshSourceOf({ request: 'x' })).code).toBe('ERR_REFRESH_NOT_AVAILABLE');
  });
});

describe('refresh answers', () => {
  it('reads accessToken, expiresIn and the next refreshToken', () => {
    expect(readRefreshResponse(response(200, '{"accessToken":"a","expiresIn":3600,"refreshToken":"n"}'))).toEqual({
      accessToken: 'a',
      expiresIn: 3600,
      refreshToken: 'n',
    });
    expect(readRefreshResponse(response(200, '{"accessToken":"a"}'))).toEqual({ accessToken: 'a', expiresIn: 3600, refreshToken: null });
  });

  it('codes {message, errorcode}, OAuth errors, an answer without a token, and quotes server text safely', () => {
    expect(refreshFailure(response(401, '{"message":"Unauthorized","errorcode":1,"documentation":""}')).message).toBe(
      'The auth endpoint refused the refresh with HTTP 401: Unauthorized (errorcode 1).',
    );
    expect(refreshFailure(response(400, '{"message":"bad\\u0007 eyJhbGciOiJI.eyJzdWIiOiIx.c2lnbmF0dXJl"}')).message).toBe(
      'The auth endpoint refused the refresh with HTTP 400: bad [token removed].',
    );
    expect(refreshFailure(response(401, '{"error":"invalid_client"}')).code).toBe('ERR_OAUTH_INVALID_CLIENT');
    expect(workbenchThrow(() => readRefreshResponse(response(200, '{"token":"x"}')))).toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      message: 'The auth endpoint answered HTTP 200 without an accessToken: check the authEndpoint of the JWT.',
    });
  });
});
