import { SCREENS, type ScreenId } from './screens';

/** Props of {@link SideNav}. */
export interface SideNavProps {
  current: ScreenId;
  onSelect: (screen: ScreenId) => void;
  /** The app version (desktop app) or null (browser). */
  version: string | null;
}

/** One 20×20 line icon per screen, drawn on the same grid so they line up at the same size. */
const ICON_PATHS: Readonly<Record<string, string>> = {
  decoder:
    'M7 3.5C5 3.5 5 5 5 6.5v1.2c0 1-.6 1.8-1.8 2.3 1.2.5 1.8 1.3 1.8 2.3v1.2c0 1.5 0 3 2 3M13 3.5c2 0 2 1.5 2 3v1.2c0 1 .6 1.8 1.8 2.3-1.2.5-1.8 1.3-1.8 2.3v1.2c0 1.5 0 3-2 3',
  credentials: 'M7 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zM10.2 10.2l6.8 6.8M14.2 14.2l-2 2M16.5 16.5l-2 2',
  engagement: 'M3.5 10h9M9.5 7l3 3-3 3M13.5 4.5h3v11h-3',
  profiles: 'M4 5.5h12M4 10h12M4 14.5h12',
  compose: 'M4 16l1-4 8.5-8.5a2.1 2.1 0 0 1 3 3L8 15l-4 1zM12 5l3 3',
};

/** A screen's icon; screens without their own get a dot. */
function ScreenIcon({ id }: { id: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICON_PATHS[id] ?? 'M10 10h.01'} />
    </svg>
  );
}

/** The left navigation: the app's name, one button per screen (current marked with aria-current), and the version. Icons only below 900 px, each with a visible tooltip. */
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
                <ScreenIcon id={screen.id} />
              </span>
              {/* Below 900 px only the icon shows: this text becomes its tooltip (on hover and keyboard focus). */}
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
