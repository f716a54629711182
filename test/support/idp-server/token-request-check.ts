// The strict checks of the local token endpoint: grant and assertion types, the client, the RS256 signature and every claim.
import type { KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { INTELLIGENCE_AUDIENCE } from '../../../shared/decode/intelligence-audience';
import { oauthFailure, type OAuthFailure } from './oauth-failure';

/** The client_assertion_type the server requires. */
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** How far iat may be from the server clock, either way, in seconds: our own choice, as Salesforce publishes no allowed skew. */
export const IAT_WINDOW_SECONDS = 300;

const JTI = /^[0-9a-f]{32}$/;

/** What the checks need: the registered keys, the server clock (seconds) and the jti values already used. */
export interface TokenCheckContext {
  clients: ReadonlyMap<string, KeyObject>;
  serverNowSeconds: number;
  usedJti: ReadonlySet<string>;
}

/** An accepted token request: whose it is and the jti to remember. */
export interface TokenCheckPass {
  ok: true;
  clientId: string;
  jti: string;
}

function claimsProblem(claims: Record<string, unknown>, clientId: string, context: TokenCheckContext): OAuthFailure | null {
  const grant = (description: string): OAuthFailure => oauthFailure('invalid_grant', description);
  if (claims.iss !== clientId) return grant('iss must equal client_id');
  if (claims.sub !== clientId) return grant('sub must equal client_id');
  if (claims.aud !== INTELLIGENCE_AUDIENCE) return grant(`aud must be ${INTELLIGENCE_AUDIENCE}`);
  const { iat, exp, jti } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat)) return grant('iat must be an integer number of seconds');
  if (Math.abs(iat - context.serverNowSeconds) > IAT_WINDOW_SECONDS) return grant('iat is too far from the server time');
  if (exp !== undefined && (typeof exp !== 'number' || exp <= context.serverNowSeconds)) return grant('the assertion has expired');
  if (typeof jti !== 'string' || !JTI.test(jti)) return grant('jti must be 32 lowercase hex characters');
  if (context.usedJti.has(jti)) return grant('jti has already been used');
  return null;
}

function parseClaims(payload: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Checks a token request's parameters (the documented rules, plus an iat window and no jti reuse, which Salesforce does not publish); a failure carries the OAuth error to answer with. */
export async function checkTokenRequest(
  params: ReadonlyMap<string, string>,
  context: TokenCheckContext,
): Promise<TokenCheckPass | OAuthFailure> {
  const grantType = params.get('grant_type');
  if (grantType === undefined) return oauthFailure('invalid_request', 'grant_type is missing');
  if (grantType !== 'client_credentials') return oauthFailure('unsupported_grant_type', 'grant_type must be client_credentials');
  const assertionType = params.get('client_assertion_type');
  if (assertionType === undefined) return oauthFailure('invalid_request', 'client_assertion_type is missing');
  if (assertionType !== JWT_BEARER) return oauthFailure('invalid_request', `client_assertion_type must be ${JWT_BEARER}`);
  const assertion = params.get('client_assertion');
  if (assertion === undefined || assertion === '') return oauthFailure('invalid_request', 'client_assertion is missing');
  const clientId = params.get('client_id');
  if (clientId === undefined || clientId === '') return oauthFailure('invalid_request', 'client_id is missing');
  const key = context.clients.get(clientId);
  if (key === undefined) return oauthFailure('invalid_client', 'unknown client_id');

  let alg: unknown;
  try {
    if (assertion.split('.').length !== 3) throw new TypeError('not compact');
    alg = decodeProtectedHeader(assertion).alg;
  } catch {
    return oauthFailure('invalid_client', 'client_assertion is not a compact JWS');
  }
  if (alg !== 'RS256') return oauthFailure('invalid_client', 'client_assertion must be signed RS256');
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(assertion, key, { algorithms: ['RS256'] })).payload;
  } catch {
    return oauthFailure('invalid_client', 'client_assertion signature is invalid for this client');
  }
  const claims = parseClaims(payload);
  if (claims === null) return oauthFailure('invalid_grant', 'client_assertion payload is not a JSON object');
  const problem = claimsProblem(claims, clientId, context);
  if (problem !== null) return problem;
  return { ok: true, clientId, jti: claims.jti as string };
}
