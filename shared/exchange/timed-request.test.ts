import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { closedPortUrl, startScriptedHttpServer, type ScriptedHttpServer } from '../../test/support/idp-server';
import { DEFAULT_TIMEOUT_MS, headerValue, parseHttpDate, timedRequest } from './timed-request';

let server: ScriptedHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = { method: 'GET', headers: { Accept: 'application/json' } } as const;

describe('timedRequest', () => {
  it('reads status, lowercase headers, the whole body and the Date header', async () => {
    server = await startScriptedHttpServer((req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', Date: 'Tue, 14 Nov 2023 22:13:20 GMT', 'X-Method': req.method ?? '' });
      res.end('{"a":1}');
    });
    const response = await timedRequest(new URL(`${server.url}/x`), { method: 'POST', headers: {}, body: 'b=1' }, 'test endpoint', {
      fetch,
    });
    expect(response.status).toBe(201);
    expect(response.body).toBe('{"a":1}');
    expect(response.url).toBe(`${server.url}/x`);
    expect(headerValue(response, 'X-METHOD')).toBe('POST');
    expect(response.headers.every(([name]) => name === name.toLowerCase())).toBe(true);
    expect(response.serverDateMs).toBe(1_700_000_000_000);
  });

  it('parses HTTP dates and gives null for none or nonsense', () => {
    expect(parseHttpDate('Tue, 14 Nov 2023 22:13:20 GMT')).toBe(1_700_000_000_000);
    expect(parseHttpDate(null)).toBeNull();
    expect(parseHttpDate('yesterday')).toBeNull();
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
  });

  it('gives up with ERR_TIMEOUT when no answer comes in time', async () => {
    server = await startScriptedHttpServer(() => undefined);
    const url = new URL(`${server.url}/slow`);
    await expect(timedRequest(url, get, 'discovery endpoint', { fetch, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'ERR_TIMEOUT',
      message: `The discovery endpoint (${url.host}) did not answer within 0.2 s: check the network/VPN or try again.`,
    });
  });

  it('counts reading the body against the timeout (headers sent, body stalls)', async () => {
    server = await startScriptedHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"token_endpoint":');
    });
    await expect(timedRequest(new URL(server.url), get, 'discovery endpoint', { fetch, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'ERR_TIMEOUT',
    });
  });

  it('reports ERR_CANCELLED when the caller aborts mid-request', async () => {
    const controller = new AbortController();
    server = await startScriptedHttpServer(() => controller.abort());
    await expect(timedRequest(new URL(server.url), get, 'token endpoint', { fetch, signal: controller.signal })).rejects.toMatchObject({
      code: 'ERR_CANCELLED',
      message: 'Cancelled: the request to the token endpoint was stopped before it finished.',
    });
  });

  it('reports ERR_CANCELLED, not a timeout, when the signal was already aborted', async () => {
    server = await startScriptedHttpServer((_req, res) => res.end('{}'));
    await expect(
      timedRequest(new URL(server.url), get, 'token endpoint', { fetch, signal: AbortSignal.abort(), timeoutMs: 1 }),
    ).rejects.toMatchObject({
      code: 'ERR_CANCELLED',
    });
  });

  it('reports a refused connection as ERR_NETWORK naming the host', async () => {
    const url = new URL(await closedPortUrl());
    await expect(timedRequest(url, get, 'discovery endpoint', { fetch })).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      message: `Could not reach ${url.host}: the connection was refused (nothing is listening there). Check the URL, the network or VPN, then try again.`,
    });
  });

  it('reports a reset connection as ERR_NETWORK', async () => {
    server = await startScriptedHttpServer((req) => req.socket.destroy());
    const url = new URL(server.url);
    await expect(timedRequest(url, get, 'discovery endpoint', { fetch })).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      message: `Could not reach ${url.host}: the connection was reset before an answer came. Check the URL, the network or VPN, then try again.`,
    });
  });

  it('passes through a WorkbenchError the injected fetch throws (e.g. a refused redirect)', async () => {
    const refusing: typeof fetch = () => Promise.reject(new WorkbenchError('ERR_URL_INSECURE', 'redirect to http refused'));
    await expect(timedRequest(new URL('https://idp.example.com/x'), get, 'discovery endpoint', { fetch: refusing })).rejects.toMatchObject({
      code: 'ERR_URL_INSECURE',
      message: 'redirect to http refused',
    });
  });
});
