import type { Locator, Page } from '@playwright/test';
import type { FlowStepId } from '../../shared/intelligence/flow-types';

/** The app's screens as the side navigation names them. */
export type ScreenName = 'Decoder' | 'Intelligence credentials' | 'Engagement credentials' | 'Profiles' | 'Compose';

/** The screen on show: every screen stays mounted, the others are `hidden`. */
const shown = (page: Page): Locator => page.locator('.app__screen:not([hidden])');

/** Every locator the e2e suites, the screenshots script and the bench use: the one place that knows the UI's hooks. */
export const ui = {
  /** A side-navigation button. */
  nav: (page: Page, screen: ScreenName): Locator => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }),
  /** A navigation button's text: beside the icon from 900 px, its tooltip below. */
  navText: (page: Page, screen: ScreenName): Locator =>
    page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).locator('.side-nav__text'),
  /** Every navigation icon. */
  navIcons: (page: Page): Locator => page.getByRole('navigation', { name: 'Screens' }).locator('.side-nav__icon svg'),
  /** The column the screens scroll in. */
  mainColumn: (page: Page): Locator => page.locator('.app__main'),
  /** The heading of the screen on show. */
  screenTitle: (page: Page): Locator => shown(page).locator('.screen__title'),
  /** The screen on show. */
  shownScreen: shown,

  // Decoder
  /** The decoder's token input. */
  tokenInput: (page: Page): Locator => shown(page).getByLabel('Encoded token'),
  /** All claim rows (each carries `data-claim-path`). */
  claimRows: (page: Page): Locator => shown(page).locator('[data-claim-path]'),
  /** The row of one claim, by dotted path. */
  claimRow: (page: Page, path: string): Locator => shown(page).locator(`[data-claim-path="${path}"]`),
  /** The explanation cell of a claim row. */
  claimExplanation: (page: Page, path: string): Locator => shown(page).locator(`[data-claim-path="${path}"] .claim-row__explanation`),
  /** The filter over all claims of a long (virtualized) claims table. */
  claimsFilter: (page: Page): Locator => shown(page).getByLabel('Filter claims'),
  /** The payload's claims table. */
  payloadClaimsTable: (page: Page): Locator => shown(page).getByRole('table', { name: 'Payload claims' }),
  /** "Decoding … characters": a large token is being decoded in the Worker. */
  decoding: (page: Page): Locator => shown(page).locator('[data-decoding]'),
  /** The decoder's signing secret input. */
  signingSecret: (page: Page): Locator => shown(page).getByLabel('Signing secret', { exact: true }),
  /** The decoder's secret encoding (text, hex for a Salt key, base64). */
  secretEncoding: (page: Page): Locator => shown(page).getByLabel('Secret encoding'),
  /** Which reading of the secret the verdict compared (`data-secret-reading` text | hex | base64). */
  secretReading: (page: Page): Locator => shown(page).locator('[data-secret-reading]'),
  /** The element whose `data-signature-status` says valid | invalid | unchecked | unsupported. */
  signatureStatus: (page: Page): Locator => shown(page).locator('[data-signature-status]'),
  /** A token warning, by code (e.g. WARN_EXPIRED). */
  tokenWarning: (page: Page, code: string): Locator => shown(page).locator(`[data-warning-code="${code}"]`),
  /** The folded notes about a token (information, not warnings): a summary line naming them. */
  tokenNotes: (page: Page): Locator => shown(page).locator('details.token-notes'),
  /** The coloured mirror under the token input (one span per segment). */
  tokenSegments: (page: Page): Locator => shown(page).getByTestId('token-mirror').locator('.token-segment'),
  /** The token input's header (title, counter, Clear). */
  tokenInputHeader: (page: Page): Locator => shown(page).locator('.token-input .panel__header'),
  /** The decoder's signature panel. */
  signaturePanel: (page: Page): Locator => shown(page).getByRole('region', { name: 'Signature' }),
  /** The decoder's "Legacy refresh" panel (an SSO JWT with a refresh token). */
  legacyRefresh: (page: Page): Locator => shown(page).getByRole('region', { name: 'Legacy refresh' }),
  /** The decoder's PEM public key input. */
  publicKeyPem: (page: Page): Locator => shown(page).getByLabel('Public key (PEM)'),
  /** The decoder's JWK or JWK Set input. */
  jwkInput: (page: Page): Locator => shown(page).getByLabel('JWK or JWK Set (JSON)'),
  /** A JWS payload that is not JSON claims, shown as text (`data-payload-encoding` utf8 or hex). */
  payloadText: (page: Page): Locator => shown(page).getByLabel('Payload text'),
  /** Each signature's verdict of a JWS with several (`data-signature-result`). */
  signatureResults: (page: Page): Locator => shown(page).locator('[data-signature-result]'),
  /** The decoder's error panel (input that is not a token). */
  decoderError: (page: Page): Locator => shown(page).locator('.decoder__output [role="alert"]'),
  /** The decoder's empty state. */
  decoderEmptyState: (page: Page): Locator => shown(page).locator('.decoder__output .empty-state'),

  // Intelligence credentials
  /** The credentials form. */
  credentialsForm: (page: Page): Locator => shown(page).getByRole('form', { name: 'Intelligence credentials' }),
  profileName: (page: Page): Locator => shown(page).getByLabel('Profile name'),
  clientId: (page: Page): Locator => shown(page).getByLabel('Client id (service account id)'),
  region: (page: Page): Locator => shown(page).getByLabel('Region'),
  discoveryUrl: (page: Page): Locator => shown(page).getByLabel('Discovery URL'),
  privateKey: (page: Page): Locator => shown(page).getByLabel('Private key', { exact: true }),
  saveProfile: (page: Page): Locator => shown(page).getByRole('button', { name: /^Save (profile|changes)$/ }),
  /** "Edited · not saved" on a saved profile whose form was changed. */
  editedBadge: (page: Page): Locator => shown(page).getByTestId('edited-badge'),
  /** The timeout box of the credentials form, in seconds (sent as `timeoutMs` with `intelligence:run`). */
  requestTimeout: (page: Page): Locator => shown(page).getByLabel('Timeout per request (seconds)'),
  /** "Get token" on the credentials form: runs the form as it stands (the saved profile when unchanged). */
  getToken: (page: Page): Locator =>
    shown(page).getByRole('form', { name: 'Intelligence credentials' }).getByRole('button', { name: 'Get token' }),
  /** The hidden file input behind "Import service-account file…", and what the last import gave (or its coded error). */
  serviceAccountFile: (page: Page): Locator => shown(page).getByLabel('Service-account file', { exact: true }),
  serviceAccountImportStatus: (page: Page): Locator => shown(page).getByTestId('service-account-import-status'),
  /** The notice after a save, with the stored key's fingerprint. */
  savedNotice: (page: Page): Locator => shown(page).getByTestId('saved-fingerprint'),
  /** The message shown next to an invalid field of the credentials form, by the field's label. */
  fieldError: (page: Page, label: string): Locator =>
    shown(page)
      .locator('.field', { has: page.getByLabel(label, { exact: true }) })
      .locator('.field__error'),
  /** The form's save error. */
  saveError: (page: Page): Locator => shown(page).locator('.credentials-form .panel__footer-status [role="alert"]'),
  /** The "Get an access token" panel. */
  tokenPanel: (page: Page): Locator => shown(page).getByRole('region', { name: 'Get an access token' }),
  /** What the run used: "with the saved profile …" or "with the form as it stands (not saved)". */
  runSubject: (page: Page): Locator => shown(page).getByRole('region', { name: 'Get an access token' }).locator('.panel__note'),
  cancelRun: (page: Page): Locator =>
    shown(page).getByRole('region', { name: 'Get an access token' }).getByRole('button', { name: 'Cancel' }),
  /** The run's one-line live status (focused when a run starts). */
  runStatus: (page: Page): Locator => shown(page).locator('.token-run__status'),
  /** The issued token's copy buttons: the token, an API call using it, and the token request. */
  copyToken: (page: Page): Locator => shown(page).getByRole('button', { name: /^Copy token$/ }),
  copyBearerCurl: (page: Page): Locator => shown(page).getByRole('button', { name: /^Copy as curl/ }),
  copyTokenRequest: (page: Page): Locator => shown(page).getByRole('button', { name: /^Copy token request \(curl\)/ }),
  /** One step of the flow (carries `data-step-status`). */
  step: (page: Page, id: FlowStepId): Locator => shown(page).locator(`[data-step-id="${id}"]`),
  /** The error shown inside a step. */
  stepError: (page: Page, id: FlowStepId): Locator => shown(page).locator(`[data-step-id="${id}"] .step__error`),
  /** The run's error when no step carries it. */
  runError: (page: Page): Locator =>
    shown(page).getByRole('region', { name: 'Get an access token' }).locator('.panel__body > [role="alert"]'),
  /** The issued token section. */
  issuedToken: (page: Page): Locator => shown(page).getByRole('region', { name: 'Access token', exact: true }),
  accessTokenValue: (page: Page): Locator => shown(page).getByLabel('Access token value'),
  countdown: (page: Page): Locator => shown(page).locator('.countdown__text'),
  /** The "needs the desktop app" notice. */
  needsDesktop: (page: Page): Locator => shown(page).getByText('This needs the desktop app'),

  /** The "Use" box above either credentials form: a saved profile of that product, or a new one. */
  profilePicker: (page: Page): Locator => shown(page).getByLabel('Use', { exact: true }),
  /** "Run again" in the run panel: submits the form as it now stands (the saved profile when unchanged). */
  runAgain: (page: Page): Locator => shown(page).getByRole('button', { name: 'Run again' }),
  /** The Engagement credentials form. */
  engagementForm: (page: Page): Locator => shown(page).getByRole('form', { name: 'Engagement credentials' }),

  // Profiles
  /** The profiles search box and sort choice. */
  profileSearch: (page: Page): Locator => shown(page).getByRole('searchbox', { name: 'Search profiles' }),
  profileSort: (page: Page): Locator => shown(page).getByLabel('Sort by'),
  profileRow: (page: Page, name: string): Locator =>
    shown(page)
      .locator('.profiles-table tbody tr')
      .filter({ has: page.getByRole('rowheader', { name }) }),
  profileRows: (page: Page): Locator => shown(page).locator('.profiles-table tbody tr'),
  useProfile: (page: Page, name: string): Locator => shown(page).getByRole('button', { name: `Use ${name}` }),
  renameProfile: (page: Page, name: string): Locator => shown(page).getByRole('button', { name: `Rename ${name}` }),
  deleteProfile: (page: Page, name: string): Locator => shown(page).getByRole('button', { name: `Delete ${name}` }),
  confirmDelete: (page: Page): Locator => page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }),
  noProfiles: (page: Page): Locator => shown(page).getByText('No profiles yet'),
  /** A profile's "Copy token" and its cached-token line ("Token cached · N min left" or "No token cached"). */
  copyProfileToken: (page: Page, name: string): Locator => shown(page).getByRole('button', { name: `Copy token of ${name}` }),
  profileTokenState: (page: Page, name: string): Locator => ui.profileRow(page, name).locator('.profile-token'),
  /** The collapsible "Add an Engagement signing secret" panel and its fields. */
  engagementSecretPanel: (page: Page): Locator => shown(page).locator('details.engagement-secret'),
  engagementSecretToggle: (page: Page): Locator => shown(page).locator('details.engagement-secret > summary'),
  engagementProfileName: (page: Page): Locator => shown(page).locator('details.engagement-secret').getByLabel('Profile name'),
  engagementSecret: (page: Page): Locator => shown(page).getByLabel('JWT signing secret'),
  saveEngagementSecret: (page: Page): Locator => shown(page).getByRole('button', { name: 'Save secret' }),
  /** The decoder's "Verify with" key source select. */
  verifyWith: (page: Page): Locator => shown(page).getByLabel('Verify with'),
  /** The decoder's saved-secret profile select. */
  savedSecretProfile: (page: Page): Locator => shown(page).getByLabel('Saved signing secret'),

  // Compose
  /** "Edit and re-sign" in the decoded token's header: opens the token in Compose. */
  editAndResign: (page: Page): Locator => shown(page).getByRole('button', { name: 'Edit and re-sign' }),
  composeTemplate: (page: Page): Locator => shown(page).getByLabel('Template', { exact: true }),
  composePayload: (page: Page): Locator => shown(page).getByLabel('Payload (JSON)'),
  composeHeader: (page: Page): Locator => shown(page).getByLabel('Header (JSON)'),
  composeAlg: (page: Page): Locator => shown(page).getByLabel('Algorithm', { exact: true }),
  composeLifetime: (page: Page): Locator => shown(page).getByLabel(/^Lifetime/),
  composeSecret: (page: Page): Locator => shown(page).getByLabel('Secret', { exact: true }),
  composeSecretEncoding: (page: Page): Locator => shown(page).getByLabel('Secret encoding'),
  composePrivateKey: (page: Page): Locator => shown(page).getByLabel('Private key (PEM)'),
  /** The "Sign HS256" (etc.) button. */
  composeSign: (page: Page): Locator => shown(page).getByRole('button', { name: /^Sign / }),
  signedToken: (page: Page): Locator => shown(page).getByLabel('Signed token text'),
  sendUrl: (page: Page): Locator => shown(page).getByLabel('Endpoint URL'),
  sendStyle: (page: Page): Locator => shown(page).getByLabel('Send as'),
  sendButton: (page: Page): Locator => shown(page).getByRole('region', { name: 'Send to endpoint' }).getByRole('button', { name: 'Send' }),
  /** The answer of a send (carries `data-status`). */
  sendReport: (page: Page): Locator => shown(page).locator('.send-report'),
};

/** CSS selectors for in-page code (bench measurements), matching the locators above. */
export const selectors = {
  claimRow: '[data-claim-path]',
  /** The attribute holding a claim row's dotted path. */
  claimPathAttribute: 'data-claim-path',
  /** The scroll box of a long (virtualized) claims table. */
  claimsScroll: '.claims-scroll',
  signatureStatus: '[data-signature-status]',
  /** The accessible label of the token input. */
  tokenInputLabel: 'Encoded token',
};
