import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { ErrorMessage } from '../common/error-message';
import { RefreshPanel } from './refresh-panel';
import { useNow } from '../hooks/use-now';
import { decodeInput, type DecodeState } from './decode-input';
import { DecodedTokenView } from './decoded-token-view';
import { defaultKeySource } from './key-source';
import { SignaturePanel } from './signature-panel';
import { TokenInput } from './token-input';

/** Props of {@link DecoderScreen}. */
export interface DecoderScreenProps {
  /** Saved profiles (empty without the desktop app); Engagement ones with a secret feed the signature panel. */
  profiles: readonly Profile[];
  /** A token sent from another screen ("Open in decoder"); a new nonce replaces the input. */
  opened?: { token: string; nonce: number; at: number } | null;
}

function announcement(state: DecodeState): string {
  if (state.status === 'empty') return '';
  if (state.status === 'error') return 'The input could not be decoded.';
  const warnings = state.explanation.warnings.filter((w) => w.severity === 'warning').length;
  return `Decoded: ${state.explanation.kindLabel}. ${warnings === 0 ? 'No warnings.' : `${warnings} warning${warnings === 1 ? '' : 's'}.`}`;
}

/** The decoder: paste a token, see its kind, warnings, explained payload and header, and check its signature. All local; decoding follows typing at a lower priority (useDeferredValue), so large tokens do not block the input. */
export function DecoderScreen({ profiles, opened = null }: DecoderScreenProps) {
  const [input, setInput] = useState('');
  // When the text was pasted: a lifetime without iat (v1 expiresIn) counts from it, not from every clock tick.
  const [pastedAt, setPastedAt] = useState(() => Date.now());
  // A token opened from another screen replaces the input once per nonce (state adjusted during render, not in an effect).
  const [openedNonce, setOpenedNonce] = useState(0);
  if (opened !== null && opened.nonce !== openedNonce) {
    setOpenedNonce(opened.nonce);
    setInput(opened.token);
    setPastedAt(opened.at);
  }
  const deferred = useDeferredValue(input);
  const now = useNow(15_000);
  const state = useMemo(() => decodeInput(deferred, now, pastedAt), [deferred, now, pastedAt]);
  const onInput = (value: string) => {
    setInput(value);
    setPastedAt(Date.now());
  };
  // The refresh token a legacy refresh spent, for the input it was spent from: its claim is marked "Spent".
  const [spent, setSpent] = useState<{ input: string; refreshToken: string } | null>(null);
  const onSpent = useCallback((refreshToken: string) => setSpent({ input: deferred, refreshToken }), [deferred]);
  const spentRefreshToken = spent !== null && spent.input === deferred ? spent.refreshToken : null;
  const secretProfiles = useMemo(() => profiles.filter((p) => p.product === 'engagement' && p.hasSecret), [profiles]);

  return (
    <div className="screen decoder">
      <header className="screen__header">
        <div>
          <h1 className="screen__title">Decoder</h1>
          <p className="screen__subtitle">Paste a token to see what it is, what every claim means, and whether its signature holds.</p>
        </div>
      </header>
      {/* Input, result, then signature: on a wide window the signature sits under the input, on a narrow one under the result. */}
      <div className="decoder__columns">
        <div className="decoder__input">
          <TokenInput value={input} onChange={onInput} />
        </div>
        <div className="decoder__output">
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement(state)}
          </p>
          {state.status === 'empty' && (
            <div className="empty-state">
              <span className="empty-state__glyph" aria-hidden="true">
                {'{ }'}
              </span>
              <p className="empty-state__title">Paste a JWT, an App Center SSO token or an Engagement access token</p>
              <p className="empty-state__text">
                Every claim is explained in plain words, times are read in human terms, and HS256 signatures are checked with the package's
                JWT signing secret. Nothing leaves this computer.
              </p>
            </div>
          )}
          {state.status === 'error' && <ErrorMessage error={state.error} title="This is not a token the decoder can read" />}
          {state.status === 'ok' && (
            <DecodedTokenView token={state.token} explanation={state.explanation} spentRefreshToken={spentRefreshToken} />
          )}
        </div>
        {state.status === 'ok' && (
          <div className="decoder__signature">
            <SignaturePanel key={defaultKeySource(state.token.header.alg)} token={state.token} secretProfiles={secretProfiles} />
            <RefreshPanel key={deferred} token={state.token} raw={deferred} onSpent={onSpent} />
          </div>
        )}
      </div>
    </div>
  );
}
