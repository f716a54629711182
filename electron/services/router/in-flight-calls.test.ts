// The calls in flight, keyed by caller and invocation id: an abort reaches exactly the call it names, of its own caller.
import { describe, expect, it } from 'vitest';
import { createInFlightCalls } from './in-flight-calls';

const ID = '0b5f3c1e-8d6a-4c1b-9e7f-2a4d6c8e0f11';
const OTHER_ID = '7c9e1a3b-5d7f-4b2a-8c6e-0f1a3b5c7d9e';

describe('in-flight calls', () => {
  it('an abort names caller and id: another caller’s abort of the same id, or another id, does nothing', () => {
    const calls = createInFlightCalls();
    const mine = calls.begin('window-1', ID);
    const theirs = calls.begin('window-2', ID);
    expect(calls.abort('window-2', OTHER_ID)).toBe(false);
    expect(calls.abort('window-2', ID)).toBe(true);
    expect([mine.signal.aborted, theirs.signal.aborted]).toEqual([false, true]);
    expect(calls.abort('window-2', ID)).toBe(false);
    mine.end();
    theirs.end();
    expect(calls.size()).toBe(0);
  });

  it('refuses a malformed id or one already in flight for that caller; an abort with a malformed id is ignored', () => {
    const calls = createInFlightCalls();
    for (const bad of ['short', 42, { id: ID }, 'x'.repeat(65), 'has space in it, sixteen+'])
      expect(() => calls.begin('w', bad)).toThrow(expect.objectContaining({ code: 'ERR_IPC_INVALID_REQUEST' }));
    const first = calls.begin('w', ID);
    expect(() => calls.begin('w', ID)).toThrow('A call with this invocation id is already running: reload the app.');
    expect(calls.abort('w', { id: ID })).toBe(false);
    expect(first.signal.aborted).toBe(false);
  });

  it('keeps an abort that overtook its call (mctoken ui sends it on its own connection), for that caller only', () => {
    const calls = createInFlightCalls();
    expect(calls.abort('tab-1', ID)).toBe(false);
    expect(calls.begin('tab-2', ID).signal.aborted).toBe(false);
    expect(calls.begin('tab-1', ID).signal.aborted).toBe(true);
    expect(calls.begin('tab-1', OTHER_ID).signal.aborted).toBe(false);
  });

  it('abortCaller stops one caller’s calls; abortAll every call, unnamed ones included', () => {
    const calls = createInFlightCalls();
    const a = calls.begin('window-1', ID);
    const b = calls.begin('window-2', ID);
    const unnamed = calls.begin('window-2', undefined);
    expect(calls.abortCaller('window-1')).toBe(1);
    expect([a.signal.aborted, b.signal.aborted, unnamed.signal.aborted]).toEqual([true, false, false]);
    expect(calls.abortAll()).toBe(2);
    expect(unnamed.signal.aborted).toBe(true);
  });
});
