/** Props of {@link CopyIcon}. */
export interface CopyIconProps {
  /** Show a check mark instead (after copying). */
  done?: boolean;
}

/** A 14px copy (two sheets) or check icon drawn in SVG, coloured by the current text colour. */
export function CopyIcon({ done = false }: CopyIconProps) {
  return (
    <svg
      className="button__icon"
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      {done ? (
        <path d="M3 8.5l3.2 3.2L13 5" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
          <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" />
        </>
      )}
    </svg>
  );
}
