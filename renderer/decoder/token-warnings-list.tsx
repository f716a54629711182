import type { TokenWarning, TokenWarningCode } from '../../shared/claims/explained-claim';

const DANGER: ReadonlySet<TokenWarningCode> = new Set(['WARN_ALG_NONE', 'WARN_LIVE_TOKENS_IN_CLAIMS', 'WARN_EXPIRED']);

const TITLES: Readonly<Record<TokenWarningCode, string>> = {
  WARN_EXPIRED: 'Expired',
  WARN_NOT_YET_VALID: 'Not yet valid',
  WARN_ALG_NONE: 'Unsigned (alg none)',
  WARN_LIVE_TOKENS_IN_CLAIMS: 'Carries live API tokens',
  WARN_REFRESH_TOKEN_SINGLE_USE: 'Single-use refresh token',
  WARN_NO_EXPIRY: 'No expiry',
  WARN_UNDOCUMENTED_CLAIMS: 'Undocumented claims',
  WARN_PAYLOAD_NOT_JSON: 'Payload is not valid JSON',
  WARN_UNPROTECTED_HEADER: 'Unprotected header',
  WARN_DUPLICATE_KEYS: 'Duplicate JSON names',
  WARN_LEGACY_PACKAGE: 'Legacy packages only',
  WARN_CUSTOM_ACTIVITY_CALL: 'Journey Builder custom activity call',
  WARN_INPUT_STRIPPED: 'Read from a pasted request',
};

type Tone = 'danger' | 'warning' | 'info';
const RANK: Readonly<Record<Tone, number>> = { danger: 0, warning: 1, info: 2 };

function tone(warning: TokenWarning): Tone {
  if (warning.severity === 'info') return 'info';
  return DANGER.has(warning.code) ? 'danger' : 'warning';
}

/** Props of {@link TokenWarningsList}. */
export interface TokenWarningsListProps {
  warnings: readonly TokenWarning[];
}

/** One warning or note: its title, message and claim. */
function WarningItem({ warning }: { warning: TokenWarning }) {
  return (
    <li className={`token-warning token-warning--${tone(warning)}`} data-warning-code={warning.code} data-severity={warning.severity}>
      <span className="token-warning__icon" aria-hidden="true">
        {warning.severity === 'info' ? 'i' : '!'}
      </span>
      <div>
        <p className="token-warning__title">
          {warning.severity === 'info' && <span className="visually-hidden">Note: </span>}
          {TITLES[warning.code]}
          {warning.path !== undefined && <code className="token-warning__path">{warning.path}</code>}
        </p>
        <p className="token-warning__message">{warning.message}</p>
      </div>
    </li>
  );
}

/**
 * The warnings about a token, most serious first, then the notes (information) folded under one line that names them:
 * however many there are, the first claims of the payload stay in view (a v1 SSO JWT has two warnings and three notes).
 */
export function TokenWarningsList({ warnings }: TokenWarningsListProps) {
  const sorted = [...warnings].sort((a, b) => RANK[tone(a)] - RANK[tone(b)]);
  const serious = sorted.filter((warning) => warning.severity !== 'info');
  const notes = sorted.filter((warning) => warning.severity === 'info');
  const noteTitles = [...new Set(notes.map((note) => TITLES[note.code]))];
  return (
    <>
      {serious.length > 0 && (
        <ul className="token-warnings" aria-label="Warnings">
          {serious.map((warning, index) => (
            <WarningItem key={`${warning.code}-${index}`} warning={warning} />
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <details className="token-notes">
          <summary className="token-notes__summary">
            <span className="token-notes__count">
              {notes.length} note{notes.length === 1 ? '' : 's'}
            </span>{' '}
            {noteTitles.join(' · ')}
          </summary>
          <ul className="token-warnings" aria-label="Notes">
            {notes.map((warning, index) => (
              <WarningItem key={`${warning.code}-${index}`} warning={warning} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
