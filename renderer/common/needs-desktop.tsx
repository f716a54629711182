import { NO_SESSION_ATTRIBUTE, type NoSessionReason } from '../../shared/ipc/http-protocol';
import { Notice } from './notice';

/** Props of {@link NeedsDesktop}. */
export interface NeedsDesktopProps {
  /** What the screen does, e.g. "Testing Intelligence credentials". */
  feature: string;
}

/** Why this tab of `mctoken ui` has no session, as its page bridge put it on <html>; null in Electron or a plain browser. */
function noSessionReason(): NoSessionReason | null {
  const reason = typeof document === 'undefined' ? null : document.documentElement.getAttribute(NO_SESSION_ATTRIBUTE);
  return reason === 'none' || reason === 'refused' || reason === 'unreachable' ? reason : null;
}

const NO_SESSION: Record<NoSessionReason, string> = {
  none: 'This tab has no mctoken ui session (a bookmark, a new tab, or an address already used).',
  refused: 'This address was already used or is older than 60 seconds, so it opens nothing.',
  unreachable: 'The mctoken ui server is not answering.',
};

/**
 * The plain statement shown when a screen needs the app's services and the page has none: in a tab of `mctoken ui` without
 * a session, how to get one; in a plain browser, that it needs the desktop app.
 */
export function NeedsDesktop({ feature }: NeedsDesktopProps) {
  const reason = noSessionReason();
  if (reason !== null)
    return (
      <Notice tone="info" title="Open the address mctoken ui printed">
        <p>{NO_SESSION[reason]}</p>
        <p>
          {reason === 'unreachable'
            ? 'Run mctoken ui again and open the address it prints.'
            : 'Each address opens one tab, once, within 60 seconds: press Enter in the terminal where mctoken ui runs for a new address and open it, or run mctoken ui again.'}{' '}
          The Decoder works fully here meanwhile.
        </p>
      </Notice>
    );
  return (
    <Notice tone="info" title="This needs the desktop app">
      <p>
        {feature} uses the OS keychain and makes network calls from the app, so it only works in the MC Token Workbench desktop app. The
        Decoder works fully here.
      </p>
    </Notice>
  );
}
