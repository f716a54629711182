// The profile service's errors: one place for their codes and wording. Names are shown; keys and secrets never are.
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { Product } from '../../../shared/profiles/profile';
import { MAX_PROFILE_NAME_LENGTH } from '../../../shared/profiles/profile';

/** How each product is named in messages. */
export const PRODUCT_LABELS: Readonly<Record<Product, string>> = {
  intelligence: 'Marketing Cloud Intelligence',
  engagement: 'Marketing Cloud Engagement',
  'engagement-web': 'Marketing Cloud Engagement web or public app',
};

/** The exact fixed messages of the profile service (tests and UIs compare against these). */
export const PROFILE_MESSAGES = {
  notFound: 'No saved profile has this id: reload the profile list and pick one.',
  nameLength: `Give the profile a name of 1 to ${MAX_PROFILE_NAME_LENGTH} characters.`,
  product: 'Choose the product of the profile: Marketing Cloud Intelligence or Engagement.',
  secretHex: 'The JWT signing secret is not valid hex (pairs of 0-9, a-f): paste it again or choose the "text" encoding.',
  secretBase64: 'The JWT signing secret is not valid base64: paste it again or choose the "text" encoding.',
  keyForClientId: 'The client id changed: paste the private key again. A stored key only signs for the client id it was saved with.',
  keyForDiscovery:
    'The discovery URL now points to another site: paste the private key again. A stored key only signs for the site it was saved with.',
  clientSecretForClientId:
    'The client id changed: give the client secret again. A stored client secret is only sent for the client id it was saved with.',
  clientSecretForAuthHost:
    'The subdomain or auth base URL now points to another auth host: give the client secret again. A stored client secret is only sent to the auth host it was saved with.',
} as const;

/** ERR_PROFILE_NOT_FOUND. */
export function profileNotFoundError(): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_NOT_FOUND', PROFILE_MESSAGES.notFound);
}

/** ERR_PROFILE_NOT_FOUND for a name (the CLI looks profiles up by name). */
export function profileNotFoundByNameError(name: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_NOT_FOUND', `No profile is named "${name}": run "mctoken profiles list" to see the saved ones.`);
}

/** ERR_PROFILE_INVALID with one of the fixed messages. */
export function profileInvalidError(message: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_INVALID', message);
}

/** ERR_PROFILE_NAME_TAKEN: another profile has this name, ignoring case. */
export function profileNameTakenError(name: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_NAME_TAKEN', `A profile named "${name}" already exists: choose another name.`);
}

/** ERR_PROFILE_INVALID listing what a profile of this product still needs. */
export function profileMissingError(product: Product, missing: readonly string[]): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILE_INVALID',
    `This ${PRODUCT_LABELS[product]} profile is missing ${missing.join(', ')}: fill them in and save again.`,
  );
}

/** ERR_PROFILE_INVALID: the profile is for the other product, so it has no secret of the kind asked for. */
export function wrongProductError(name: string, product: Product, what: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${name}" is a ${PRODUCT_LABELS[product]} profile: it has no ${what}.`);
}

/** ERR_PROFILE_INVALID: a token run of one product was asked of a profile of the other (`actual`). */
export function otherProductError(actual: Product, asked?: Product): WorkbenchError {
  const wanted: Product = asked ?? (actual === 'intelligence' ? 'engagement' : 'intelligence');
  return new WorkbenchError(
    'ERR_PROFILE_INVALID',
    `This profile is for ${PRODUCT_LABELS[actual]}: getting this token needs a ${PRODUCT_LABELS[wanted]} profile.`,
  );
}

/** ERR_PROFILE_INVALID: a web app profile is saved only from a sign-in (its refresh token never crosses to the renderer). */
export function webAppSaveError(): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILE_INVALID',
    'A web or public app profile is saved from a sign-in: use "Save as profile" after signing in, or mctoken login --save NAME.',
  );
}

/** ERR_PROFILE_INVALID: the profile was saved without its secret. */
export function noSecretStoredError(name: string, what: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${name}" has no ${what} stored: edit it and paste the ${what}.`);
}

/** ERR_KEYCHAIN_NOT_FOUND: the profile says a secret is stored, but the keychain has none (deleted there, or another keychain). */
export function secretGoneError(name: string, what: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_KEYCHAIN_NOT_FOUND',
    `The ${what} of profile "${name}" is not in the OS keychain (it may have been deleted there): edit the profile and paste the ${what} again.`,
  );
}

/** ERR_PROFILE_KEY_REQUIRED: an update would point the stored key at another client or site, so the key must be given again. */
export function keyRequiredError(message: string): WorkbenchError {
  return new WorkbenchError('ERR_PROFILE_KEY_REQUIRED', message);
}
