import type { AppInfo } from '../../shared/ipc/ipc-contract';
import type { QueryState } from '../hooks/use-bridge-query';

/** Props of {@link KeychainBanner}. */
export interface KeychainBannerProps {
  appInfo: QueryState<AppInfo>;
}

/** A banner when the OS keychain does not answer: what is wrong, what to do, and that decoding still works. */
export function KeychainBanner({ appInfo }: KeychainBannerProps) {
  if (appInfo.status !== 'ok' || appInfo.value.keychain.available) return null;
  const { error } = appInfo.value.keychain;
  return (
    <div className="banner banner--warning" role="alert">
      <span className="banner__icon" aria-hidden="true">
        !
      </span>
      <div className="banner__body">
        <p className="banner__title">The OS keychain is not available: saved credentials cannot be used</p>
        <p>{error.message}</p>
        {error.hint !== undefined && <p className="muted">{error.hint}</p>}
        <p className="muted">The Decoder still works, including signature checks with a pasted secret or key.</p>
        <code className="banner__code">{error.code}</code>
      </div>
    </div>
  );
}
