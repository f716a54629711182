import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { STEP_DESCRIPTIONS } from './flow-steps';
import { FlowWarningsList } from './flow-warnings-list';
import { IssuedTokenView } from './issued-token-view';
import { StepView } from './step-view';
import type { TokenRunState } from './use-token-run';

/** Props of {@link TokenRunPanel}. */
export interface TokenRunPanelProps {
  state: TokenRunState;
  onCancel: () => void;
  /** What the run uses, e.g. "the saved profile “Production”" or "the form as it stands (not saved)". */
  subject: string | null;
}

/** The one-line live status, announced politely: which step is running, then the outcome. */
function statusLine(state: TokenRunState): string {
  if (state.phase === 'idle') return 'Not run yet: fill in the form and press Get token.';
  if (state.phase === 'running') {
    if (state.cancelling) return 'Cancelling…';
    const index = state.steps.findIndex((s) => s.status === 'running');
    const step = state.steps[index];
    return step === undefined ? 'Starting…' : `Step ${index + 1} of ${state.steps.length}: ${step.title}…`;
  }
  if (state.error !== null) return `Failed: ${state.error.message}`;
  const outcome = state.report?.outcome;
  return outcome?.ok === true ? 'Access token issued.' : `Failed: ${outcome?.error.message ?? ''}`;
}

/** The run of "Get token": the three steps live as they run, Cancel while running, then the token or the error. Brought into view and focused when a run starts. */
export function TokenRunPanel({ state, onCancel, subject }: TokenRunPanelProps) {
  const panelRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const runId = state.phase === 'running' ? state.runId : null;
  const running = state.phase === 'running';
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const failure = state.phase === 'done' ? (state.error ?? (outcome?.ok === false ? outcome.error : null)) : null;
  const failedStep = state.steps.some((step) => step.error !== undefined);

  // A new run: show the panel from its top and put the focus on its live status, so keyboard and screen-reader users follow it.
  useEffect(() => {
    if (runId === null) return;
    panelRef.current?.scrollIntoView?.({ block: 'start' });
    statusRef.current?.focus({ preventScroll: true });
  }, [runId]);
  // The outcome may end below the fold (at 800×600): bring it into view too.
  const done = state.phase === 'done';
  useEffect(() => {
    if (done)
      panelRef.current
        ?.querySelector('.issued-token, .panel__body > [role="alert"], .step--failed, .step--cancelled')
        ?.scrollIntoView?.({ block: 'nearest' });
  }, [done]);

  return (
    <section className="panel token-run" aria-label="Get an access token" ref={panelRef}>
      <header className="panel__header">
        <h2 className="panel__title">Get an access token</h2>
        {subject !== null && <span className="panel__note">with {subject}</span>}
        {running && (
          <div className="panel__actions">
            <button type="button" className="button button--danger" onClick={onCancel} disabled={state.cancelling}>
              {state.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        )}
      </header>
      <div className="panel__body">
        <p className="token-run__status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
          {running && <Spinner />} {statusLine(state)}
        </p>
        <ol className="steps">
          {state.steps.map((step, index) => (
            <StepView key={step.id} step={step} index={index + 1} description={STEP_DESCRIPTIONS[step.id]} />
          ))}
        </ol>
        {state.phase === 'done' && state.report !== null && <FlowWarningsList warnings={state.report.warnings} />}
        {failure !== null && failure !== undefined && !failedStep && <ErrorMessage error={failure} title="No token" />}
        {outcome?.ok === true && <IssuedTokenView token={outcome.token} />}
      </div>
    </section>
  );
}
