import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { formatCount } from '../claims-widgets/format-claim-value';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { preloadableLazy, whenIdle } from '../common/preloadable-lazy';
import type { Profile } from '../../shared/profiles/profile';
import { ErrorMessage } from '../common/error-message';
import { useNow } from '../hooks/use-now';
import type { DecodeState } from './decode-input';
import { preloadVirtualTable } from '../claims-widgets/claims-table';
import { DecodedTokenView, preloadPayloadTextPanel } from './decoded-token-view';
import { preloadJsonView } from './segment-panel';
import { defaultKeySource } from './key-source';
import { OpenTokenContext } from '../claims-widgets/secret-claim-value';
import { TokenInput } from './token-input';
import { loadDefaultRunner, useDecodedInput } from './use-decoded-input';

// The signature check (jose, key parsing) and the legacy refresh (SSO JWTs with a refresh token, desktop app only) load
// as chunks of their own, preloaded once the decoder is idle: the first paint waits only for the input and the claims.
const signature = preloadableLazy(async () => (await import('./signature-panel')).SignaturePanel);
const refresh = preloadableLazy(
  async () => (await Promise.all([import('./refresh-panel'), import('../styles/credentials.css')]))[0].RefreshPanel,
);
const SignaturePanel = signature.Component;
/** Loads the decoder's lazy panels; resolves when they are in. */
export const preloadDecoderPanels = (): Promise<unknown> =>
  Promise.all([
    signature.preload(),
    refresh.preload(),
    preloadVirtualTable(),
    preloadJsonView(),
    loadDefaultRunner(),
    preloadPayloadTextPanel(),
  ]);
const RefreshPanel = refresh.Component;

/** Props of {@link DecoderScreen}. */
export interface DecoderScreenProps {
  /** Saved profiles (empty without the desktop app); Engagement ones with a secret feed the signature panel. */
  profiles: readonly Profile[];
  /** A token sent from another screen ("Open in decoder"); a new nonce replaces the input. */
  opened?: { token: string; nonce: number; at: number } | null;
  /** "Edit and re-sign": opens the decoded token in Compose (absent: no button). */
  onEditAndResign?: (token: DecodedToken) => void;
}

function announcement(state: DecodeState): string {
  if (state.status === 'empty') return '';
  if (state.status === 'error') return 'The input could not be decoded.';
  if (state.status === 'decoding') return 'Decoding…';
  const warnings = state.explanation.warnings.filter((w) => w.severity === 'warning').length;
  return `Decoded: ${state.explanation.kindLabel}. ${warnings === 0 ? 'No warnings.' : `${warnings} warning${warnings === 1 ? '' : 's'}.`}`;
}

/** The decoder: paste a token, see its kind, warnings, explained payload and header, and check its signature. All local; a large token is decoded in a Worker, so it never blocks the input. */
export function DecoderScreen({ profiles, opened = null, onEditAndResign }: DecoderScreenProps) {
  // The text and when it was pasted (a lifetime without iat, v1 expiresIn, counts from it, not from every clock tick).
  const [entry, setEntry] = useState(() => ({ text: '', pastedAt: Date.now() }));
  // A token opened from another screen replaces the input once per nonce (state adjusted during render, not in an effect).
  const [openedNonce, setOpenedNonce] = useState(0);
  if (opened !== null && opened.nonce !== openedNonce) {
    setOpenedNonce(opened.nonce);
    setEntry({ text: opened.token, pastedAt: opened.at });
  }
  useEffect(() => whenIdle(preloadDecoderPanels), []);
  // Decoded in the paste's own render: a small token answers in that frame, a large one goes to the Worker (useDecodedInput).
  const input = entry.text;
  const now = useNow(15_000);
  const state = useDecodedInput(input, entry.pastedAt, now);
  const onInput = useCallback((value: string) => setEntry({ text: value, pastedAt: Date.now() }), []);
  // The refresh token a legacy refresh spent, for the input it was spent from: its claim is marked "Spent".
  const [spent, setSpent] = useState<{ input: string; refreshToken: string } | null>(null);
  const onSpent = useCallback((refreshToken: string) => setSpent({ input: input, refreshToken }), [input]);
  const spentRefreshToken = spent !== null && spent.input === input ? spent.refreshToken : null;
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
          {state.status === 'decoding' && (
            <p className="decoder__decoding muted" data-decoding="true">
              Decoding {formatCount(state.chars)} characters…
            </p>
          )}
          {state.status === 'error' && <ErrorMessage error={state.error} title="This is not a token the decoder can read" />}
          {state.status === 'ok' && (
            // A token inside the decoded one (the SSO JWT's mcAccessToken) opens here, in place of the input.
            <OpenTokenContext.Provider value={onInput}>
              <DecodedTokenView
                token={state.token}
                explanation={state.explanation}
                spentRefreshToken={spentRefreshToken}
                {...(onEditAndResign === undefined ? {} : { onEditAndResign })}
              />
            </OpenTokenContext.Provider>
          )}
        </div>
        {state.status === 'ok' && (
          <div className="decoder__signature">
            <Suspense fallback={<p className="muted">Loading the signature check…</p>}>
              <SignaturePanel key={defaultKeySource(state.token.header.alg)} token={state.token} secretProfiles={secretProfiles} />
            </Suspense>
            <Suspense fallback={null}>
              <RefreshPanel key={input} token={state.token} raw={input} onSpent={onSpent} />
            </Suspense>
          </div>
        )}
      </div>
    </div>
  );
}
