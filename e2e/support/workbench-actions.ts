import { expect, type Page } from '@playwright/test';
import { ui, type ScreenName } from './locators';

/** What the credentials form needs for an Intelligence profile pointed at a discovery URL. */
export interface IntelligenceProfileInput {
  name: string;
  clientId: string;
  discoveryUrl: string;
  /** The private key exactly as pasted (e.g. one line with literal `\n`). */
  key: string;
}

/** Opens a screen from the side navigation and waits for its title. */
export async function openScreen(page: Page, screen: ScreenName): Promise<void> {
  await ui.nav(page, screen).click();
  await expect(ui.nav(page, screen)).toHaveAttribute('aria-current', 'page');
  await expect(ui.screenTitle(page)).toHaveText(screen);
}

/** Fills the Intelligence credentials form (custom discovery URL) and saves it; waits for the saved key's fingerprint. */
export async function saveIntelligenceProfile(page: Page, input: IntelligenceProfileInput): Promise<void> {
  await openScreen(page, 'Intelligence credentials');
  await ui.profileName(page).fill(input.name);
  await ui.clientId(page).fill(input.clientId);
  await ui.region(page).selectOption('custom');
  await ui.discoveryUrl(page).fill(input.discoveryUrl);
  await ui.privateKey(page).fill(input.key);
  await ui.saveProfile(page).click();
  await expect(ui.savedNotice(page)).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
  await expect(ui.privateKey(page)).toHaveValue('');
}

/** Pastes a token into the decoder (fills the textarea as a paste does). */
export async function pasteToken(page: Page, token: string): Promise<void> {
  await openScreen(page, 'Decoder');
  await ui.tokenInput(page).fill(token);
}

/** Saves an Engagement signing secret as a profile from the Profiles screen; waits for its row. */
export async function saveEngagementSecret(page: Page, name: string, secret: string): Promise<void> {
  await openScreen(page, 'Profiles');
  if ((await ui.engagementSecretPanel(page).getAttribute('open')) === null) await ui.engagementSecretToggle(page).click();
  await ui.engagementProfileName(page).fill(name);
  await ui.engagementSecret(page).fill(secret);
  await ui.saveEngagementSecret(page).click();
  await expect(ui.profileRow(page, name)).toContainText('Signing secret (text)');
}
