import { ExpiryCountdown } from './expiry-countdown';

/** Props of {@link IssuedTokenHead}. */
export interface IssuedTokenHeadProps {
  accessToken: string;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
  /** The lifetime the server gave, in seconds. */
  lifetimeSeconds: number;
}

/** The top of an issued token, the same for every product: "Access token issued", the live countdown, and the token itself. */
export function IssuedTokenHead({ accessToken, expiresAt, lifetimeSeconds }: IssuedTokenHeadProps) {
  return (
    <>
      <header className="issued-token__header">
        <h3 className="issued-token__title">
          <span className="issued-token__check" aria-hidden="true">
            ✓
          </span>
          Access token issued
        </h3>
        <ExpiryCountdown expiresAt={expiresAt} lifetimeSeconds={lifetimeSeconds} />
      </header>
      <pre className="code-block issued-token__value" aria-label="Access token value" tabIndex={0}>
        {accessToken}
      </pre>
    </>
  );
}
