import { useEffect, useId, useRef, useState, type ClipboardEvent, type UIEvent } from 'react';

/** Props of {@link TokenInput}. */
export interface TokenInputProps {
  value: string;
  onChange: (value: string) => void;
}

/** Above this many characters the input is not coloured: laying the text out twice would slow typing down. */
export const MAX_COLOURED_CHARS = 200_000;

/**
 * From this many characters the text is kept out of the textarea unless the user asks to edit it: Chromium lays out all
 * of a textarea's text in one go, a few hundred milliseconds for a 370 KB token on a slow machine, and again on every
 * keystroke, so holding it there would freeze the page. Tokens from Marketing Cloud are a few KB.
 */
export const LARGE_INPUT_CHARS = 100_000;

/** How much of a large token the input shows. */
const PREVIEW_CHARS = 600;

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
 * transparent, so typing, selection, undo and screen readers all work on the textarea. Character count and Clear. A token
 * of LARGE_INPUT_CHARS or more is shown by its start above an empty textarea that replaces it, unless the user edits its text.
 */
export function TokenInput({ value, onChange }: TokenInputProps) {
  const id = useId();
  const mirrorRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // A large token is held out of the textarea until the user asks to edit its text (state reset once it is small again).
  const [editing, setEditing] = useState(false);
  const large = value.length >= LARGE_INPUT_CHARS;
  if (editing && !large) setEditing(false);
  const held = large && !editing;
  const coloured = !held && value.length > 0 && value.length <= MAX_COLOURED_CHARS;
  useEffect(() => {
    if (editing) areaRef.current?.focus();
  }, [editing]);
  const onScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (mirrorRef.current !== null) mirrorRef.current.scrollTop = event.currentTarget.scrollTop;
  };
  // A large paste goes straight to the decoder: inserted into the textarea, Chromium would lay it all out first.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (text.length < LARGE_INPUT_CHARS) return;
    event.preventDefault();
    const area = event.currentTarget;
    const current = held ? '' : area.value;
    setEditing(false);
    onChange(current.slice(0, area.selectionStart) + text + current.slice(area.selectionEnd));
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
      {held && (
        <div className="token-input__held">
          <p className="token-input__held-note" id={`${id}-held`}>
            {numberFormat.format(value.length)} characters: too long to edit here without slowing the page, so the token is decoded without
            being shown in full. Paste or type in the box below to replace it.{' '}
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
              Edit the text
            </button>
          </p>
          <p className="token-input__preview mono">
            <span className="visually-hidden">It starts: </span>
            {value.slice(0, PREVIEW_CHARS)}…
          </p>
        </div>
      )}
      <div className={`token-input__editor${coloured ? ' is-coloured' : ''}${held ? ' is-held' : ''}`}>
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
          ref={areaRef}
          className="token-input__area mono"
          value={held ? '' : value}
          onChange={(e) => onChange(e.target.value)}
          onPaste={onPaste}
          onScroll={onScroll}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder={
            held ? 'Paste or type a token to replace this one' : 'Paste a JWT, an App Center SSO token or an Engagement access token'
          }
          aria-describedby={held ? `${id}-held ${id}-help` : `${id}-help`}
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
