import type { PayloadText } from '../../shared/decode/decoded-token';

/** Props of {@link PayloadTextPanel}. */
export interface PayloadTextPanelProps {
  payload: PayloadText;
}

/** A JWS payload that is not JSON claims, shown as it is: UTF-8 text, or hex when its bytes are not text. */
export function PayloadTextPanel({ payload }: PayloadTextPanelProps) {
  const note =
    payload.encoding === 'utf8' ? `UTF-8 text, ${[...payload.text].length} characters` : `hex: not text, ${payload.text.length / 2} bytes`;
  return (
    <section className="panel segment-panel" aria-label="Payload">
      <div className="segment-panel__heading">
        <h2 className="panel__title">Payload</h2>
        <span className="panel__note">{note}</span>
      </div>
      <pre className="payload-text" aria-label="Payload text" data-payload-encoding={payload.encoding} tabIndex={0}>
        {payload.text}
      </pre>
    </section>
  );
}
