import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { BridgeRunState } from '../bridge/use-bridge-run';

/** What every run's reply ends with: a result, or the error that stopped it. */
interface ReportWithOutcome {
  outcome: { ok: true } | { ok: false; error: ErrorPayload };
}

/** A finished run's error (the reply's, or the outcome's), or null while running, before the first run and on success. */
export function runFailure<S, R extends ReportWithOutcome>(state: BridgeRunState<S, R>): ErrorPayload | null {
  if (state.phase !== 'done') return null;
  if (state.error !== null) return state.error;
  const outcome = state.report?.outcome;
  return outcome !== undefined && !outcome.ok ? outcome.error : null;
}

/** How a run stands, for the status line's look: a cancel is neutral, not a failure. */
export type RunTone = 'idle' | 'running' | 'ok' | 'failed' | 'cancelled';

/** The one-line live status of a run: which step is running, then what came of it, naming what failed ("Failed: invalid_client: …"). */
export function runStatus<S extends { status: string; title: string }, R extends ReportWithOutcome>(
  state: BridgeRunState<S, R>,
  texts: { idle: string; ok: string },
): { text: string; tone: RunTone } {
  if (state.phase === 'idle') return { text: texts.idle, tone: 'idle' };
  if (state.phase === 'running') {
    if (state.cancelling) return { text: 'Cancelling…', tone: 'running' };
    const index = state.steps.findIndex((s) => s.status === 'running');
    const step = state.steps[index];
    return { text: step === undefined ? 'Starting…' : `Step ${index + 1} of ${state.steps.length}: ${step.title}…`, tone: 'running' };
  }
  const failure = runFailure(state);
  if (failure === null) return { text: texts.ok, tone: 'ok' };
  // ERR_CANCELLED's message already says so ("Cancelled: the request to … was stopped before it finished.").
  if (failure.code === 'ERR_CANCELLED') return { text: failure.message, tone: 'cancelled' };
  return { text: `Failed: ${failure.message}`, tone: 'failed' };
}
