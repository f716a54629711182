import { useNow } from '../hooks/use-now';

/** Props of {@link ExpiryCountdown}. */
export interface ExpiryCountdownProps {
  /** When the token expires, in ms since the epoch. */
  expiresAt: number;
  /** Its full lifetime in seconds (for the bar), e.g. 300. */
  lifetimeSeconds: number;
}

/** Formats seconds as m:ss. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A live countdown to the token's expiry with a shrinking bar; turns into "Expired". */
export function ExpiryCountdown({ expiresAt, lifetimeSeconds }: ExpiryCountdownProps) {
  const now = useNow(1000);
  const left = (expiresAt - now) / 1000;
  const expired = left <= 0;
  const fraction = lifetimeSeconds > 0 ? Math.min(1, Math.max(0, left / lifetimeSeconds)) : 0;
  return (
    <div className={`countdown${expired ? ' countdown--expired' : left < 60 ? ' countdown--soon' : ''}`}>
      <span className="countdown__text" data-expired={expired}>
        {expired ? 'Expired' : `Expires in ${formatClock(left)}`}
      </span>
      <span className="countdown__bar" aria-hidden="true">
        <span className="countdown__fill" style={{ inlineSize: `${(fraction * 100).toFixed(1)}%` }} />
      </span>
      <span className="visually-hidden" aria-live="polite">
        {expired ? 'The access token has expired.' : ''}
      </span>
    </div>
  );
}
