import { useId, useState } from 'react';
import type { FlowStep, FlowStepStatus } from '../../shared/exchange/flow-types';
import { ErrorMessage } from '../common/error-message';
import { Spinner } from '../common/spinner';
import { useNow } from '../hooks/use-now';
import { AssertionView } from './assertion-view';
import { ShownFieldsTable } from './shown-fields-table';

const STATUS_TEXT: Readonly<Record<FlowStepStatus, string>> = {
  pending: 'Waiting',
  running: 'Running',
  ok: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const STATUS_ICON: Readonly<Record<Exclude<FlowStepStatus, 'running'>, string>> = { pending: '', ok: '✓', failed: '✕', cancelled: '–' };

/** Props of {@link StepView}. */
export interface StepViewProps {
  step: FlowStep<string>;
  /** 1-based position, shown in the pending icon. */
  index: number;
  /** What the step does, shown under its title. */
  description: string;
  /** The request's deadline in ms: while the step runs, its time so far is shown against it ("4 s of 15 s"). */
  limitMs?: number;
}

/** Formats a duration in ms as "87 ms" or "1.24 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A running step's time so far, ticking each second, against its deadline when known. */
function ElapsedTime({ startedAt, limitMs }: { startedAt: number; limitMs?: number }) {
  const now = useNow(1000);
  const elapsed = `${Math.max(0, Math.floor((now - startedAt) / 1000))} s`;
  return <>{limitMs === undefined ? elapsed : `${elapsed} of ${Math.round(limitMs / 1000)} s`}</>;
}

function hasSensitive(step: FlowStep<string>): boolean {
  const fields = [...(step.request?.headers ?? []), ...(step.request?.params ?? []), ...(step.response?.headers ?? [])];
  return fields.some((f) => f.sensitive) || step.response?.revealedBody !== undefined;
}

/** One step of a flow: status icon, title, time (so far, while it runs), and (on demand) request, response, assertion and error; a cancelled step's error reads calm, not as a failure. */
export function StepView({ step, index, description, limitMs }: StepViewProps) {
  const id = useId();
  const [open, setOpen] = useState<boolean | null>(null);
  const [revealed, setRevealed] = useState(false);
  const hasDetails = step.request !== undefined || step.response !== undefined || step.assertion !== undefined;
  const expanded = hasDetails && (open ?? step.status === 'failed');
  const body = revealed && step.response?.revealedBody !== undefined ? step.response.revealedBody : step.response?.body;

  return (
    <li className={`step step--${step.status}`} data-step-id={step.id} data-step-status={step.status} aria-busy={step.status === 'running'}>
      <div className="step__summary">
        <span className="step__icon" aria-hidden="true">
          {step.status === 'running' ? <Spinner /> : step.status === 'pending' ? index : STATUS_ICON[step.status]}
        </span>
        <div className="step__heading">
          <h3 className="step__title">{step.title}</h3>
          <p className="step__description">{description}</p>
        </div>
        <span className="step__status">{STATUS_TEXT[step.status]}</span>
        <span className="step__duration">
          {step.status === 'running' && step.startedAt !== undefined ? (
            <ElapsedTime startedAt={step.startedAt} limitMs={limitMs} />
          ) : step.durationMs === undefined ? (
            ''
          ) : (
            formatDuration(step.durationMs)
          )}
        </span>
        {hasDetails ? (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={expanded}
            aria-controls={`${id}-details`}
            onClick={() => setOpen(!expanded)}
          >
            {expanded ? 'Hide details' : 'Details'}
          </button>
        ) : (
          <span className="step__details-placeholder" />
        )}
      </div>
      {step.error !== undefined && (
        <div className="step__error">
          <ErrorMessage error={step.error} tone={step.status === 'cancelled' ? 'neutral' : 'danger'} />
        </div>
      )}
      {expanded && (
        <div className="step__details" id={`${id}-details`}>
          {hasSensitive(step) && (
            <button
              type="button"
              className="button button--secondary button--small step__reveal"
              aria-pressed={revealed}
              onClick={() => setRevealed((r) => !r)}
            >
              {revealed ? 'Mask sensitive values' : 'Reveal sensitive values'}
            </button>
          )}
          {step.request !== undefined && (
            <section className="step-section" aria-label={`${step.title}: request`}>
              <h4 className="step-section__title">Request</h4>
              <p className="http-line mono">
                <span className="http-line__method">{step.request.method}</span> {step.request.url}
              </p>
              <ShownFieldsTable caption="Headers" fields={step.request.headers} revealed={revealed} />
              <ShownFieldsTable
                caption={step.request.method === 'GET' ? 'Query parameters' : 'Parameters'}
                fields={step.request.params}
                revealed={revealed}
              />
            </section>
          )}
          {step.response !== undefined && (
            <section className="step-section" aria-label={`${step.title}: response`}>
              <h4 className="step-section__title">Response</h4>
              <p className="http-line mono">
                <span className={`http-status http-status--${Math.floor(step.response.status / 100)}xx`}>{step.response.status}</span>
              </p>
              <ShownFieldsTable caption="Headers" fields={step.response.headers} revealed={revealed} />
              {body !== undefined && body !== '' && (
                <pre className="code-block" aria-label={`${step.title}: response body`} tabIndex={0}>
                  {body}
                </pre>
              )}
            </section>
          )}
          {step.assertion !== undefined && <AssertionView assertion={step.assertion} />}
        </div>
      )}
    </li>
  );
}
