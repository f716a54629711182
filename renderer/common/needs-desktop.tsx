import { Notice } from './notice';

/** Props of {@link NeedsDesktop}. */
export interface NeedsDesktopProps {
  /** What the screen does, e.g. "Testing Intelligence credentials". */
  feature: string;
}

/** The plain statement shown when a screen needs the desktop app (keychain, network) and the UI runs in a browser. */
export function NeedsDesktop({ feature }: NeedsDesktopProps) {
  return (
    <Notice tone="info" title="This needs the desktop app">
      <p>
        {feature} uses the OS keychain and makes network calls from the app, so it only works in the MC Token Workbench desktop app. The
        Decoder works fully here.
      </p>
    </Notice>
  );
}
