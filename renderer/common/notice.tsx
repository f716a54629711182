import type { ReactNode } from 'react';

/** The tone of a notice: information, a warning, or a success. */
export type NoticeTone = 'info' | 'warning' | 'success' | 'danger';

/** Props of {@link Notice}. */
export interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  children?: ReactNode;
  /** Extra class names. */
  className?: string;
}

/** A bordered notice panel with an icon, used for banners, warnings and hints. */
export function Notice({ tone = 'info', title, children, className }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}${className === undefined ? '' : ` ${className}`}`}>
      <span className="notice__icon" aria-hidden="true">
        {tone === 'warning' || tone === 'danger' ? '!' : tone === 'success' ? '✓' : 'i'}
      </span>
      <div className="notice__body">
        {title !== undefined && <p className="notice__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
