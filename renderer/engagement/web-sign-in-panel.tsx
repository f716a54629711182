import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { WebAppReport } from '../../shared/engagement/web-app-types';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { WebSignInStarted } from '../../shared/ipc/ipc-contract';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { useBridgeRun } from '../bridge/use-bridge-run';
import { ErrorMessage } from '../common/error-message';
import { FlowWarningsList } from '../runs/flow-warnings-list';
import { CancelRunButton, RunProgress } from '../runs/run-progress';
import type { EngagementRunStep } from '../runs/use-engagement-run';
import { useRunInView } from '../runs/use-run-in-view';
import {
  INITIAL_WEB_SIGN_IN,
  WEB_SIGN_IN_FIELDS,
  WEB_SIGN_IN_STEP_DESCRIPTIONS,
  buildWebSignIn,
  pendingWebSignInSteps,
  type WebSignInErrors,
  type WebSignInValues,
} from './web-sign-in-draft';
import { WEB_SIGN_IN_ID_SUFFIX, WebSignInForm } from './web-sign-in-form';
import { WebSignInResult } from './web-sign-in-result';

const TEXTS = {
  idle: 'Not finished yet: sign in, paste the address the browser ended on, and press Finish sign-in.',
  ok: 'Signed in: access token issued.',
};

/** Props of {@link WebSignInPanel}. */
export interface WebSignInPanelProps {
  /** After "Save as profile", with the stored engagement-web profile (the app reloads its list). */
  onSaved: (profile: Profile) => void;
  onOpenInDecoder: (token: string) => void;
}

/**
 * A web or public app's sign-in with the authorization code, by paste-back: the sign-in page opens in the system browser,
 * the address the browser ends on is pasted here, and the app exchanges its code. The refresh token stays in the app
 * (main process) until "Save as profile" puts it in the OS keychain.
 */
export function WebSignInPanel({ onSaved, onOpenInDecoder }: WebSignInPanelProps) {
  const bridge = useBridge();
  const formId = useId();
  const pasteId = useId();
  const [values, setValues] = useState<WebSignInValues>(INITIAL_WEB_SIGN_IN);
  const [errors, setErrors] = useState<WebSignInErrors>({});
  const [opening, setOpening] = useState(false);
  const [beginError, setBeginError] = useState<ErrorPayload | null>(null);
  const [started, setStarted] = useState<WebSignInStarted | null>(null);
  const [pasted, setPasted] = useState('');
  const initial = useMemo(() => pendingWebSignInSteps() as EngagementRunStep[], []);
  const { state, start, cancel, reset } = useBridgeRun<EngagementRunStep, WebAppReport>('engagement:progress', initial);
  const running = state.phase === 'running';
  const outputRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useRunInView({ runId: running ? state.runId : null, done: state.phase === 'done', onCancel: cancel }, outputRef, statusRef);

  const change = (patch: Partial<WebSignInValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof WebSignInValues)[]) delete next[key];
      return next;
    });
  };
  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (opening || running) return;
    const built = buildWebSignIn(values);
    if (!built.ok) {
      flushSync(() => setErrors(built.errors));
      const first = WEB_SIGN_IN_FIELDS.find((field) => built.errors[field] !== undefined);
      if (first !== undefined) document.getElementById(`${formId}-${WEB_SIGN_IN_ID_SUFFIX[first]}`)?.focus();
      return;
    }
    setErrors({});
    setBeginError(null);
    setOpening(true);
    const reply = await callBridge(bridge, 'webapp:begin', built.request);
    setOpening(false);
    if (!reply.ok) return setBeginError(reply.error);
    setStarted(reply.value);
    setPasted('');
    reset();
    // The desktop app opened it from the main process; in a browser tab (mctoken ui) the page opens it.
    if (!reply.value.opened) window.open(reply.value.authorizeUrl, '_blank', 'noopener,noreferrer');
  };
  const finish = (event: FormEvent) => {
    event.preventDefault();
    if (started === null || running) return;
    const { signInId } = started;
    start((b, runId, signal) => callBridge(b, 'webapp:finish', { runId, signInId, pasted }, { signal }));
  };
  const save = async (name: string) => {
    if (started === null) throw new Error('no sign-in to save');
    const reply = await callBridge(bridge, 'webapp:save', { signInId: started.signInId, name });
    if (reply.ok) onSaved(reply.value);
    return reply;
  };
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;

  return (
    <>
      <WebSignInForm id={formId} values={values} onChange={change} errors={errors} onOpen={(e) => void open(e)} opening={opening}>
        {beginError !== null && <ErrorMessage error={beginError} title="Not started" />}
        {started !== null && (
          <p className="field__help" data-testid="sign-in-started">
            {started.opened ? 'The sign-in page opened in your browser.' : 'The sign-in page opened in a new tab.'} Not there?{' '}
            <a href={started.authorizeUrl} target="_blank" rel="noopener noreferrer">
              Open the sign-in page
            </a>
            .
          </p>
        )}
      </WebSignInForm>
      <section className="panel token-run" aria-label="Finish the sign-in">
        <header className="panel__header">
          <h2 className="panel__title">2. Paste the address the browser ended on</h2>
          <div className="panel__actions">{running && <CancelRunButton onCancel={cancel} cancelling={state.cancelling} />}</div>
        </header>
        <div className="panel__body">
          {started === null ? (
            <p className="field__help">Open the sign-in page first (step 1).</p>
          ) : (
            <form className="web-sign-in-paste" onSubmit={finish} aria-label="Paste the redirect address" noValidate>
              {state.phase === 'idle' && <FlowWarningsList warnings={started.warnings} />}
              <div className="field">
                <label htmlFor={pasteId}>Address the browser ended on</label>
                <textarea
                  id={pasteId}
                  className="mono"
                  rows={3}
                  value={pasted}
                  maxLength={REQUEST_LIMITS.pastedAddress}
                  onChange={(e) => setPasted(e.target.value)}
                  spellCheck={false}
                  autoComplete="off"
                  aria-describedby={`${pasteId}-help`}
                />
                <p id={`${pasteId}-help`} className="field__help">
                  After you sign in and allow, the browser goes to <code>{started.redirectUri}</code>, which usually fails to load: copy the
                  whole address from its address bar and paste it here. Its state is checked, and its code exchanged at once: codes live 5
                  minutes.
                </p>
              </div>
              <div className="button-row">
                <button type="submit" className="button button--primary" disabled={running}>
                  Finish sign-in
                </button>
              </div>
            </form>
          )}
          <div className="run-outcome" ref={outputRef}>
            <RunProgress
              state={state}
              texts={TEXTS}
              statusRef={statusRef}
              describe={(step) => WEB_SIGN_IN_STEP_DESCRIPTIONS[step.id] ?? ''}
              failureTitle="Not signed in"
            />
            {outcome?.ok === true && started !== null && (
              <WebSignInResult
                key={started.signInId}
                signInId={started.signInId}
                token={outcome.token}
                onOpenInDecoder={onOpenInDecoder}
                onSave={save}
              />
            )}
          </div>
        </div>
      </section>
    </>
  );
}
