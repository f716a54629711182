import { createContext, useContext, useState } from 'react';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { secretMask } from '../../shared/exchange/mask-secrets';
import { formatClaimValue } from './format-claim-value';

/** Opens a token in the decoder (replacing the input); null where there is no decoder to open it in. */
export const OpenTokenContext = createContext<((token: string) => void) | null>(null);

/** Props of {@link SecretClaimValue}. */
export interface SecretClaimValueProps {
  /** A claim whose catalog entry marks it a live credential (`secret`). */
  claim: ExplainedClaim;
}

/**
 * A live credential inside a token (a refresh token, the SSO JWT's mcAccessToken): masked with its true length until
 * shown, and, for a token that decodes on its own, "Open in decoder". Masking keeps it off a shared screen; the JSON view
 * still has the payload as it is.
 */
export function SecretClaimValue({ claim }: SecretClaimValueProps) {
  const [shown, setShown] = useState(false);
  const open = useContext(OpenTokenContext);
  const text = formatClaimValue(claim.value);
  return (
    <span className="secret-claim" data-secret={claim.secret} data-masked={shown ? undefined : 'true'}>
      <code className="value value--string">{shown ? text : secretMask(text.length)}</code>
      <span className="secret-claim__actions">
        {/* The names carry the path (several secrets may share a table) and start with the visible words. */}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={shown}
          aria-label={`Show ${claim.path}`}
          onClick={() => setShown((s) => !s)}
        >
          Show
        </button>
        {claim.secret === 'token' && open !== null && (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={`Open in decoder: ${claim.path}`}
            onClick={() => open(text)}
          >
            Open in decoder
          </button>
        )}
      </span>
    </span>
  );
}
