import { useMemo } from 'react';
import { CopyButton } from './copy-button';
import { jsonTokens } from './json-tokens';

/** Props of {@link JsonView}. */
export interface JsonViewProps {
  value: unknown;
  /** Accessible name of the code block, e.g. "Payload JSON". */
  label: string;
}

/** Pretty-printed, syntax-coloured JSON with a copy button. */
export function JsonView({ value, label }: JsonViewProps) {
  const text = useMemo(() => JSON.stringify(value, null, 2) ?? 'undefined', [value]);
  const tokens = useMemo(() => jsonTokens(text), [text]);
  return (
    <div className="json-view">
      <CopyButton text={text} label="Copy JSON" className="json-view__copy button--small" />
      <pre className="json-view__code" aria-label={label} tabIndex={0}>
        <code>
          {tokens.map((token, index) =>
            token.kind === 'plain' ? (
              token.text
            ) : (
              <span key={index} className={`json-${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </div>
  );
}
