import { useId } from 'react';
import { REQUEST_TIMEOUT_SECONDS, normaliseTimeoutSeconds } from './request-timeout';

/** Props of {@link RequestTimeoutField}. */
export interface RequestTimeoutFieldProps {
  /** The text in the box (what the user typed; normalised when the box loses focus). */
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  /** What the deadline applies to, before the range; default the Intelligence flow's two network steps. */
  help?: string;
}

/** The "Timeout per request (seconds)" box: whole seconds from 1 to 120; on blur it shows the value a run will use. Enter submits the form (Get token). */
export function RequestTimeoutField({
  value,
  onChange,
  disabled,
  help = 'Discovery and the token request each stop waiting after this long',
}: RequestTimeoutFieldProps) {
  const id = useId();
  const { min, max } = REQUEST_TIMEOUT_SECONDS;
  return (
    <div className="field request-timeout-field">
      <label htmlFor={id}>Timeout per request (seconds)</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onChange(String(normaliseTimeoutSeconds(value)))}
        disabled={disabled}
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className="field__help">
        {help} ({min}–{max} s).
      </p>
    </div>
  );
}
