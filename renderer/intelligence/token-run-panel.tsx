import { useRef } from 'react';
import { STEP_DESCRIPTIONS } from './flow-steps';
import { IssuedTokenView } from '../runs/issued-token-view';
import { CancelRunButton, RunProgress } from '../runs/run-progress';
import { useRunInView } from '../runs/use-run-in-view';
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

  return (
    <section className="panel token-run" aria-label="Get an access token" ref={panelRef}>
      <header className="panel__header">
        <h2 className="panel__title">Get an access token</h2>
        {subject !== null && <span className="panel__note">with {subject}</span>}
        {running && (
          <div className="panel__actions">
            <CancelRunButton onCancel={onCancel} cancelling={state.cancelling} />
          </div>
        )}
      </header>
      <div className="panel__body run-outcome">
        <RunProgress
          state={state}
          texts={TEXTS}
          statusRef={statusRef}
          describe={(step) => STEP_DESCRIPTIONS[step.id]}
          limitMs={limitMs}
          failureTitle="No token"
        />
        {outcome?.ok === true && <IssuedTokenView token={outcome.token} />}
      </div>
    </section>
  );
}
