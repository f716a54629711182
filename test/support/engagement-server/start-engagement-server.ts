// A local Engagement auth server on 127.0.0.1, as strict as the docs: v2/token (JSON only), v2/userinfo and
// platform/v1/endpoints/soap (only for tokens it issued and that have not expired), and the legacy v1/requestToken
// (single-use refresh tokens with a 5-minute grace). Fault modes misbehave on demand.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendHtmlPage, sendServerError } from '../idp-server/fault-responses';
import { checkTokenRequest, isRejection } from './engagement-token-check';
import type {
  EngagementEndpoint,
  EngagementFaultMode,
  EngagementPackage,
  EngagementRequestRecord,
  EngagementServer,
  EngagementServerOptions,
} from './engagement-types';

/** How long a spent refresh token still works (the docs: a 5-minute grace). */
export const REFRESH_GRACE_MS = 5 * 60_000;
/** The expires_in of a legacy refresh answer. */
export const REFRESH_EXPIRES_IN = 3600;
const MAX_BODY_BYTES = 64 * 1024;
/** v1/requestToken's answer to an enhanced package's client id (errorcode 10007), word for word as public trackers quote it. */
export const NOT_ELIGIBLE_MESSAGE =
  'This integration is not eligible to use the legacy /v1/requestToken endpoint because the integration uses enhanced OAuth 2.0 functionality. To obtain a token for this integration, use the applicable Marketing Cloud OAuth 2.0 endpoint for authentication. For a web or public app, use /v2/authorize and then /v2/token. For a server-to-server integration, use /v2/token.';

interface IssuedToken {
  clientId: string;
  accountId: string;
  expiresAtMs: number;
}

const randomText = (bytes: number): string => randomBytes(bytes).toString('base64url');
const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A four-segment access token like the real ones: an HS256-looking JWS without exp, then an opaque segment. */
function fourSegmentToken(pkg: EngagementPackage): string {
  const header = segment({ alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' });
  const payload = segment({
    access_token: randomText(18),
    client_id: pkg.clientId,
    eid: pkg.enterpriseId ?? 514000001,
    stack_key: 'S7',
    platform_version: 2,
    client_type: 'ServerToServer',
  });
  const mac = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${mac}.${randomText(32)}`;
}

/** v2/token appended to a URL that already ended in it: a public report had Marketing Cloud answer unsupported_grant_type. */
const DOUBLED_TOKEN_PATH = /^(?:\/v2\/token){2,}\/?$/i;
/** The description Marketing Cloud gave with unsupported_grant_type, as a public tracker quotes it (FuelSDK-Node#34). */
export const UNSUPPORTED_GRANT_DESCRIPTION =
  'Use "authorization_code" or "refresh_token" or "client_credentials" or "urn:ietf:params:oauth:grant-type:jwt-bearer" as the grant_type.';

function endpointOf(method: string, path: string): EngagementEndpoint | null {
  if (method === 'POST' && (path === '/v2/token' || DOUBLED_TOKEN_PATH.test(path))) return 'token';
  if (method === 'GET' && path === '/v2/userinfo') return 'userinfo';
  if (method === 'GET' && path === '/rest/platform/v1/endpoints/soap') return 'endpoints';
  if (method === 'POST' && path === '/v1/requestToken') return 'refresh';
  return null;
}

/** Reads a body up to MAX_BODY_BYTES; null when it is larger (the authorization server reads its bodies with it too). */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Starts the server on a random port of 127.0.0.1. */
export async function startEngagementServer(options: EngagementServerOptions = {}): Promise<EngagementServer> {
  const packages = new Map<string, EngagementPackage>();
  for (const pkg of options.packages ?? []) packages.set(pkg.clientId, pkg);
  const lifetime = options.tokenLifetimeSeconds ?? 1079;
  const tokens = new Map<string, IssuedToken>();
  // refresh token → its client and when it was first spent (null while unused)
  const refreshTokens = new Map<string, { clientId: string; spentAtMs: number | null }>();
  const requests: EngagementRequestRecord[] = [];
  let clockOffsetMs = 0;
  const now = (): number => Date.now() + clockOffsetMs;
  let fault: { mode: EngagementFaultMode; delayMs: number; status: number; only: EngagementEndpoint | undefined; location: string } = {
    mode: 'none',
    delayMs: 20_000,
    status: 502,
    only: undefined,
    location: '',
  };
  /** The REST instance URL handed out: this server's, or a foreign one under the `foreign-rest` fault. */
  const restInstanceUrl = (): string => (fault.mode === 'foreign-rest' ? fault.location : `${base}rest/`);
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

  function send(res: ServerResponse, record: EngagementRequestRecord, status: number, body: unknown): void {
    record.status = status;
    if (typeof body === 'object' && body !== null && 'error' in body) record.error = String((body as { error: unknown }).error);
    if (typeof body === 'object' && body !== null && 'errorcode' in body)
      record.error = `errorcode ${String((body as { errorcode: unknown }).errorcode)}`;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  /** The issued token behind `Authorization: Bearer …`, or null when it is missing, unknown or expired. */
  function bearer(req: IncomingMessage): IssuedToken | null {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const issued = match === null ? undefined : tokens.get(match[1]!);
    return issued !== undefined && issued.expiresAtMs > now() ? issued : null;
  }

  /** Applies the fault mode; true when it answered (or will never answer) in place of the real endpoint. */
  function misbehave(
    req: IncomingMessage,
    res: ServerResponse,
    record: EngagementRequestRecord,
    answer: () => void,
    body: Record<string, unknown> | null,
  ): boolean {
    if (fault.mode === 'none' || fault.mode === 'foreign-rest' || (fault.only !== undefined && fault.only !== record.endpoint))
      return false;
    const date = new Date(now()).toUTCString();
    switch (fault.mode) {
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) answer();
        }, fault.delayMs);
        timers.add(timer);
        return true;
      }
      case 'server-error':
        record.status = 500;
        sendServerError(res, date);
        return true;
      case 'html':
        record.status = fault.status;
        sendHtmlPage(res, fault.status, date);
        return true;
      case 'reset':
        record.status = 0;
        req.socket.destroy();
        return true;
      case 'endless-body': {
        record.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"access_token":"');
        const chunk = 'x'.repeat(16 * 1024);
        const pump = (): void => {
          if (res.destroyed) return;
          if (res.write(chunk)) setImmediate(pump);
          else res.once('drain', pump);
        };
        pump();
        return true;
      }
      case 'echo-secret': {
        // A careless server quoting what it was sent, secrets included.
        const sent = [body?.client_secret, body?.clientSecret, body?.refreshToken].filter((v) => typeof v === 'string').join(' / ');
        if (record.endpoint === 'refresh') send(res, record, 401, { message: `Unauthorized: ${sent}`, errorcode: 1, documentation: '' });
        else send(res, record, 401, { error: 'invalid_client', error_description: `Bad client secret ${sent}` });
        return true;
      }
      case 'echo-scope': {
        if (record.endpoint !== 'token' || body === null) return false;
        const checked = checkTokenRequest(body, packages);
        if (isRejection(checked)) return false;
        const accessToken = fourSegmentToken(checked.pkg);
        tokens.set(accessToken, { clientId: checked.pkg.clientId, accountId: checked.accountId, expiresAtMs: now() + lifetime * 1000 });
        send(res, record, 200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: lifetime,
          scope: `email_read ${String(body.client_secret)}`,
        });
        return true;
      }
      case 'redirect':
        record.status = 302;
        res.writeHead(302, { Location: fault.location }).end();
        return true;
      default:
        return false;
    }
  }

  function tokenAnswer(res: ServerResponse, record: EngagementRequestRecord, body: Record<string, unknown>): void {
    const checked = DOUBLED_TOKEN_PATH.test(record.path)
      ? { status: 400, error: 'unsupported_grant_type', description: UNSUPPORTED_GRANT_DESCRIPTION }
      : checkTokenRequest(body, packages);
    if (isRejection(checked)) {
      send(res, record, checked.status, {
        error: checked.error,
        error_description: checked.description,
        error_uri: 'https://developer.salesforce.com/docs',
      });
      return;
    }
    const accessToken = fourSegmentToken(checked.pkg);
    tokens.set(accessToken, { clientId: checked.pkg.clientId, accountId: checked.accountId, expiresAtMs: now() + lifetime * 1000 });
    send(res, record, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: checked.scopes.join(' '),
      soap_instance_url: `${base}soap/`,
      rest_instance_url: restInstanceUrl(),
    });
  }

  function refreshAnswer(res: ServerResponse, record: EngagementRequestRecord, body: Record<string, unknown>): void {
    const unauthorized = { message: 'Unauthorized', errorcode: 1, documentation: '' };
    const { clientId, clientSecret, refreshToken, accessType } = body;
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof refreshToken !== 'string') {
      send(res, record, 400, { message: 'clientId, clientSecret and refreshToken are required', errorcode: 10000, documentation: '' });
      return;
    }
    if (accessType !== 'offline') {
      send(res, record, 400, { message: 'accessType must be "offline"', errorcode: 10001, documentation: '' });
      return;
    }
    const pkg = packages.get(clientId);
    const stored = refreshTokens.get(refreshToken);
    if (pkg?.enhanced === true && pkg.clientSecret === clientSecret) {
      // As public trackers quote it (FuelSDK-CSharp#91, FuelSDK-Node#20); the HTTP status is not reported there: 400 here.
      send(res, record, 400, { message: NOT_ELIGIBLE_MESSAGE, errorcode: 10007, documentation: '' });
      return;
    }
    if (pkg === undefined || pkg.clientSecret !== clientSecret || stored === undefined || stored.clientId !== clientId) {
      send(res, record, 401, unauthorized);
      return;
    }
    if (stored.spentAtMs !== null && now() - stored.spentAtMs > REFRESH_GRACE_MS) {
      send(res, record, 401, unauthorized);
      return;
    }
    stored.spentAtMs ??= now();
    const accessToken = randomText(24);
    tokens.set(accessToken, { clientId, accountId: pkg.accounts[0] ?? '0', expiresAtMs: now() + REFRESH_EXPIRES_IN * 1000 });
    const next = randomText(18);
    refreshTokens.set(next, { clientId, spentAtMs: null });
    send(res, record, 200, { accessToken, expiresIn: REFRESH_EXPIRES_IN, refreshToken: next });
  }

  function userinfoAnswer(res: ServerResponse, record: EngagementRequestRecord, issued: IssuedToken): void {
    const pkg = packages.get(issued.clientId);
    const enterpriseId = pkg?.enterpriseId ?? 514000001;
    send(res, record, 200, {
      exp: Math.floor(issued.expiresAtMs / 1000),
      iss: 'https://mc.exacttarget.com',
      user: {
        sub: '700123456',
        name: 'Test User',
        preferred_username: 'test.user',
        email: 'test.user@example.com',
        locale: 'en-US',
        zoneinfo: 'America/Chicago',
      },
      organization: {
        member_id: Number(issued.accountId),
        enterprise_id: enterpriseId,
        enterprise_name: pkg?.enterpriseName ?? 'Test Enterprise',
        account_type: 'enterprise',
        stack_key: 'S7',
        region: 'NA1',
      },
      rest: { rest_instance_url: restInstanceUrl(), soap_instance_url: `${base}soap/` },
      application: {
        id: 'test-app',
        name: pkg?.application?.name ?? 'Test App',
        redirectUrl: pkg?.application && 'redirectUrl' in pkg.application ? pkg.application.redirectUrl : [],
        appScopes: pkg?.application && 'appScopes' in pkg.application ? pkg.application.appScopes : [...(pkg?.scopes ?? [])],
      },
      permissions: [],
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const contentType = req.headers['content-type'] ?? null;
    const record: EngagementRequestRecord = { method, path, endpoint: endpointOf(method, path), contentType, bodyNames: [], status: null };
    requests.push(record);
    const text = method === 'POST' ? await readBody(req) : '';
    const body = text === null ? null : jsonObject(text);
    if (body !== null) record.bodyNames = Object.keys(body);
    const answer = (): void => {
      const endpoint = record.endpoint;
      if (endpoint === null) return send(res, record, 404, { message: 'Not Found', errorcode: 404 });
      if (endpoint === 'userinfo' || endpoint === 'endpoints') {
        const issued = bearer(req);
        if (issued === null) return send(res, record, 401, { message: 'Not Authorized', errorcode: 0, documentation: '' });
        if (endpoint === 'userinfo') return userinfoAnswer(res, record, issued);
        return send(res, record, 200, { url: `${base}soap/` });
      }
      const json = /^application\/json(;|$)/i.test(contentType ?? '');
      if (!json || body === null) {
        const description = text === null ? 'The body is too large.' : 'The body must be a JSON object sent as application/json.';
        if (endpoint === 'refresh') return send(res, record, 400, { message: description, errorcode: 10000, documentation: '' });
        return send(res, record, 400, { error: 'invalid_request', error_description: description });
      }
      if (endpoint === 'token') return tokenAnswer(res, record, body);
      return refreshAnswer(res, record, body);
    };
    if (!misbehave(req, res, record, answer, body)) answer();
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
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    authBaseUrl: base,
    restBaseUrl: `${base}rest/`,
    soapBaseUrl: `${base}soap/`,
    refreshUrl: `${base}v1/requestToken`,
    addPackage: (pkg) => void packages.set(pkg.clientId, pkg),
    issueRefreshToken(clientId: string): string {
      const token = randomText(18);
      refreshTokens.set(token, { clientId, spentAtMs: null });
      return token;
    },
    setFault(mode, settings = {}) {
      fault = {
        mode,
        delayMs: settings.delayMs ?? 20_000,
        status: settings.status ?? 502,
        only: settings.only,
        location: settings.location ?? '',
      };
    },
    advanceClock: (ms) => void (clockOffsetMs += ms),
    hasIssued: (accessToken) => tokens.has(accessToken),
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
