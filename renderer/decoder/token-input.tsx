import { useId } from 'react';

/** Props of {@link TokenInput}. */
export interface TokenInputProps {
  value: string;
  onChange: (value: string) => void;
}

/** The large "Encoded token" textarea, with a character count and a Clear button. */
export function TokenInput({ value, onChange }: TokenInputProps) {
  const id = useId();
  const segments = value.trim().length === 0 ? 0 : value.trim().split('.').length;
  return (
    <section className="panel token-input">
      <header className="panel__header">
        <h2 className="panel__title">
          <label htmlFor={id}>Encoded token</label>
        </h2>
        <span className="panel__note">{value.length === 0 ? 'JWT · SSO JWT · access token' : `${value.length} chars · ${segments} segments`}</span>
        {value.length > 0 && (
          <button type="button" className="button button--ghost button--small" onClick={() => onChange('')}>
            Clear
          </button>
        )}
      </header>
      <textarea
        id={id}
        className="token-input__area mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        placeholder="Paste a JWT, an App Center SSO token or an Engagement access token"
        aria-describedby={`${id}-help`}
      />
      <p className="field__help" id={`${id}-help`}>
        Decoded on this computer as you type: nothing is sent anywhere. Quotes, <code>Bearer </code> and <code>jwt=</code> are ignored.
      </p>
    </section>
  );
}
