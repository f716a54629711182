import { useEffect, useState } from 'react';
import { CopyIcon } from './copy-icon';
import { copyText } from './copy-text';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text to copy. */
  text: string;
  /** The button's label, e.g. "Copy token". */
  label: string;
  /** Extra class names. */
  className?: string;
  /** The id of a text that says more about what is copied (`aria-describedby`). */
  describedBy?: string;
}

/** A button that copies text and says "Copied" (announced politely) for a moment. */
export function CopyButton({ text, label, className, describedBy }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);
  const onClick = async () => setState((await copyText(text)) ? 'copied' : 'failed');
  return (
    <button
      type="button"
      className={`button button--secondary${className === undefined ? '' : ` ${className}`}`}
      onClick={() => void onClick()}
      aria-describedby={describedBy}
    >
      <CopyIcon done={state === 'copied'} />
      {label}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy: select the text and copy it by hand' : ''}
      </span>
    </button>
  );
}
