import { useEffect, useState } from 'react';
import { CopyIcon } from '../common/copy-icon';
import { copyText } from '../common/copy-text';

/** Props of {@link CopyValueButton}. */
export interface CopyValueButtonProps {
  /** The full value copied (the value beside it shows it as its own tooltip). */
  text: string;
  /** The accessible name, e.g. "Copy client id of Production". */
  label: string;
  /** The roving tab stop's props (tabIndex, data-action, onFocus). */
  roving: { tabIndex: number; 'data-action': string; onFocus: () => void };
}

/** An icon button beside a truncated value in the profiles table: copies the full value and says so (announced politely). */
export function CopyValueButton({ text, label, roving }: CopyValueButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="button button--ghost button--small button--icon"
      aria-label={label}
      title={label}
      onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      {...roving}
    >
      <CopyIcon done={state === 'copied'} />
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy: select the text and copy it by hand' : ''}
      </span>
    </button>
  );
}
