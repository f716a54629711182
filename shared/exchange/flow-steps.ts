// The steps of a run as they change: each change is reported to the caller as a snapshot.
import { toErrorPayload, WorkbenchError } from '../errors/workbench-error';
import type { FlowStep } from './flow-types';

/**
 * Tracks the steps of one run, timing them with `now` and reporting every change to `onStep` (whose errors are ignored).
 * Each flow passes its own pending steps.
 */
export class StepTracker<Id extends string> {
  readonly steps: FlowStep<Id>[];

  constructor(
    private readonly now: () => number,
    private readonly onStep: ((step: FlowStep<Id>) => void) | undefined,
    initial: FlowStep<Id>[],
  ) {
    this.steps = initial;
  }

  private step(id: Id): FlowStep<Id> {
    const found = this.steps.find((step) => step.id === id);
    // Only a programming error gets here: every flow passes the ids of its own steps.
    if (found === undefined) throw new WorkbenchError('ERR_INTERNAL', `The flow has no step "${id}".`);
    return found;
  }

  private emit(step: FlowStep<Id>): void {
    try {
      this.onStep?.({ ...step });
    } catch {
      // A failing progress listener must not break the run: the report still carries every step.
    }
  }

  /** Marks a step running (reported) with what is known when it starts, e.g. its request. */
  start(id: Id, details: Partial<FlowStep<Id>> = {}): void {
    const step = this.step(id);
    Object.assign(step, details, { status: 'running', startedAt: this.now() });
    this.emit(step);
  }

  /** Adds details to a step without reporting (they go out with the step's end). */
  note(id: Id, details: Partial<FlowStep<Id>>): void {
    Object.assign(this.step(id), details);
  }

  /** Marks a running step ok (reported) with its duration. */
  succeed(id: Id, details: Partial<FlowStep<Id>> = {}): void {
    this.end(this.step(id), 'ok', details);
  }

  /** Marks a step failed, or cancelled for ERR_CANCELLED (reported), with the error as a payload. */
  fail(id: Id, error: unknown): void {
    const payload = toErrorPayload(error);
    this.end(this.step(id), payload.code === 'ERR_CANCELLED' ? 'cancelled' : 'failed', { error: payload });
  }

  private end(step: FlowStep<Id>, status: 'ok' | 'failed' | 'cancelled', details: Partial<FlowStep<Id>>): void {
    const startedAt = step.startedAt ?? this.now();
    Object.assign(step, details, { status, startedAt, durationMs: Math.max(0, this.now() - startedAt) });
    this.emit(step);
  }
}
