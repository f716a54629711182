import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeEngagementSsoJwt } from '../test-support/sample-tokens';
import { decodeTimed } from './decode-input';
import { createDecodeRunner, type DecodeRequest } from './decode-worker-client';
import { replyParts } from './decode-wire';
import { loadDecodeCore, useDecodedInput, WORKER_FROM_CHARS } from './use-decoded-input';

const PASTED = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A Worker double that answers only when told, records what it was sent, and whether it was terminated. */
class FakeWorker extends EventTarget {
  sent: DecodeRequest[] = [];
  terminated = false;
  postMessage(request: DecodeRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(index = this.sent.length - 1) {
    const request = this.sent[index]!;
    // Each part as the page would read it from a real Worker: a structured clone.
    for (const part of replyParts(request.id, decodeTimed(request.input, request.decodedAt)))
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone(part) }));
  }
}

function fakeRunner() {
  const workers: FakeWorker[] = [];
  const runner = createDecodeRunner(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { runner, workers };
}

/** A JWT over the Worker threshold: an SSO JWT with a long extra claim. */
async function largeToken(tag: string): Promise<string> {
  return makeEngagementSsoJwt({ version: 2, extraClaims: { exp: PASTED / 1000 + 240, [tag]: 'x'.repeat(WORKER_FROM_CHARS) } });
}

describe('createDecodeRunner', () => {
  it('decodes in one Worker; cancelling a decode under way terminates it, and the next decode makes a new one', async () => {
    const { runner, workers } = fakeRunner();
    const token = await makeEngagementSsoJwt({ version: 2 });
    const first = runner.decode(token, PASTED);
    workers[0]!.answer();
    expect((await first.result).status).toBe('ok');
    const second = runner.decode(token, PASTED);
    expect(workers).toHaveLength(1);
    second.cancel();
    expect(workers[0]!.terminated).toBe(true);
    const third = runner.decode('not a token', PASTED);
    expect(workers).toHaveLength(2);
    workers[1]!.answer();
    expect((await third.result).status).toBe('error');
  });

  it('decodes on the main thread when the Worker fails to start (a policy refusing it) or there is none', async () => {
    const { runner, workers } = fakeRunner();
    const token = await makeEngagementSsoJwt({ version: 2 });
    const job = runner.decode(token, PASTED);
    workers[0]!.dispatchEvent(new Event('error', { cancelable: true }));
    expect((await job.result).status).toBe('ok');
    expect(workers[0]!.terminated).toBe(true);
    expect((await runner.decode(token, PASTED).result).status).toBe('ok');
    expect(workers).toHaveLength(1);
    expect((await createDecodeRunner(() => null).decode(token, PASTED).result).status).toBe('ok');
  });
});

describe('useDecodedInput', () => {
  it('before the decode code has loaded: blank input is empty at once, a token is decoding, then decoded when it arrives', async () => {
    // A fresh copy of the hook's module: its decode code (a chunk of its own in the app) is not loaded yet.
    vi.resetModules();
    const fresh = await import('./use-decoded-input');
    const token = await makeEngagementSsoJwt({ version: 2 });
    const { result, rerender } = renderHook(({ input }) => fresh.useDecodedInput(input, PASTED, PASTED), {
      initialProps: { input: '  ' },
    });
    expect(result.current).toEqual({ status: 'empty' });
    rerender({ input: token });
    expect(result.current).toEqual({ status: 'decoding', chars: token.length });
    await waitFor(() => expect(result.current.status).toBe('ok'));
    // Loaded once for the page: the next decoder decodes in its first render.
    const again = renderHook(() => fresh.useDecodedInput(token, PASTED, PASTED));
    expect(again.result.current.status).toBe('ok');
  });

  it('says so when the decode code cannot load, and loads it again for the next decoder', async () => {
    vi.resetModules();
    vi.doMock('./decode-input', () => {
      throw new Error('chunk missing');
    });
    const fresh = await import('./use-decoded-input');
    const token = await makeEngagementSsoJwt({ version: 2 });
    const { result } = renderHook(() => fresh.useDecodedInput(token, PASTED, PASTED));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'error', error: { code: 'ERR_INTERNAL' } }));
    if (result.current.status === 'error') expect(result.current.error.message).toMatch(/reload the window/);
    vi.doUnmock('./decode-input');
    const again = renderHook(() => fresh.useDecodedInput(token, PASTED, PASTED));
    await waitFor(() => expect(again.result.current.status).toBe('ok'));
  });

  it('decodes a small input at once, and on a clock tick reads again only the clocked claims (the token is not decoded again)', async () => {
    const token = await makeEngagementSsoJwt({ version: 2, extraClaims: { exp: PASTED / 1000 + 240 } });
    await loadDecodeCore();
    const { runner, workers } = fakeRunner();
    const { result, rerender } = renderHook(({ now }) => useDecodedInput(token, PASTED, now, runner), {
      initialProps: { now: PASTED },
    });
    const before = result.current;
    if (before.status !== 'ok') throw new Error(`not decoded: ${before.status}`);
    expect(workers).toHaveLength(0);
    rerender({ now: PASTED + 5 * 60_000 });
    const after = result.current;
    if (after.status !== 'ok') throw new Error(`not decoded: ${after.status}`);
    expect(after.token).toBe(before.token);
    expect(after.explanation.claims.find((c) => c.path === 'exp')?.interpretation).toMatch(/expired/);
    expect(after.explanation.claims.find((c) => c.path === 'request.user.email')).toBe(
      before.explanation.claims.find((c) => c.path === 'request.user.email'),
    );
  });

  it('sends a large input to the Worker; a new paste cancels it, and only the newest answer is shown', async () => {
    const [first, second] = [await largeToken('first'), await largeToken('second')];
    const { runner, workers } = fakeRunner();
    const { result, rerender } = renderHook(({ input }) => useDecodedInput(input, PASTED, PASTED, runner), {
      initialProps: { input: first },
    });
    expect(result.current).toEqual({ status: 'decoding', chars: first.length });
    await waitFor(() => expect(workers[0]?.sent).toHaveLength(1));
    rerender({ input: second });
    expect(workers[0]!.terminated).toBe(true);
    await waitFor(() => expect(workers[1]?.sent).toHaveLength(1));
    act(() => workers[1]!.answer());
    await waitFor(() => expect(result.current.status).toBe('ok'));
    const shown = result.current;
    if (shown.status !== 'ok') throw new Error(`not decoded: ${shown.status}`);
    expect(shown.explanation.claims.map((c) => c.path)).toContain('second');
    expect(shown.explanation.claims.map((c) => c.path)).not.toContain('first');
  });
});
