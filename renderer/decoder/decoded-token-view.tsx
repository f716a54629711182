import { Suspense, useMemo } from 'react';
import type { TokenExplanation } from '../../shared/claims/explained-claim';
import { canEditAndResign } from '../../shared/compose/can-edit-and-resign';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { Badge } from '../common/badge';
import { preloadableLazy } from '../common/preloadable-lazy';
import { SegmentPanel } from './segment-panel';
import { TokenWarningsList } from './token-warnings-list';

/** Props of {@link DecodedTokenView}. */
export interface DecodedTokenViewProps {
  token: DecodedToken;
  explanation: TokenExplanation;
  /** A refresh token of this JWT that the app has spent: the claims holding it are marked. */
  spentRefreshToken?: string | null;
  /** "Edit and re-sign": opens this token in Compose; the button shows for a compact JWS with a JSON payload. */
  onEditAndResign?: (token: DecodedToken) => void;
}

// A payload that is not JSON claims is rare: its panel is a chunk of its own, preloaded with the decoder's other panels.
const payloadText = preloadableLazy(async () => (await import('./payload-text-panel')).PayloadTextPanel);
const PayloadTextPanel = payloadText.Component;
/** Loads the text payload panel's chunk. */
export const preloadPayloadTextPanel = payloadText.preload;

const numberFormat = new Intl.NumberFormat();

/** "1 claim", "1,204 claims", with the user's thousands separator. */
function countNote(count: number, noun: string): string {
  return `${numberFormat.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A decoded token: its kind, its warnings, and its explained payload and header. */
export function DecodedTokenView({ token, explanation, spentRefreshToken = null, onEditAndResign }: DecodedTokenViewProps) {
  const flagged = useMemo(
    () => new Set(explanation.warnings.flatMap((w) => (w.path === undefined || w.severity === 'info' ? [] : [w.path]))),
    [explanation.warnings],
  );
  const spent = useMemo(
    () => new Set(spentRefreshToken === null ? [] : explanation.claims.filter((c) => c.value === spentRefreshToken).map((c) => c.path)),
    [explanation.claims, spentRefreshToken],
  );
  const undocumented = explanation.claims.filter((c) => !c.documented).length;
  return (
    <div className="decoded">
      <div className="decoded__kind">
        <span className="eyebrow">Detected token</span>
        <h2 className="decoded__kind-label" data-token-kind={token.kind}>
          {explanation.kindLabel}
        </h2>
        <div className="decoded__kind-badges">
          <Badge tone="accent">
            {token.serialization === 'compact' ? countNote(token.segments.length, 'segment') : `${token.serialization} JSON`}
          </Badge>
          {token.signatures.length > 1 && <Badge>{countNote(token.signatures.length, 'signature')}</Badge>}
          <Badge>{countNote(explanation.claims.length, 'claim')}</Badge>
          {undocumented > 0 && <Badge tone="warning">{numberFormat.format(undocumented)} undocumented</Badge>}
        </div>
        {onEditAndResign !== undefined && canEditAndResign(token) && (
          <div className="decoded__kind-actions">
            <button type="button" className="button button--secondary button--small" onClick={() => onEditAndResign(token)}>
              Edit and re-sign
            </button>
          </div>
        )}
      </div>
      <TokenWarningsList warnings={explanation.warnings} />
      {/* The payload is what the user came for: it comes first, the header after it. */}
      {token.payloadText === null ? (
        <SegmentPanel
          title="Payload"
          json={token.payload}
          claims={explanation.claims}
          flaggedPaths={flagged}
          spentPaths={spent}
          note={countNote(explanation.claims.length, 'claim')}
        />
      ) : (
        <Suspense fallback={<p className="muted">Loading the payload…</p>}>
          <PayloadTextPanel payload={token.payloadText} />
        </Suspense>
      )}
      <SegmentPanel
        title="Header"
        json={token.header}
        claims={explanation.header}
        flaggedPaths={flagged}
        note={countNote(explanation.header.length, 'parameter')}
      />
    </div>
  );
}
