import { useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { FLOW_STEPS } from './flow-steps';
import { FlowWarningsList } from './flow-warnings-list';
import { IssuedTokenView } from './issued-token-view';
import { REQUEST_TIMEOUT_SECONDS, normaliseTimeoutSeconds } from './request-timeout';
import { RequestTimeoutField } from './request-timeout-field';
import { StepView } from './step-view';
import { useTokenRun, type TokenRunState } from './use-token-run';

/** Props of {@link TokenRunPanel}. */
export interface TokenRunPanelProps {
  /** The saved Intelligence profile to run. */
  profile: Profile;
}

function statusLine(state: TokenRunState): string {
  if (state.phase === 'idle') return 'Not run yet.';
  if (state.phase === 'running') return state.cancelling ? 'Cancelling…' : `Running: ${state.steps.find((s) => s.status === 'running')?.title ?? 'starting'}…`;
  if (state.error !== null) return `Failed: ${state.error.message}`;
  const outcome = state.report?.outcome;
  return outcome?.ok === true ? 'Access token issued.' : `Failed: ${outcome?.error.message ?? ''}`;
}

/** "Get token" for a saved profile with a per-request timeout: the three steps live as they run, Cancel while running, then the token or the error. */
export function TokenRunPanel({ profile }: TokenRunPanelProps) {
  const { state, start, cancel } = useTokenRun(profile.id);
  const [timeoutText, setTimeoutText] = useState(String(REQUEST_TIMEOUT_SECONDS.default));
  const run = () => {
    if (!profile.hasSecret) return;
    const seconds = normaliseTimeoutSeconds(timeoutText);
    setTimeoutText(String(seconds));
    start(seconds * 1000);
  };
  const running = state.phase === 'running';
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const failure = state.phase === 'done' ? (state.error ?? (outcome?.ok === false ? outcome.error : null)) : null;
  const failedStep = state.steps.some((step) => step.error !== undefined);

  return (
    <section className="panel token-run" aria-label="Get an access token">
      <header className="panel__header">
        <h2 className="panel__title">Get an access token</h2>
        <span className="panel__note">
          with <strong>{profile.name}</strong>
        </span>
        <div className="panel__actions">
          {running ? (
            <button type="button" className="button button--danger" onClick={cancel} disabled={state.cancelling}>
              {state.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={run} disabled={!profile.hasSecret}>
              {state.phase === 'done' ? 'Run again' : 'Get token'}
            </button>
          )}
        </div>
      </header>
      <div className="panel__body">
        <RequestTimeoutField value={timeoutText} onChange={setTimeoutText} onEnter={run} disabled={running} />
        <p className="token-run__status" role="status" aria-live="polite">
          {running && <Spinner />} {statusLine(state)}
        </p>
        {!profile.hasSecret && <p className="field__help">No private key is stored for this profile: paste it above and save first.</p>}
        <ol className="steps">
          {state.steps.map((step, index) => (
            <StepView key={step.id} step={step} index={index + 1} description={FLOW_STEPS.find((s) => s.id === step.id)?.description ?? ''} />
          ))}
        </ol>
        {state.phase === 'done' && state.report !== null && <FlowWarningsList warnings={state.report.warnings} />}
        {failure !== null && failure !== undefined && !failedStep && <ErrorMessage error={failure} title="No token" />}
        {outcome?.ok === true && <IssuedTokenView token={outcome.token} onRunAgain={run} />}
      </div>
    </section>
  );
}
