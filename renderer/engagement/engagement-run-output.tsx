import { useRef } from 'react';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { FlowWarningsList } from '../credentials/flow-warnings-list';
import { runFailure, runStatus } from '../credentials/run-status';
import { StepView } from '../credentials/step-view';
import { useRunInView } from '../credentials/use-run-in-view';
import { EngagementResult } from './engagement-result';
import type { EngagementRunState } from './use-engagement-run';

/** What each step does, shown under its title (the titles come from the core). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  token: 'POST <auth>v2/token with a JSON body: client credentials of the installed package.',
  userinfo: 'GET <auth>v2/userinfo with the token: business unit, enterprise, stack, region, user.',
  'soap-endpoint': 'GET <rest>platform/v1/endpoints/soap with the token: the tenant-specific SOAP URL.',
};

const TEXTS = { idle: 'Not run yet: fill in the form and press Get token.', ok: 'Access token issued.' };

/** Props of {@link EngagementRunOutput}. */
export interface EngagementRunOutputProps {
  state: EngagementRunState<EngagementFlowReport>;
  /** Cancels the run (Escape does too). */
  onCancel: () => void;
  /** The deadline of each request in ms, shown against a running step's time. */
  limitMs: number;
  onOpenInDecoder: (token: string) => void;
}

/**
 * A server-to-server run as it goes: the status line (saying what failed), the steps, warnings, and the token with
 * who-am-I. Like the Intelligence run, it comes into view with the focus on its status, at the start and at the end.
 */
export function EngagementRunOutput({ state, onCancel, limitMs, onOpenInDecoder }: EngagementRunOutputProps) {
  const ref = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const running = state.phase === 'running';
  useRunInView({ runId: running ? state.runId : null, done: state.phase === 'done', onCancel }, ref, statusRef);
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const failure = runFailure(state);
  const token = outcome?.ok === true ? outcome.token : outcome?.token;
  const status = runStatus(state, TEXTS);

  return (
    <div className="run-outcome" ref={ref}>
      <p className={`token-run__status token-run__status--${status.tone}`} role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {running && <Spinner />}
        {status.text}
      </p>
      <ol className="steps">
        {state.steps.map((step, index) => (
          <StepView key={step.id} step={step} index={index + 1} description={DESCRIPTIONS[step.id] ?? ''} limitMs={limitMs} />
        ))}
      </ol>
      {state.phase === 'done' && state.report !== null && <FlowWarningsList warnings={state.report.warnings} />}
      {failure !== null && !state.steps.some((step) => step.error !== undefined) && (
        <ErrorMessage error={failure} title="No token" tone={failure.code === 'ERR_CANCELLED' ? 'neutral' : 'danger'} />
      )}
      {token !== undefined && (
        <EngagementResult token={token} whoami={outcome?.ok === true ? outcome.whoami : null} onOpenInDecoder={onOpenInDecoder} />
      )}
    </div>
  );
}
