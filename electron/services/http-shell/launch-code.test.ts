import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_PROTOCOL } from '../../../shared/ipc/http-protocol';
import { apiHeaders, rawRequest, startHarness, type Harness } from './test-support/http-shell-harness';

// The address `mctoken ui` prints carries a one-time launch code, not the session token: the page trades it once, within
// 60 s, so a code read later from the opener's command line or the browser's session files opens nothing.

const ADDRESS = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/;
const SPENT = {
  ok: false,
  error: {
    code: 'ERR_IPC_FORBIDDEN_SENDER',
    message:
      'This address was already used or is older than 60 s, so it opens nothing. Press Enter in the terminal where mctoken ui runs for a new address, or run mctoken ui again.',
  },
};
let harness: Harness;
afterEach(async () => harness?.close());

/** The launch code of an address. */
const codeOf = (address: string): string => ADDRESS.exec(address)?.[2] ?? '';

/** Trades a code at the session endpoint, as the page does. */
async function trade(code: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const reply = await rawRequest(harness.shell.port, {
    method: 'POST',
    path: HTTP_PROTOCOL.sessionPath,
    headers: { authorization: `Bearer ${code}`, 'content-type': 'application/json', ...headers },
    body: 'null',
  });
  return { status: reply.status, body: JSON.parse(reply.body) as unknown };
}

/** A clock the test moves. */
function testClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('mctoken ui: the launch code', () => {
  it('is in the address instead of the session token, and is new in every address', async () => {
    harness = await startHarness();
    const { shell } = harness;
    const addresses = [shell.address, shell.newAddress(), shell.newAddress()];
    for (const address of addresses) {
      expect(ADDRESS.exec(address)?.[1]).toBe(String(shell.port));
      expect(address).not.toContain(shell.sessionToken);
    }
    expect(new Set(addresses.map(codeOf)).size).toBe(3);
  });

  it('is traded once for the session token; used twice, it opens nothing', async () => {
    harness = await startHarness();
    const code = codeOf(harness.shell.address);
    expect(await trade(code, { origin: harness.shell.origin })).toEqual({
      status: 200,
      body: { ok: true, value: { sessionToken: harness.shell.sessionToken } },
    });
    expect(await trade(code, { origin: harness.shell.origin })).toEqual({ status: 401, body: SPENT });
  });

  it('is dead after its 60 s, used or not, and a new address works meanwhile', async () => {
    const clock = testClock();
    harness = await startHarness(undefined, 0, { now: clock.now });
    const first = codeOf(harness.shell.address);
    const second = codeOf(harness.shell.newAddress());
    clock.advance(60_000);
    expect((await trade(second)).status).toBe(200);
    clock.advance(1);
    expect(await trade(first)).toEqual({ status: 401, body: SPENT });
    const fresh = codeOf(harness.shell.newAddress());
    expect((await trade(fresh)).status).toBe(200);
  });

  it('opens nothing but the trade: a code is not a session token, and the session token is not a code', async () => {
    harness = await startHarness();
    const { shell } = harness;
    const code = codeOf(shell.address);
    const call = await rawRequest(shell.port, {
      method: 'POST',
      path: `${HTTP_PROTOCOL.invokePath}app%3Ainfo`,
      headers: apiHeaders(shell, { authorization: `Bearer ${code}` }),
      body: 'null',
    });
    expect(call.status).toBe(401);
    expect(await trade(shell.sessionToken)).toEqual({ status: 401, body: SPENT });
    expect(harness.router.calls).toEqual([]);
    expect((await trade(code)).status).toBe(200);
  });

  it('is traded only with the exact Host and no foreign Origin, and a refused trade spends nothing', async () => {
    harness = await startHarness();
    const { shell } = harness;
    const code = codeOf(shell.address);
    expect((await trade(code, { host: `localhost:${shell.port}` })).status).toBe(403);
    expect((await trade(code, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await trade(code)).status).toBe(200);
  });

  it('never puts the session token in an address: it is only in the body of the trade', async () => {
    harness = await startHarness();
    const { shell } = harness;
    await trade(codeOf(shell.address));
    const carrying = harness.sent.filter((sent) => sent.body.includes(shell.sessionToken));
    expect(carrying.map((sent) => `${sent.kind} ${sent.label}`)).toEqual([`reply ${HTTP_PROTOCOL.sessionPath}`]);
    for (const address of [shell.address, shell.newAddress()]) expect(address).not.toContain(shell.sessionToken);
  });
});
