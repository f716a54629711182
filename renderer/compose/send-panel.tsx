import { useEffect, useId, useRef, useState } from 'react';
import type { SendReport } from '../../shared/compose/compose-types';
import type { SendStyle } from '../../shared/compose/compose-templates';
import { SEND_STYLE_LABELS } from '../../shared/compose/send-body';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { REQUEST_LIMITS } from '../../shared/limits/request-limits';
import { useBridge } from '../bridge/bridge-context';
import { callBridge } from '../bridge/call-bridge';
import { Badge } from '../common/badge';
import { ErrorMessage } from '../common/error-message';

/** Props of {@link SendPanel}. */
export interface SendPanelProps {
  token: string;
  /** How the draft's template is sent (the user may change it). */
  style: SendStyle;
}

const STYLE_NOTES: Readonly<Record<SendStyle, string>> = {
  activity:
    'As Journey Builder calls a custom activity with "useJwt": true: the JWT is the whole POST body. The application/jwt content type is what public activity code expects (seen in code, not in the docs).',
  'sso-form': "As an App Center login: a form POST with the field jwt (documented), to your app's login URL.",
};

/** "Send to endpoint": POSTs the signed token to a URL the user types and shows status, time, headers and the capped body. */
export function SendPanel({ token, style: initialStyle }: SendPanelProps) {
  const bridge = useBridge();
  const id = useId();
  const [url, setUrl] = useState('');
  const [style, setStyle] = useState<SendStyle>(initialStyle);
  const [state, setState] = useState<
    { phase: 'idle' | 'sending' } | { phase: 'done'; report: SendReport } | { phase: 'failed'; error: ErrorPayload }
  >({
    phase: 'idle',
  });
  // The send in flight: Cancel aborts its call, and so does leaving the screen.
  const sending = useRef<AbortController | null>(null);
  useEffect(() => () => sending.current?.abort(), []);
  const send = async () => {
    const controller = new AbortController();
    sending.current = controller;
    setState({ phase: 'sending' });
    const result = await callBridge(bridge, 'compose:send', { url: url.trim(), token, style }, { signal: controller.signal });
    if (sending.current !== controller) return;
    sending.current = null;
    setState(result.ok ? { phase: 'done', report: result.value } : { phase: 'failed', error: result.error });
  };
  return (
    <section className="panel send-panel" aria-label="Send to endpoint">
      <header className="panel__header">
        <h2 className="panel__title">Send to endpoint</h2>
        <span className="panel__note">Only this URL is contacted; redirects are shown, not followed</span>
      </header>
      <div className="panel__body">
        <div className="field">
          <label htmlFor={`${id}-url`}>Endpoint URL</label>
          <input
            id={`${id}-url`}
            className="mono"
            type="url"
            value={url}
            maxLength={REQUEST_LIMITS.url}
            spellCheck={false}
            autoComplete="off"
            placeholder="https://my-activity.example.com/execute"
            aria-describedby={`${id}-url-help`}
            onChange={(e) => setUrl(e.target.value)}
          />
          <p id={`${id}-url-help`} className="field__help">
            https, or http on this computer (localhost). Nothing but the token is sent: no cookie, no Authorization header.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-style`}>Send as</label>
          <select
            id={`${id}-style`}
            value={style}
            aria-describedby={`${id}-style-help`}
            onChange={(e) => setStyle(e.target.value as SendStyle)}
          >
            {(Object.keys(SEND_STYLE_LABELS) as SendStyle[]).map((s) => (
              <option key={s} value={s}>
                {SEND_STYLE_LABELS[s]}
              </option>
            ))}
          </select>
          <p id={`${id}-style-help`} className="field__help">
            {STYLE_NOTES[style]}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={url.trim() === '' || state.phase === 'sending'}
            onClick={() => void send()}
          >
            {state.phase === 'sending' ? 'Sending…' : 'Send'}
          </button>
          {state.phase === 'sending' && (
            <button type="button" className="button button--secondary" onClick={() => sending.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
        <div role="status" aria-live="polite" className="visually-hidden">
          {state.phase === 'done' && `HTTP ${state.report.response.status} in ${Math.round(state.report.durationMs)} ms`}
        </div>
        {state.phase === 'failed' && <ErrorMessage error={state.error} title="Not sent, or no answer" />}
        {state.phase === 'done' && <SendReportView report={state.report} />}
      </div>
    </section>
  );
}

/** What came back: status and time, what was sent, the headers and the body (masked, capped). */
function SendReportView({ report }: { report: SendReport }) {
  const { status, headers, body } = report.response;
  const tone = status >= 400 ? 'danger' : status >= 300 ? 'warning' : 'success';
  return (
    <div className="send-report" data-status={status}>
      <p className="send-report__line">
        <Badge tone={tone}>HTTP {status}</Badge> <span>{Math.round(report.durationMs)} ms</span> ·{' '}
        <span className="mono">
          POST {report.url} ({report.contentType}, {report.sentBytes} bytes)
        </span>
      </p>
      {report.redirectedTo !== null && (
        <p className="field__warning">
          Redirect to <span className="mono">{report.redirectedTo}</span>: not followed.
        </p>
      )}
      <table className="send-report__headers">
        <caption className="visually-hidden">Response headers</caption>
        <tbody>
          {headers.map((h) => (
            <tr key={h.name}>
              <th scope="row">{h.name}</th>
              <td className="mono">{h.sensitive ? `•••• (masked, ${h.value.length} chars)` : h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.bodyTooLarge ? (
        <p className="field__warning">The body is larger than 256 KiB: it was not read.</p>
      ) : (
        body !== '' && (
          <pre className="send-report__body mono" tabIndex={0} aria-label="Response body">
            {body}
          </pre>
        )
      )}
    </div>
  );
}
