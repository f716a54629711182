// A strict local authorization server for Engagement web and public apps on 127.0.0.1: v2/authorize with a login form,
// single-use codes that expire, exact redirect URI match, state passed back, rotating single-use refresh tokens, tssd
// (token calls must then come to the tssd host), and v2/userinfo as the docs' example has it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AuthorizationRequestRecord,
  AuthorizationServer,
  AuthorizationServerOptions,
  LoginOutcome,
  WebAppPackage,
} from './authorization-types';
import { KNOWN_SCOPES } from '../engagement-server/engagement-token-check';
import { readBody } from '../engagement-server/start-engagement-server';

interface Grant {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  mid: string;
  tssd: string | null;
}
interface Code extends Grant {
  issuedAt: number;
  used: boolean;
}
interface Pending {
  pkg: WebAppPackage;
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function loginPage(session: string, pkg: WebAppPackage, scopes: string[], problem: string | null): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Marketing Cloud sign-in (local test server)</title></head>
<body><main><h1>Sign in to allow ${escapeHtml(pkg.clientId)}</h1>
<p>Asks for: ${escapeHtml(scopes.join(' ') || '(no scopes)')}</p>
${problem === null ? '' : `<p role="alert">${escapeHtml(problem)}</p>`}
<form method="post" action="/v2/authorize/login">
<input type="hidden" name="session" value="${escapeHtml(session)}">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit" name="decision" value="allow">Sign in and allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></main></body></html>`;
}

/** Starts the server on a random port of 127.0.0.1. */
export async function startAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const packages = new Map(options.packages.map((pkg) => [pkg.clientId, pkg]));
  const lifetime = options.tokenLifetimeSeconds ?? 1080;
  const codeLifetimeMs = options.codeLifetimeMs ?? 5 * 60_000;
  const pending = new Map<string, Pending>();
  const codes = new Map<string, Code>();
  const refreshTokens = new Map<string, Grant & { spent: boolean }>();
  const accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  const requests: AuthorizationRequestRecord[] = [];
  const issued = { authorization_code: 0, refresh_token: 0 };
  let offset = 0;
  const now = (): number => Date.now() + offset;
  let base = '';
  let plainHost = '';

  function sendJson(res: ServerResponse, record: AuthorizationRequestRecord, status: number, body: Record<string, unknown>): void {
    record.status = status;
    if (typeof body.error === 'string') record.error = body.error;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  }
  const oauth = (res: ServerResponse, record: AuthorizationRequestRecord, status: number, error: string, description: string) =>
    sendJson(res, record, status, { error, error_description: description });
  function page(res: ServerResponse, record: AuthorizationRequestRecord, status: number, html: string): void {
    record.status = status;
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  }
  function redirectTo(res: ServerResponse, record: AuthorizationRequestRecord, redirectUri: string, params: Array<[string, string]>) {
    record.status = 302;
    const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
    res.writeHead(302, { Location: `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query}` }).end();
  }

  function authorize(req: IncomingMessage, res: ServerResponse, record: AuthorizationRequestRecord): void {
    const raw = (req.url ?? '').split('?')[1] ?? '';
    const query = new URLSearchParams(raw);
    const pkg = packages.get(query.get('client_id') ?? '');
    const redirectUri = query.get('redirect_uri') ?? '';
    // Errors before the redirect URI is known good are shown, never redirected (to an unregistered address).
    if (pkg === undefined) return page(res, record, 400, '<!DOCTYPE html><title>Error</title><p>Unknown client_id.</p>');
    if (!pkg.redirectUris.includes(redirectUri))
      return page(res, record, 400, '<!DOCTYPE html><title>Error</title><p>redirect_uri does not match a registered redirect URL.</p>');
    const rawRedirect = /(?:^|&)redirect_uri=([^&]*)/.exec(raw)?.[1] ?? '';
    if (/[:/]/.test(rawRedirect))
      return page(res, record, 400, '<!DOCTYPE html><title>Error</title><p>redirect_uri must be URL-encoded.</p>');
    const state = query.get('state');
    const back = (error: string, description: string) =>
      redirectTo(res, record, redirectUri, [
        ['error', error],
        ['error_description', description],
        ...(state === null ? [] : [['state', state] as [string, string]]),
      ]);
    if (query.get('response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code.');
    const scope = query.get('scope');
    const requested = scope === null ? null : scope.split(' ').filter((name) => name !== '');
    const unknown = requested?.find((name) => !KNOWN_SCOPES.includes(name));
    if (unknown !== undefined) return back('invalid_scope', `Unknown scope: ${unknown}.`);
    const scopes = requested === null ? [...pkg.scopes] : requested.filter((name) => pkg.scopes.includes(name));
    const session = random(16);
    pending.set(session, { pkg, redirectUri, scopes, state });
    page(res, record, 200, loginPage(session, pkg, scopes, null));
  }

  function login(res: ServerResponse, record: AuthorizationRequestRecord, form: URLSearchParams): void {
    const session = form.get('session') ?? '';
    const request = pending.get(session);
    if (request === undefined)
      return page(res, record, 400, '<!DOCTYPE html><title>Error</title><p>This sign-in has ended: start again.</p>');
    const { pkg, redirectUri, scopes, state } = request;
    const withState = (params: Array<[string, string]>): Array<[string, string]> =>
      state === null ? params : [...params, ['state', state]];
    if (form.get('decision') === 'deny') {
      pending.delete(session);
      return redirectTo(
        res,
        record,
        redirectUri,
        withState([
          ['error', 'access_denied'],
          ['error_description', 'The user denied access.'],
        ]),
      );
    }
    const user = options.users.find((candidate) => candidate.username === form.get('username'));
    if (user === undefined || user.password !== form.get('password'))
      return page(res, record, 401, loginPage(session, pkg, scopes, 'Wrong username or password.'));
    pending.delete(session);
    const code = random(36);
    codes.set(code, { clientId: pkg.clientId, redirectUri, scopes, mid: user.mid, tssd: pkg.tssd ?? null, issuedAt: now(), used: false });
    redirectTo(
      res,
      record,
      redirectUri,
      withState([['code', code], ...(pkg.tssd === undefined ? [] : [['tssd', pkg.tssd] as [string, string]])]),
    );
  }

  /** The token calls of a grant must come to its host: the tssd's when the redirect named one, this server's otherwise. */
  const rightHost = (grant: Grant, host: string): boolean =>
    grant.tssd === null ? host === plainHost : host === `${grant.tssd}.auth.marketingcloudapis.com`;

  function answerToken(res: ServerResponse, record: AuthorizationRequestRecord, grant: Grant, kind: keyof typeof issued): void {
    const accessToken = random(40);
    accessTokens.set(accessToken, { grant, expiresAt: now() + lifetime * 1000 });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: grant.scopes.join(' '),
      rest_instance_url: `${base}rest/`,
      soap_instance_url: `${base}soap/`,
    };
    if (grant.scopes.includes('offline')) {
      const next = random(48);
      refreshTokens.set(next, { ...grant, spent: false });
      body.refresh_token = next;
    }
    issued[kind] += 1;
    sendJson(res, record, 200, body);
  }

  function token(res: ServerResponse, record: AuthorizationRequestRecord, body: Record<string, unknown>, host: string): void {
    const { grant_type: grantType, client_id: clientId, client_secret: clientSecret } = body;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token')
      return oauth(res, record, 400, 'unsupported_grant_type', 'Use "authorization_code" or "refresh_token" or "client_credentials".');
    const pkg = packages.get(typeof clientId === 'string' ? clientId : '');
    if (pkg === undefined) return oauth(res, record, 401, 'invalid_client', 'Invalid client ID.');
    if (pkg.clientSecret === null ? clientSecret !== undefined : clientSecret !== pkg.clientSecret)
      return oauth(
        res,
        record,
        401,
        'invalid_client',
        pkg.clientSecret === null ? 'A public app sends no client_secret.' : 'Invalid client secret.',
      );
    if (grantType === 'authorization_code') {
      const code = codes.get(typeof body.code === 'string' ? body.code : '');
      if (code === undefined || code.clientId !== pkg.clientId)
        return oauth(res, record, 400, 'invalid_grant', 'Invalid authorization code.');
      if (code.used) return oauth(res, record, 400, 'invalid_grant', 'The authorization code was already used.');
      if (now() - code.issuedAt > codeLifetimeMs) return oauth(res, record, 400, 'invalid_grant', 'The authorization code has expired.');
      if (body.redirect_uri !== code.redirectUri) return oauth(res, record, 400, 'invalid_grant', 'redirect_uri does not match.');
      if (!rightHost(code, host))
        return oauth(res, record, 400, 'invalid_grant', 'Use the tenant-specific subdomain (tssd) for this code.');
      code.used = true;
      return answerToken(res, record, code, 'authorization_code');
    }
    const stored = refreshTokens.get(typeof body.refresh_token === 'string' ? body.refresh_token : '');
    if (stored === undefined || stored.clientId !== pkg.clientId) return oauth(res, record, 400, 'invalid_grant', 'Invalid refresh token.');
    if (stored.spent) return oauth(res, record, 400, 'invalid_grant', 'The refresh token was already used.');
    if (!rightHost(stored, host))
      return oauth(res, record, 400, 'invalid_grant', 'Use the tenant-specific subdomain (tssd) for this token.');
    stored.spent = true;
    answerToken(res, record, stored, 'refresh_token');
  }

  function userinfo(req: IncomingMessage, res: ServerResponse, record: AuthorizationRequestRecord): void {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const found = match === null ? undefined : accessTokens.get(match[1]!);
    if (found === undefined || found.expiresAt <= now()) return sendJson(res, record, 401, { message: 'Not Authorized', errorcode: 0 });
    if (record.path.endsWith('/soap')) return sendJson(res, record, 200, { url: `${base}soap/` });
    const pkg = packages.get(found.grant.clientId)!;
    sendJson(res, record, 200, {
      exp: Math.floor(found.expiresAt / 1000),
      iss: `${base}`,
      user: { sub: '700123999', name: 'Web App User', preferred_username: 'web.user', email: 'web.user@example.com' },
      organization: {
        member_id: Number(found.grant.mid),
        enterprise_id: 514000001,
        enterprise_name: 'Test Enterprise',
        account_type: 'enterprise',
        stack_key: 'S7',
        region: 'NA1',
      },
      rest: { rest_instance_url: `${base}rest/`, soap_instance_url: `${base}soap/` },
      application: { id: `app-${pkg.clientId}`, name: 'Local web app', redirectUrl: [...pkg.redirectUris], appScopes: [...pkg.scopes] },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const host = req.headers.host ?? '';
    const record: AuthorizationRequestRecord = { method, path, host, grantType: null, bodyNames: [], status: null };
    requests.push(record);
    if (method === 'GET' && path === '/v2/authorize') return authorize(req, res, record);
    if (method === 'GET' && (path === '/v2/userinfo' || path === '/rest/platform/v1/endpoints/soap')) return userinfo(req, res, record);
    const text = method === 'POST' ? await readBody(req) : null;
    if (method === 'POST' && path === '/v2/authorize/login') return login(res, record, new URLSearchParams(text ?? ''));
    if (!(method === 'POST' && path === '/v2/token')) return sendJson(res, record, 404, { message: 'Not Found', errorcode: 404 });
    let body: unknown;
    try {
      body = /^application\/json(;|$)/i.test(req.headers['content-type'] ?? '') && text !== null ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return oauth(res, record, 400, 'invalid_request', 'The body must be a JSON object sent as application/json.');
    const fields = body as Record<string, unknown>;
    record.bodyNames = Object.keys(fields);
    record.grantType = typeof fields.grant_type === 'string' ? fields.grant_type : null;
    if (options.tokenDelayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.tokenDelayMs));
    token(res, record, fields, host);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  plainHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${plainHost}/`;

  async function signIn(authorizeUrl: string, login: { username: string; password: string; deny?: boolean }): Promise<LoginOutcome> {
    const form = await fetch(authorizeUrl, { redirect: 'manual' });
    if (form.status === 302) return { redirect: form.headers.get('location') ?? '' };
    const html = await form.text();
    const session = /name="session" value="([^"]+)"/.exec(html)?.[1];
    if (form.status !== 200 || session === undefined) return { status: form.status, page: html };
    const submitted = await fetch(`${base}v2/authorize/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        session,
        username: login.username,
        password: login.password,
        decision: login.deny === true ? 'deny' : 'allow',
      }).toString(),
    });
    if (submitted.status === 302) return { redirect: submitted.headers.get('location') ?? '' };
    return { status: submitted.status, page: await submitted.text() };
  }

  return {
    authBaseUrl: base,
    signIn,
    liveRefreshTokens: (clientId) => [...refreshTokens.values()].filter((t) => t.clientId === clientId && !t.spent).length,
    issued,
    advanceClock: (ms) => void (offset += ms),
    hasIssued: (accessToken) => accessTokens.has(accessToken),
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
