import type { IssuedToken } from '../../shared/intelligence/flow-types';
import { CopyButton } from '../common/copy-button';
import { ExpiryCountdown } from './expiry-countdown';

/** Props of {@link IssuedTokenView}. */
export interface IssuedTokenViewProps {
  token: IssuedToken;
  onRunAgain: () => void;
}

/** The access token a run obtained: the token, copy buttons, a live countdown to expiry, and Run again. */
export function IssuedTokenView({ token, onRunAgain }: IssuedTokenViewProps) {
  return (
    <section className="issued-token" aria-label="Access token">
      <header className="issued-token__header">
        <h3 className="issued-token__title">
          <span className="issued-token__check" aria-hidden="true">
            ✓
          </span>
          Access token issued
        </h3>
        <ExpiryCountdown expiresAt={token.expiresAt} lifetimeSeconds={token.expiresIn} />
      </header>
      <pre className="code-block issued-token__value" aria-label="Access token value" tabIndex={0}>
        {token.accessToken}
      </pre>
      <p className="field__help">
        Use it as <code>Authorization: Bearer &lt;token&gt;</code>. Issued by <code>{token.tokenEndpoint}</code>.
      </p>
      <div className="button-row">
        <CopyButton text={token.accessToken} label="Copy token" />
        <CopyButton text={token.curl} label="Copy as curl" />
        <button type="button" className="button button--secondary" onClick={onRunAgain}>
          Run again
        </button>
      </div>
    </section>
  );
}
