import { useId, useRef, type UIEvent } from 'react';

/** Props of {@link TokenInput}. */
export interface TokenInputProps {
  value: string;
  onChange: (value: string) => void;
}

/** Above this many characters the input is not coloured: laying the text out twice would slow typing down. */
export const MAX_COLOURED_CHARS = 200_000;

const numberFormat = new Intl.NumberFormat();

/** "1,234 chars · 3 segments" with the user's thousands separator. */
export function inputCounter(value: string): string {
  const trimmed = value.trim();
  const segments = trimmed.length === 0 ? 0 : trimmed.split('.').length;
  return `${numberFormat.format(value.length)} chars · ${numberFormat.format(segments)} segment${segments === 1 ? '' : 's'}`;
}

/** The text split at its dots, each part tagged with its segment number (dots belong to no segment). */
function segmentsOf(value: string): { text: string; segment: number | null }[] {
  const parts: { text: string; segment: number | null }[] = [];
  value.split('.').forEach((text, index) => {
    if (index > 0) parts.push({ text: '.', segment: null });
    if (text !== '') parts.push({ text, segment: index });
  });
  return parts;
}

/**
 * The large "Encoded token" textarea, its segments coloured as on jwt.io (header, payload, signature, and an Engagement
 * access token's fourth part). The colours come from a mirror laid out exactly under a real textarea whose own text is
 * transparent, so typing, selection, undo and screen readers all work on the textarea. Character count and Clear.
 */
export function TokenInput({ value, onChange }: TokenInputProps) {
  const id = useId();
  const mirrorRef = useRef<HTMLDivElement>(null);
  const coloured = value.length > 0 && value.length <= MAX_COLOURED_CHARS;
  const onScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (mirrorRef.current !== null) mirrorRef.current.scrollTop = event.currentTarget.scrollTop;
  };
  return (
    <section className="panel token-input">
      <header className="panel__header">
        <h2 className="panel__title">
          <label htmlFor={id}>Encoded token</label>
        </h2>
        <span className="panel__note" title={value.length === 0 ? undefined : inputCounter(value)}>
          {value.length === 0 ? 'JWT · SSO JWT · access token' : inputCounter(value)}
        </span>
        {value.length > 0 && (
          <button type="button" className="button button--ghost button--small" onClick={() => onChange('')}>
            Clear
          </button>
        )}
      </header>
      <div className={`token-input__editor${coloured ? ' is-coloured' : ''}`}>
        {coloured && (
          <div className="token-input__mirror mono" ref={mirrorRef} aria-hidden="true" data-testid="token-mirror">
            {segmentsOf(value).map((part, index) => (
              <span
                key={index}
                className={part.segment === null ? 'token-dot' : `token-segment token-segment--${Math.min(part.segment, 3)}`}
              >
                {part.text}
              </span>
            ))}
            {/* A trailing newline in a textarea takes a line: keep the mirror as tall. */}
            {value.endsWith('\n') ? ' ' : null}
          </div>
        )}
        <textarea
          id={id}
          className="token-input__area mono"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={onScroll}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder="Paste a JWT, an App Center SSO token or an Engagement access token"
          aria-describedby={`${id}-help`}
        />
      </div>
      <p className="field__help" id={`${id}-help`}>
        Decoded on this computer as you type: nothing is sent anywhere. Quotes, <code>Bearer </code>, <code>jwt=</code> and a logged
        request's head (<code>Content-Type: application/jwt</code>) are stripped, and a note says so.
        <span className="token-input__legend" aria-hidden={!coloured}>
          {' '}
          <span className="token-segment--0">header</span> · <span className="token-segment--1">payload</span> ·{' '}
          <span className="token-segment--2">signature</span>
        </span>
      </p>
    </section>
  );
}
