import { SCREENS, type ScreenId } from './screens';

/** Props of {@link SideNav}. */
export interface SideNavProps {
  current: ScreenId;
  onSelect: (screen: ScreenId) => void;
  /** The app version (desktop app) or null (browser). */
  version: string | null;
}

const ICONS: Readonly<Record<ScreenId, string>> = { decoder: '{ }', credentials: '⇄', engagement: '⚿', profiles: '☰' };

/** The left navigation: the app's name, one button per screen (current marked with aria-current), and the version. */
export function SideNav({ current, onSelect, version }: SideNavProps) {
  return (
    <nav className="side-nav" aria-label="Screens">
      <div className="side-nav__brand">
        <span className="side-nav__logo" aria-hidden="true">
          MC
        </span>
        <span className="side-nav__name">
          Token Workbench
          <span className="side-nav__tagline">Marketing Cloud</span>
        </span>
      </div>
      <ul className="side-nav__list">
        {SCREENS.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="side-nav__item"
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => onSelect(screen.id)}
            >
              <span className="side-nav__icon" aria-hidden="true">
                {ICONS[screen.id]}
              </span>
              <span className="side-nav__text">
                {screen.label}
                <span className="side-nav__hint">{screen.hint}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="side-nav__footer">{version === null ? 'Browser mode · decoder only' : `v${version}`}</p>
    </nav>
  );
}
