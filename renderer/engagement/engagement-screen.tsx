import { useId, useMemo, useState } from 'react';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { pendingEngagementSteps } from '../../shared/engagement/run-engagement-flow';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { MAX_PROFILE_NAME_LENGTH, type Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { ErrorMessage } from '../common/error-message';
import { NeedsDesktop } from '../common/needs-desktop';
import { normaliseTimeoutSeconds, REQUEST_TIMEOUT_SECONDS } from '../credentials/request-timeout';
import { RequestTimeoutField } from '../credentials/request-timeout-field';
import { draftOf, EMPTY_FORM, EngagementForm, type EngagementFormValues } from './engagement-form';
import { EngagementRunOutput } from './engagement-run-output';
import { useEngagementRun } from './use-engagement-run';

/** Props of {@link EngagementScreen}. */
export interface EngagementScreenProps {
  /** All saved profiles; the Engagement ones with a client secret can run. */
  profiles: readonly Profile[];
  /** After a save (the app reloads the list). */
  onSaved: () => void;
  /** Opens a token in the decoder. */
  onOpenInDecoder: (token: string) => void;
}

const UNSAVED = '';

/** Engagement credentials: a saved server-to-server profile or unsaved values, then token, who-am-I and SOAP endpoint, step by step. */
export function EngagementScreen({ profiles, onSaved, onOpenInDecoder }: EngagementScreenProps) {
  const bridge = useBridge();
  const id = useId();
  const runnable = useMemo(() => profiles.filter((p) => p.product === 'engagement' && p.hasClientSecret), [profiles]);
  const [profileId, setProfileId] = useState(UNSAVED);
  const [values, setValues] = useState<EngagementFormValues>(EMPTY_FORM);
  const [whoami, setWhoami] = useState(true);
  const [timeoutText, setTimeoutText] = useState(String(REQUEST_TIMEOUT_SECONDS.default));
  const [saveName, setSaveName] = useState('');
  const [saveState, setSaveState] = useState<{ saving: boolean; error: ErrorPayload | null; saved: string | null }>({
    saving: false,
    error: null,
    saved: null,
  });
  const initial = useMemo(() => pendingEngagementSteps(true), []);
  const { state, start, cancel } = useEngagementRun<'engagement:token', EngagementFlowReport>('engagement:token', initial);
  const selected = runnable.find((p) => p.id === profileId) ?? null;

  const header = (
    <header className="screen__header">
      <div>
        <h1 className="screen__title">Engagement credentials</h1>
        <p className="screen__subtitle">Test an installed package: server-to-server token, who-am-I and the SOAP endpoint.</p>
      </div>
    </header>
  );
  if (bridge === null) {
    return (
      <div className="screen engagement">
        {header}
        <NeedsDesktop feature="Testing Engagement credentials" />
      </div>
    );
  }

  const run = () => {
    const seconds = normaliseTimeoutSeconds(timeoutText);
    setTimeoutText(String(seconds));
    const where = selected === null ? { draft: draftOf(values) } : { profileId: selected.id };
    start({ ...where, whoami, timeoutMs: seconds * 1000 }, pendingEngagementSteps(whoami));
  };
  const save = async () => {
    setSaveState({ saving: true, error: null, saved: null });
    const reply = await callBridge(bridge, 'profiles:save', { name: saveName, product: 'engagement', ...draftOf(values) });
    setSaveState({ saving: false, error: reply.ok ? null : reply.error, saved: reply.ok ? reply.value.name : null });
    if (reply.ok) {
      setValues((v) => ({ ...v, clientSecret: '' }));
      onSaved();
    }
  };
  const running = state.phase === 'running';

  return (
    <div className="screen engagement">
      {header}
      <section className="panel" aria-label="Credentials">
        <div className="panel__body">
          <div className="field">
            <label htmlFor={`${id}-profile`}>Use</label>
            <select id={`${id}-profile`} value={profileId} onChange={(e) => setProfileId(e.target.value)} disabled={running}>
              <option value={UNSAVED}>Unsaved values (test without saving)</option>
              {runnable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {selected === null ? (
            <>
              <EngagementForm values={values} onChange={setValues} disabled={running} />
              <div className="button-row">
                <input
                  aria-label="Profile name"
                  value={saveName}
                  onChange={(e) => setSaveName(e.target.value)}
                  maxLength={MAX_PROFILE_NAME_LENGTH}
                  placeholder="Profile name"
                />
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void save()}
                  disabled={running || saveState.saving || saveName.trim() === ''}
                >
                  Save as profile
                </button>
              </div>
              {saveState.error !== null && <ErrorMessage error={saveState.error} title="Could not save" />}
              {saveState.saved !== null && <p role="status">Saved profile “{saveState.saved}”: its client secret is in the OS keychain.</p>}
            </>
          ) : (
            <p className="field__help" data-testid="profile-summary">
              Client id <code>{selected.clientId}</code> at <code>{selected.subdomain ?? selected.authUrl}</code>
              {selected.scope !== null && (
                <>
                  {' '}
                  · scopes <code>{selected.scope === '' ? '(none)' : selected.scope}</code>
                </>
              )}
              {selected.accountId !== null && (
                <>
                  {' '}
                  · account <code>{selected.accountId}</code>
                </>
              )}{' '}
              · client secret in the OS keychain
            </p>
          )}
        </div>
      </section>
      <section className="panel token-run" aria-label="Get an access token">
        <header className="panel__header">
          <h2 className="panel__title">Get an access token</h2>
          <div className="panel__actions">
            <label>
              <input type="checkbox" checked={whoami} onChange={(e) => setWhoami(e.target.checked)} disabled={running} /> Who am I
            </label>
            {running ? (
              <button type="button" className="button button--danger" onClick={cancel} disabled={state.cancelling}>
                {state.cancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            ) : (
              <button type="button" className="button button--primary" onClick={run}>
                {state.phase === 'done' ? 'Run again' : 'Get token'}
              </button>
            )}
          </div>
        </header>
        <div className="panel__body">
          <RequestTimeoutField
            value={timeoutText}
            onChange={setTimeoutText}
            disabled={running}
            help="Each request (token, who-am-I, SOAP endpoint) stops waiting after this long"
          />
          <EngagementRunOutput
            state={state}
            onCancel={cancel}
            limitMs={normaliseTimeoutSeconds(timeoutText) * 1000}
            onOpenInDecoder={onOpenInDecoder}
          />
        </div>
      </section>
    </div>
  );
}
