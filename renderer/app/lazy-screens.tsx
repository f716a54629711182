// The screens other than the decoder, loaded as chunks of their own: most launches open the decoder, so its bundle is
// all the first paint waits for. App preloads them once the decoder is idle; a screen reached before its chunk arrives
// shows ScreenLoading for that moment. Every screen stays mounted once loaded, so a hidden screen keeps its state.
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
export function ScreenLoading({ screen }: { screen: string }) {
  return (
    <div className="screen" aria-busy="true">
      <p className="muted">Loading {screen}…</p>
    </div>
  );
}
