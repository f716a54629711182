import { useRef } from 'react';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { STEP_DESCRIPTIONS } from './flow-steps';
import { FlowWarningsList } from './flow-warnings-list';
import { IssuedTokenView } from './issued-token-view';
import { runFailure, runStatus } from './run-status';
import { StepView } from './step-view';
import { useRunInView } from './use-run-in-view';
import type { TokenRunState } from './use-token-run';

/** Props of {@link TokenRunPanel}. */
export interface TokenRunPanelProps {
  state: TokenRunState;
  onCancel: () => void;
  /** What the run uses, e.g. "the saved profile “Production”" or "the form as it stands (not saved)". */
  subject: string | null;
  /** The deadline of each request in ms: a running step shows its time against it. */
  limitMs?: number;
}

const TEXTS = { idle: 'Not run yet: fill in the form and press Get token.', ok: 'Access token issued.' };

/** The run of "Get token": the three steps live as they run, Cancel (or Escape) while running, then the token or the error, brought into view with the focus on the status. */
export function TokenRunPanel({ state, onCancel, subject, limitMs }: TokenRunPanelProps) {
  const panelRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const running = state.phase === 'running';
  useRunInView({ runId: running ? state.runId : null, done: state.phase === 'done', onCancel }, panelRef, statusRef);
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const failure = runFailure(state);
  const failedStep = state.steps.some((step) => step.error !== undefined);
  const status = runStatus(state, TEXTS);

  return (
    <section className="panel token-run" aria-label="Get an access token" ref={panelRef}>
      <header className="panel__header">
        <h2 className="panel__title">Get an access token</h2>
        {subject !== null && <span className="panel__note">with {subject}</span>}
        {running && (
          <div className="panel__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={onCancel}
              disabled={state.cancelling}
              aria-keyshortcuts="Escape"
            >
              {state.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        )}
      </header>
      <div className="panel__body run-outcome">
        <p className={`token-run__status token-run__status--${status.tone}`} role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
          {running && <Spinner />}
          {status.text}
        </p>
        <ol className="steps">
          {state.steps.map((step, index) => (
            <StepView key={step.id} step={step} index={index + 1} description={STEP_DESCRIPTIONS[step.id]} limitMs={limitMs} />
          ))}
        </ol>
        {state.phase === 'done' && state.report !== null && <FlowWarningsList warnings={state.report.warnings} />}
        {failure !== null && !failedStep && (
          <ErrorMessage error={failure} title="No token" tone={failure.code === 'ERR_CANCELLED' ? 'neutral' : 'danger'} />
        )}
        {outcome?.ok === true && <IssuedTokenView token={outcome.token} />}
      </div>
    </section>
  );
}
