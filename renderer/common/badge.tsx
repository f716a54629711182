import type { ReactNode } from 'react';

/** The colour of a badge. */
export type BadgeTone = 'neutral' | 'accent' | 'warning' | 'danger' | 'success';

/** Props of {@link Badge}. */
export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}

/** A small uppercase label (e.g. "Undocumented", "PKCS#1"). */
export function Badge({ tone = 'neutral', children, title }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
