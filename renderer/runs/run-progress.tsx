// What every run shows the same way while it goes and when it ends: the status line (what failed, or a calm cancel), the
// steps, the warnings, and an error no step carries; and its Cancel button. The Intelligence run, the Engagement run and
// the legacy refresh each put their own result after it.
import type { RefObject } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowStep, FlowWarning } from '../../shared/exchange/flow-types';
import type { BridgeRunState } from '../bridge/use-bridge-run';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { FlowWarningsList } from './flow-warnings-list';
import { runFailure, runStatus } from './run-status';
import { StepView } from './step-view';

/** A run's report as this view reads it: its outcome, and warnings where the run has them. */
interface ShownReport {
  outcome: { ok: true } | { ok: false; error: ErrorPayload };
  warnings?: FlowWarning[];
}

/** Props of {@link RunProgress}. */
export interface RunProgressProps<S extends FlowStep<string>, R extends ShownReport> {
  state: BridgeRunState<S, R>;
  /** The status line before the first run and after a success. */
  texts: { idle: string; ok: string };
  /** The status line, which takes the focus when the run starts and ends (useRunInView). */
  statusRef: RefObject<HTMLParagraphElement | null>;
  /** What a step does, shown under its title. */
  describe: (step: S) => string;
  /** The deadline of each request in ms, shown against a running step's time. */
  limitMs?: number;
  /** The title of an error that no step carries, e.g. "No token". */
  failureTitle: string;
}

/** The status line, the steps, the warnings and an error outside the steps, in that order. */
export function RunProgress<S extends FlowStep<string>, R extends ShownReport>({
  state,
  texts,
  statusRef,
  describe,
  limitMs,
  failureTitle,
}: RunProgressProps<S, R>) {
  const status = runStatus(state, texts);
  const failure = runFailure(state);
  const warnings = state.phase === 'done' ? state.report?.warnings : undefined;
  return (
    <>
      <p className={`token-run__status token-run__status--${status.tone}`} role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {state.phase === 'running' && <Spinner />}
        {status.text}
      </p>
      <ol className="steps">
        {state.steps.map((step, index) => (
          <StepView key={step.id} step={step} index={index + 1} description={describe(step)} limitMs={limitMs} />
        ))}
      </ol>
      {warnings !== undefined && <FlowWarningsList warnings={warnings} />}
      {failure !== null && !state.steps.some((step) => step.error !== undefined) && (
        <ErrorMessage error={failure} title={failureTitle} tone={failure.code === 'ERR_CANCELLED' ? 'neutral' : 'danger'} />
      )}
    </>
  );
}

/** Cancel for a running run (Escape does the same, through useRunInView). */
export function CancelRunButton({ onCancel, cancelling }: { onCancel: () => void; cancelling: boolean }) {
  return (
    <button type="button" className="button button--danger" onClick={onCancel} disabled={cancelling} aria-keyshortcuts="Escape">
      {cancelling ? 'Cancelling…' : 'Cancel'}
    </button>
  );
}
