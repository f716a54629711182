import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import type { FlowStep } from './flow-types';
import { StepTracker } from './flow-steps';

type StepId = 'discovery' | 'assertion' | 'token';

function pending(): FlowStep<StepId>[] {
  return (['discovery', 'assertion', 'token'] as const).map((id) => ({ id, title: id, status: 'pending' }));
}

function clock(...times: number[]): () => number {
  return () => times.shift() ?? Number.NaN;
}

describe('StepTracker', () => {
  it('reports snapshots when a step starts and ends, with its duration', () => {
    const seen: FlowStep<StepId>[] = [];
    const tracker = new StepTracker(clock(1000, 1250), (step) => seen.push(step), pending());
    tracker.start('discovery', { request: { method: 'GET', url: 'https://x', headers: [], params: [] } });
    tracker.note('discovery', { response: { status: 200, headers: [], body: '{}' } });
    tracker.succeed('discovery');
    expect(seen.map((s) => [s.id, s.status, s.startedAt, s.durationMs])).toEqual([
      ['discovery', 'running', 1000, undefined],
      ['discovery', 'ok', 1000, 250],
    ]);
    expect(seen[0]?.response).toBeUndefined();
    expect(seen[1]?.response?.status).toBe(200);
    expect(tracker.steps.map((s) => s.status)).toEqual(['ok', 'pending', 'pending']);
  });

  it('marks a failure failed, and a cancellation cancelled, with the error payload', () => {
    const tracker = new StepTracker(clock(0, 5, 10, 30), undefined, pending());
    tracker.start('discovery');
    tracker.fail('discovery', new WorkbenchError('ERR_TIMEOUT', 'too slow'));
    tracker.start('token');
    tracker.fail('token', new WorkbenchError('ERR_CANCELLED', 'stopped'));
    expect(tracker.steps).toMatchObject([
      { status: 'failed', error: { code: 'ERR_TIMEOUT', message: 'too slow' }, durationMs: 5 },
      { status: 'pending' },
      { status: 'cancelled', error: { code: 'ERR_CANCELLED', message: 'stopped' }, durationMs: 20 },
    ]);
  });

  it('hides the text of unexpected errors behind ERR_INTERNAL', () => {
    const tracker = new StepTracker(clock(0, 1), undefined, pending());
    tracker.start('assertion');
    tracker.fail('assertion', new Error('secret internals'));
    expect(tracker.steps[1]?.error?.code).toBe('ERR_INTERNAL');
    expect(tracker.steps[1]?.error?.message).not.toContain('secret internals');
  });
});
