// The screens other than the decoder, loaded as chunks of their own: most launches open the decoder, so its bundle is
// all the first paint waits for. App preloads them once the decoder is idle; a screen reached before its chunk arrives
// shows ScreenLoading for that moment. Every screen stays mounted once loaded, so a hidden screen keeps its state.
import { Suspense, type ReactNode } from 'react';
import { ScreenErrorBoundary, type ScreenErrorBoundaryProps } from '../common/error-boundary';
import { preloadableLazy } from '../common/preloadable-lazy';

// Each screen's chunk brings its styles (Vite loads a chunk's CSS with it): the run and form styles of credentials.css
// serve every screen but the decoder.
const runStyles = () => import('../styles/credentials.css');
const credentials = preloadableLazy(
  async () => (await Promise.all([import('../intelligence/credentials-screen'), runStyles()]))[0].CredentialsScreen,
);
const engagement = preloadableLazy(
  async () => (await Promise.all([import('../engagement/engagement-screen'), runStyles()]))[0].EngagementScreen,
);
const profiles = preloadableLazy(
  async () => (await Promise.all([import('../profiles/profiles-screen'), runStyles(), import('../styles/profiles.css')]))[0].ProfilesScreen,
);
const compose = preloadableLazy(
  async () => (await Promise.all([import('../compose/compose-screen'), runStyles(), import('../styles/compose.css')]))[0].ComposeScreen,
);

export const CredentialsScreen = credentials.Component;
export const EngagementScreen = engagement.Component;
export const ProfilesScreen = profiles.Component;
export const ComposeScreen = compose.Component;

/** Starts loading every lazy screen; resolves when all are in. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all([credentials.preload(), engagement.preload(), profiles.preload(), compose.preload()]);
}

/** What a screen shows while its chunk loads (a moment, from the app's own files). */
function ScreenLoading({ screen }: { screen: string }) {
  return (
    <div className="screen" aria-busy="true">
      <p className="muted">Loading {screen}…</p>
    </div>
  );
}

/** Props of {@link LazyScreenSlot}. */
export interface LazyScreenSlotProps {
  /** The screen's name, as the navigation shows it. */
  screen: string;
  /** Whether it is the screen in view (the others stay mounted, hidden). */
  current: boolean;
  /** Whether it has been shown yet: a screen is first rendered, and its chunk loaded if not preloaded, when it is. */
  shown: boolean;
  back: ScreenErrorBoundaryProps['back'];
  children: ReactNode;
}

/** A lazy screen's place in the app: hidden unless current, mounted from its first showing, its loading and its failure shown in place. */
export function LazyScreenSlot({ screen, current, shown, back, children }: LazyScreenSlotProps) {
  return (
    <div hidden={!current} className="app__screen">
      <ScreenErrorBoundary screen={screen} back={back}>
        {shown && <Suspense fallback={<ScreenLoading screen={screen} />}>{children}</Suspense>}
      </ScreenErrorBoundary>
    </div>
  );
}
