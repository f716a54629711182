import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support/http-shell-harness';

// A slow or idle client cannot hold `mctoken ui`: header, request and keep-alive deadlines and a connection cap. The limits
// are made small here; each test waits for the server to close the connection, never measures how long it took.

let harness: Harness;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  await harness?.close();
});

/** A raw connection to the server, with everything it receives and a promise that settles when the server closes it. */
async function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed };
}

const SMALL = { headersMs: 100, requestMs: 200, keepAliveMs: 100, idleMs: 5000, maxConnections: 3 };

describe('mctoken ui server: connection limits', () => {
  it('closes a connection whose headers never end', async () => {
    harness = await startHarness(undefined, 0, { limits: SMALL });
    const client = await open(harness.shell.port);
    client.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${harness.shell.port}\r\nX-Slow: `);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose body never ends', async () => {
    harness = await startHarness(undefined, 0, { limits: SMALL });
    const client = await open(harness.shell.port);
    client.socket.write(
      `POST /api/invoke/app%3Ainfo HTTP/1.1\r\nHost: 127.0.0.1:${harness.shell.port}\r\nAuthorization: Bearer ${harness.shell.sessionToken}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await client.closed;
    expect(harness.router.calls).toEqual([]);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    harness = await startHarness(undefined, 0, { limits: SMALL });
    const client = await open(harness.shell.port);
    client.socket.write(`GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:${harness.shell.port}\r\nConnection: keep-alive\r\n\r\n`);
    await client.closed;
    // The answer names the injected deadline (whole seconds, so 0 here; Node's own default would say 5).
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\nKeep-Alive: timeout=0\r\n/);
    expect(client.received()).toContain('console.log("app");');
  });

  it('accepts no more connections than its cap, and new ones once others closed', async () => {
    harness = await startHarness(undefined, 0, { limits: { ...SMALL, headersMs: 5000, requestMs: 5000 } });
    const { port } = harness.shell;
    const held = await Promise.all([open(port), open(port), open(port)]);
    const refused = await open(port);
    await refused.closed;
    expect(refused.received()).toBe('');
    held.forEach((client) => client.socket.destroy());
    await Promise.all(held.map((client) => client.closed));
    const later = await open(port);
    later.socket.write(`GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    await later.closed;
    expect(later.received()).toMatch(/^HTTP\/1\.1 200 OK/);
  });
});
