import { useId, useMemo, useState } from 'react';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import type { RefreshReport } from '../../shared/engagement/flow-types';
import { refreshSourceOf } from '../../shared/engagement/legacy-refresh';
import { REFRESH_STEP_TITLE } from '../../shared/engagement/run-legacy-refresh';
import { useBridge } from '../bridge/bridge-context';
import { CopyButton } from '../common/copy-button';
import { ErrorMessage } from '../common/error-message';
import { Notice } from '../common/notice';
import { StepView } from '../credentials/step-view';
import { PackageCredentialFields } from './package-credential-fields';
import { useEngagementRun, type EngagementRunStep } from './use-engagement-run';

/** Props of {@link RefreshPanel}. */
export interface RefreshPanelProps {
  token: DecodedToken;
  /** The token as pasted: sent to the app, which decodes it again and spends its refresh token. */
  raw: string;
}

const PENDING: EngagementRunStep[] = [{ id: 'refresh', title: REFRESH_STEP_TITLE, status: 'pending' }];

/** "Refresh" for a decoded SSO JWT with a refresh token: asks for the client id and secret, warns that it spends the single-use token, shows the result. */
export function RefreshPanel({ token, raw }: RefreshPanelProps) {
  const bridge = useBridge();
  const id = useId();
  const source = useMemo(() => {
    try {
      return refreshSourceOf(token.payload);
    } catch {
      return null;
    }
  }, [token]);
  const [open, setOpen] = useState(false);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { state, start } = useEngagementRun<'engagement:refresh', RefreshReport>('engagement:refresh', PENDING);
  if (source === null || bridge === null) return null;
  const host = (() => {
    try {
      return new URL(source.authEndpoint).host;
    } catch {
      return source.authEndpoint;
    }
  })();
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const failure = state.phase === 'done' ? (state.error ?? (outcome?.ok === false ? outcome.error : null)) : null;
  const spend = () => {
    setConfirmed(false);
    start({ token: raw.trim(), clientId, clientSecret });
  };

  return (
    <section className="panel refresh-panel" aria-label="Legacy refresh">
      <header className="panel__header">
        <h2 className="panel__title">Legacy refresh</h2>
        <span className="panel__note">This SSO JWT carries a refresh token for {host}</span>
        {!open && (
          <div className="panel__actions">
            <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
              Refresh…
            </button>
          </div>
        )}
      </header>
      {open && (
        <div className="panel__body">
          <PackageCredentialFields
            idPrefix={id}
            clientId={clientId}
            clientSecret={clientSecret}
            onChange={(change) => {
              if (change.clientId !== undefined) setClientId(change.clientId);
              if (change.clientSecret !== undefined) setClientSecret(change.clientSecret);
            }}
          />
          <Notice tone="warning" title="This spends the refresh token">
            <p>
              The refresh token in this JWT works once: a second use fails after a 5-minute grace. Keep the new refresh token the answer
              carries.
            </p>
            <label>
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I understand: spend it now
            </label>
          </Notice>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={spend}
              disabled={!confirmed || state.phase === 'running' || clientId.trim() === '' || clientSecret.trim() === ''}
            >
              Spend the refresh token
            </button>
          </div>
          <ol className="steps">
            {state.steps.map((step, index) => (
              <StepView
                key={step.id}
                step={step}
                index={index + 1}
                description={`POST ${source.authEndpoint} with {clientId, clientSecret, refreshToken, accessType: "offline"}.`}
              />
            ))}
          </ol>
          {failure !== null && failure !== undefined && !state.steps.some((step) => step.error !== undefined) && (
            <ErrorMessage error={failure} title="No new token" />
          )}
          {outcome?.ok === true && (
            <div className="issued-token" aria-label="Refreshed token">
              <p>New access token, valid {outcome.token.expiresIn} s (expiresIn):</p>
              <pre className="code-block issued-token__value" aria-label="New access token" tabIndex={0}>
                {outcome.token.accessToken}
              </pre>
              <div className="button-row">
                <CopyButton text={outcome.token.accessToken} label="Copy access token" />
                {outcome.token.refreshToken !== null && <CopyButton text={outcome.token.refreshToken} label="Copy new refresh token" />}
              </div>
              {outcome.token.refreshToken !== null && (
                <pre className="code-block" aria-label="New refresh token" tabIndex={0}>
                  {outcome.token.refreshToken}
                </pre>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
