// A profile's cached token in the profiles table: whether one is cached and how long it has left (never the token), and
// "Copy token", which asks the main process for a valid token (the cached one, or a new one it then caches) and copies it.
// The token reaches the renderer only for that explicit copy, and is not kept here once on the clipboard.
import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { TokenCacheState } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';
import { copyText } from '../common/copy-text';
import { useNow } from '../hooks/use-now';

/** True when the profile has what a token run needs (the main process still checks, and says what is missing). */
export function canGetToken(profile: Profile): boolean {
  switch (profile.product) {
    case 'intelligence':
      return profile.hasSecret && profile.discoveryUrl !== null;
    case 'engagement':
      return profile.hasClientSecret && (profile.subdomain !== null || profile.authUrl !== null);
    case 'engagement-web':
      // Its stored refresh token is what gets a token: a public app has no client secret.
      return profile.hasSecret && (profile.tokenBaseUrl ?? null) !== null;
  }
}

/** "17 min 3 s left" style, to the minute once there are minutes. */
function timeLeft(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s left`;
  return `${Math.floor(seconds / 60)} min left`;
}

/** Whether a token is cached for the profile's current credentials, and its time left, counting down. */
export function TokenCacheLine({ state }: { state: TokenCacheState | undefined }) {
  const now = useNow(5_000);
  if (state === undefined) return null;
  if (!state.cached || state.expiresAt <= now)
    return (
      <span className="profile-token muted" data-token-cached="no">
        No token cached
      </span>
    );
  const until = new Date(state.expiresAt);
  return (
    <span className="profile-token muted" data-token-cached="yes">
      Token cached ·{' '}
      <time dateTime={until.toISOString()} title={`Until ${until.toLocaleTimeString()}`}>
        {timeLeft(state.expiresAt - now)}
      </time>
    </span>
  );
}

/** Props of {@link CopyTokenButton}. */
export interface CopyTokenButtonProps {
  profile: Profile;
  /** The roving tab stop's props. */
  roving: { tabIndex: number; 'data-action': string; onFocus: () => void };
  /** After each try, got or not (a failed one may have dropped a refused token): the states reload. */
  onDone: () => void;
  /** A failure to get one, shown above the table; null clears it. */
  onProblem: (problem: { profile: Profile; error: ErrorPayload } | null) => void;
}

type CopyState = 'idle' | 'busy' | 'copied-cached' | 'copied-new' | 'not-copied';

const SAID: Record<CopyState, string> = {
  idle: '',
  busy: 'Getting a token…',
  'copied-cached': 'Token copied (reused from the cache)',
  'copied-new': 'New token copied',
  'not-copied': 'The clipboard refused the token: try again',
};

/** "Copy token": a valid token of the profile to the clipboard, reused or new; says which, politely. */
export function CopyTokenButton({ profile, roving, onDone, onProblem }: CopyTokenButtonProps) {
  const bridge = useBridge();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle' || state === 'busy') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async (): Promise<void> => {
    setState('busy');
    onProblem(null);
    const reply = await callBridge(bridge, 'profiles:copy-token', { profileId: profile.id });
    if (!reply.ok) {
      setState('idle');
      onProblem({ profile, error: reply.error });
      onDone();
      return;
    }
    const copied = await copyText(reply.value.accessToken);
    setState(!copied ? 'not-copied' : reply.value.cached ? 'copied-cached' : 'copied-new');
    onDone();
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={`Copy token of ${profile.name}`}
        aria-disabled={state === 'busy' ? 'true' : undefined}
        onClick={() => {
          // Not `disabled`: the focus stays on the button while the token is got.
          if (state !== 'busy') void copy();
        }}
        {...roving}
      >
        {state === 'copied-cached' || state === 'copied-new' ? 'Copied' : 'Copy token'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {SAID[state]}
      </span>
    </>
  );
}
