// A local Intelligence identity provider on 127.0.0.1: discovery and a strict token endpoint, with fault modes.
import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRegion, type Region } from '../../../shared/intelligence/regions';
import { discoveryDocument } from './discovery-document';
import { sendHtmlPage, sendServerError } from './fault-responses';
import type { IdpFaultMode, IdpFaultOptions, IdpRequestRecord, IdpServer, IdpServerOptions } from './idp-types';
import type { OAuthFailure } from './oauth-failure';
import { checkTokenRequest } from './token-request-check';
import { readTokenRequestParams } from './token-request-params';

const ROUTE = /^\/([^/]+)\/(\.well-known\/openid-configuration|token)$/;
const MAX_BODY = 256 * 1024;
const DEFAULT_DELAY_MS = 20_000;
const DEFAULT_SKEW_SECONDS = 600;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function publicKeyOf(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new TypeError('the idp server accepts RSA public keys only');
  return key;
}

/** Starts the local identity provider on 127.0.0.1 (a random port unless one is given). */
export async function startIdpServer(options: IdpServerOptions = {}): Promise<IdpServer> {
  const clients = new Map<string, KeyObject>();
  for (const [clientId, pem] of Object.entries(options.clients ?? {})) clients.set(clientId, publicKeyOf(pem));
  const usedJti = new Set<string>();
  const issued = new Set<string>();
  const requests: IdpRequestRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fault: { mode: IdpFaultMode; options: IdpFaultOptions } = { mode: 'none', options: {} };
  let discoveryOverride: ((document: Record<string, unknown>) => unknown) | null = null;
  let baseUrl = '';

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function sendJson(res: ServerResponse, record: IdpRequestRecord, status: number, body: unknown, date: string): void {
    record.status = status;
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      Date: date,
    });
    res.end(JSON.stringify(body));
  }

  function sendOAuthFailure(res: ServerResponse, record: IdpRequestRecord, failure: OAuthFailure, date: string): void {
    record.error = failure.error;
    record.errorDescription = failure.description;
    sendJson(res, record, failure.status, { error: failure.error, error_description: failure.description }, date);
  }

  async function handleToken(
    req: IncomingMessage,
    res: ServerResponse,
    record: IdpRequestRecord,
    url: URL,
    body: string,
    nowMs: number,
  ): Promise<void> {
    const date = new Date(nowMs).toUTCString();
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendOAuthFailure(
        res,
        record,
        { ok: false, status: 400, error: 'invalid_request', description: 'the token endpoint accepts POST only' },
        date,
      );
      return;
    }
    const read = readTokenRequestParams(record.contentType, body, url.searchParams);
    if (!read.ok) return sendOAuthFailure(res, record, read, date);
    record.style = read.style;
    const checked = await checkTokenRequest(read.params, { clients, serverNowSeconds: Math.floor(nowMs / 1000), usedJti });
    if (!checked.ok) return sendOAuthFailure(res, record, checked, date);
    usedJti.add(checked.jti);
    const accessToken = randomBytes(32).toString('base64url');
    issued.add(accessToken);
    sendJson(res, record, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300 }, date);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const match = ROUTE.exec(url.pathname);
    const region: Region | null = match !== null && isRegion(match[1]) ? match[1] : null;
    const endpoint = region === null ? null : match?.[2] === 'token' ? 'token' : 'discovery';
    const record: IdpRequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      endpoint,
      region,
      queryNames: [...url.searchParams.keys()],
      bodyNames: [],
      contentType: req.headers['content-type'] ?? null,
      style: null,
      status: null,
    };
    requests.push(record);
    const body = await readBody(req);
    if (body === null) {
      record.status = 413;
      res.writeHead(413, { 'Content-Type': 'text/plain' }).end('Payload Too Large');
      return;
    }
    if (record.contentType?.includes('application/x-www-form-urlencoded')) record.bodyNames = [...new URLSearchParams(body).keys()];
    if (region === null || endpoint === null) {
      record.status = 404;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }

    const active = fault.mode !== 'none' && (fault.options.only === undefined || fault.options.only === endpoint) ? fault : null;
    if (active !== null) record.fault = active.mode;
    const skewMs = active?.mode === 'clock-skew' ? (active.options.skewSeconds ?? DEFAULT_SKEW_SECONDS) * 1000 : 0;
    if (active?.mode === 'slow') {
      await delay(active.options.delayMs ?? DEFAULT_DELAY_MS);
      if (req.socket.destroyed || res.writableEnded) return;
    }
    const nowMs = Date.now() + skewMs;
    const date = new Date(nowMs).toUTCString();
    if (active?.mode === 'reset') {
      record.status = 0;
      req.socket.destroy();
      return;
    }
    if (active?.mode === 'server-error') {
      record.status = 500;
      sendServerError(res, date);
      return;
    }
    if (active?.mode === 'html') {
      record.status = active.options.status ?? 502;
      sendHtmlPage(res, record.status, date);
      return;
    }
    if (endpoint === 'token') return handleToken(req, res, record, url, body, nowMs);
    if (req.method !== 'GET') {
      record.status = 405;
      res.writeHead(405, { Allow: 'GET', 'Content-Type': 'text/plain' }).end('Method Not Allowed');
      return;
    }
    const document = discoveryDocument(baseUrl, region);
    sendJson(res, record, 200, discoveryOverride === null ? document : discoveryOverride(document), date);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    discoveryUrl: (region) => `${baseUrl}/${region}/.well-known/openid-configuration`,
    tokenUrl: (region) => `${baseUrl}/${region}/token`,
    registerClient: (clientId, publicKeyPem) => void clients.set(clientId, publicKeyOf(publicKeyPem)),
    setFault: (mode, faultOptions = {}) => {
      fault = { mode, options: { ...faultOptions } };
    },
    setDiscoveryOverride: (override) => {
      discoveryOverride = override;
    },
    hasIssued: (accessToken) => issued.has(accessToken),
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
