import { ExpiryCountdown } from './expiry-countdown';

/** Props of {@link IssuedTokenHead}. */
export interface IssuedTokenHeadProps {
  accessToken: string;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
  /** The lifetime the server gave, in seconds. */
  lifetimeSeconds: number;
  /** The heading, "Access token issued" unless said otherwise. */
  title?: string;
  /** The token's accessible name, "Access token value" unless said otherwise. */
  valueLabel?: string;
}

/** The top of an issued token, the same for every product: "Access token issued", the live countdown, and the token itself. */
export function IssuedTokenHead({
  accessToken,
  expiresAt,
  lifetimeSeconds,
  title = 'Access token issued',
  valueLabel = 'Access token value',
}: IssuedTokenHeadProps) {
  return (
    <>
      <header className="issued-token__header">
        <h3 className="issued-token__title">
          <span className="issued-token__check" aria-hidden="true">
            ✓
          </span>
          {title}
        </h3>
        <ExpiryCountdown expiresAt={expiresAt} lifetimeSeconds={lifetimeSeconds} />
      </header>
      <pre className="code-block issued-token__value" aria-label={valueLabel} tabIndex={0}>
        {accessToken}
      </pre>
    </>
  );
}
