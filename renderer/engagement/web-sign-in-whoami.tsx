// "Who am I" after a web or public app's sign-in: one click asks v2/userinfo and the SOAP endpoint with the access token the
// app holds for the sign-in (the page sends only the sign-in's id), its two steps shown as every run's are.
import { useEffect, useId, useMemo, useRef } from 'react';
import { pendingEngagementSteps } from '../../shared/engagement/engagement-steps';
import type { WhoamiReport } from '../../shared/engagement/whoami-calls';
import { callBridge } from '../bridge/call-bridge';
import { useBridgeRun } from '../bridge/use-bridge-run';
import { Spinner } from '../common/spinner';
import { CancelRunButton, RunProgress } from '../runs/run-progress';
import type { EngagementRunStep } from '../runs/use-engagement-run';
import { ENGAGEMENT_STEP_DESCRIPTIONS } from './engagement-run-output';
import { WhoAmITable } from './whoami-view';

const TEXTS = { idle: 'Not asked yet.', ok: 'Who am I: answered.' };

/** The who-am-I button of a finished sign-in, then its steps and the answer. */
export function WebSignInWhoami({ signInId }: { signInId: string }) {
  const initial = useMemo(() => pendingEngagementSteps(true).filter((step) => step.id !== 'token') as EngagementRunStep[], []);
  const { state, start, cancel } = useBridgeRun<EngagementRunStep, WhoamiReport>('engagement:progress', initial);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const helpId = useId();
  const running = state.phase === 'running';
  // The button stays enabled (a disabled one would drop the focus): the status line takes it when the answer comes.
  useEffect(() => {
    if (state.phase === 'done') statusRef.current?.focus({ preventScroll: true });
  }, [state.phase]);
  const ask = () => {
    if (running) return;
    start((bridge, runId, signal) => callBridge(bridge, 'webapp:whoami', { runId, signInId }, { signal }));
  };
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;

  return (
    <div className="web-sign-in-whoami" aria-label="Who am I with this token" role="group">
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={ask} aria-describedby={helpId}>
          {running && <Spinner />}
          Who am I
        </button>
        {running && <CancelRunButton onCancel={cancel} cancelling={state.cancelling} />}
      </div>
      <p className="field__help" id={helpId}>
        Asks <code>v2/userinfo</code> and the SOAP endpoint with this token: the business unit, the user, and the package&apos;s own scopes
        and redirect URLs.
      </p>
      {state.phase !== 'idle' && (
        <RunProgress
          state={state}
          texts={TEXTS}
          statusRef={statusRef}
          describe={(step) => ENGAGEMENT_STEP_DESCRIPTIONS[step.id] ?? ''}
          failureTitle="No answer"
        />
      )}
      {outcome?.ok === true && <WhoAmITable summary={outcome.whoami.summary} soapEndpoint={outcome.whoami.endpoints.soap} />}
    </div>
  );
}
