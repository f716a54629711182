import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import type { RefreshReport } from '../../shared/engagement/flow-types';
import { refreshSourceOf } from '../../shared/engagement/legacy-refresh';
import { REFRESH_STEP_TITLE } from '../../shared/engagement/run-legacy-refresh';
import { DEFAULT_TIMEOUT_MS } from '../../shared/exchange/timed-request';
import { useBridge } from '../bridge/bridge-context';
import { CopyButton } from '../common/copy-button';
import { Notice } from '../common/notice';
import { IssuedTokenHead } from '../runs/issued-token-head';
import { CancelRunButton, RunProgress } from '../runs/run-progress';
import { useRunInView } from '../runs/use-run-in-view';
import { PackageCredentialFields } from '../runs/package-credential-fields';
import { useEngagementRun, type EngagementRunStep } from '../runs/use-engagement-run';

/** Props of {@link RefreshPanel}. */
export interface RefreshPanelProps {
  token: DecodedToken;
  /** The token as pasted: sent to the app, which decodes it again and spends its refresh token. */
  raw: string;
  /** After a refresh: the refresh token of this JWT that it spent (the decoder marks it). */
  onSpent?: (refreshToken: string) => void;
}

const PENDING: EngagementRunStep[] = [{ id: 'refresh', title: REFRESH_STEP_TITLE, status: 'pending' }];
const TEXTS = { idle: 'Not run yet: give the client id and secret, then spend the refresh token.', ok: 'New access token issued.' };

/** "Refresh" for a decoded SSO JWT with a refresh token: asks for the client id and secret, warns that it spends the single-use token, shows the result in view. */
export function RefreshPanel({ token, raw, onSpent }: RefreshPanelProps) {
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
  const { state, start, cancel } = useEngagementRun<'engagement:refresh', RefreshReport>('engagement:refresh', PENDING);
  const outputRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const running = state.phase === 'running';
  useRunInView({ runId: running ? state.runId : null, done: state.phase === 'done', onCancel: cancel }, outputRef, statusRef);
  const outcome = state.phase === 'done' ? state.report?.outcome : undefined;
  const refreshed = outcome?.ok === true ? outcome.token : null;
  const spentToken = refreshed !== null ? (source?.refreshToken ?? null) : null;
  useEffect(() => {
    if (spentToken !== null) onSpent?.(spentToken);
  }, [spentToken, onSpent]);
  if (source === null || bridge === null) return null;
  const host = (() => {
    try {
      return new URL(source.authEndpoint).host;
    } catch {
      return source.authEndpoint;
    }
  })();
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
              disabled={!confirmed || running || clientId.trim() === '' || clientSecret.trim() === ''}
            >
              Spend the refresh token
            </button>
            {running && <CancelRunButton onCancel={cancel} cancelling={state.cancelling} />}
          </div>
          <div className="run-outcome" ref={outputRef}>
            <RunProgress
              state={state}
              texts={TEXTS}
              statusRef={statusRef}
              describe={() => `POST ${source.authEndpoint} with {clientId, clientSecret, refreshToken, accessType: "offline"}.`}
              limitMs={DEFAULT_TIMEOUT_MS}
              failureTitle="No new token"
            />
            {refreshed !== null && (
              <div className="issued-token" aria-label="Refreshed token" role="group">
                <IssuedTokenHead
                  accessToken={refreshed.accessToken}
                  expiresAt={refreshed.expiresAt}
                  lifetimeSeconds={refreshed.expiresIn}
                  title="New access token issued"
                  valueLabel="New access token"
                />
                <div className="button-row">
                  <CopyButton text={refreshed.accessToken} label="Copy access token" />
                </div>
                {refreshed.refreshToken !== null && (
                  <>
                    <p className="field__help">The next refresh token: keep it, the one in this JWT is spent.</p>
                    <pre className="code-block issued-token__value" aria-label="New refresh token" tabIndex={0}>
                      {refreshed.refreshToken}
                    </pre>
                    <div className="button-row">
                      <CopyButton text={refreshed.refreshToken} label="Copy new refresh token" />
                    </div>
                  </>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
