import { useRef } from 'react';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { RunProgress } from '../runs/run-progress';
import { useRunInView } from '../runs/use-run-in-view';
import { EngagementResult } from './engagement-result';
import type { EngagementRunState } from '../runs/use-engagement-run';

/** What each step does, shown under its title (the titles come from the core); the web sign-in's who-am-I shows them too. */
export const ENGAGEMENT_STEP_DESCRIPTIONS: Readonly<Record<string, string>> = {
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
  const token = outcome?.ok === true ? outcome.token : outcome?.token;

  return (
    <div className="run-outcome" ref={ref}>
      <RunProgress
        state={state}
        texts={TEXTS}
        statusRef={statusRef}
        describe={(step) => ENGAGEMENT_STEP_DESCRIPTIONS[step.id] ?? ''}
        limitMs={limitMs}
        failureTitle="No token"
      />
      {token !== undefined && (
        <EngagementResult token={token} whoami={outcome?.ok === true ? outcome.whoami : null} onOpenInDecoder={onOpenInDecoder} />
      )}
    </div>
  );
}
