/** Props of {@link Spinner}. */
export interface SpinnerProps {
  /** Accessible name; omit when a visible text already says what is happening. */
  label?: string;
}

/** A small CSS spinner for work in progress. */
export function Spinner({ label }: SpinnerProps) {
  return label === undefined ? <span className="spinner" aria-hidden="true" /> : <span className="spinner" role="img" aria-label={label} />;
}
