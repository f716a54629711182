// The installed package's credentials as pasted: client id, client secret and the optional business unit MID.
import { WorkbenchError } from '../errors/workbench-error';
import { CREDENTIAL_FORBIDDEN, MAX_CLIENT_ID_LENGTH } from '../exchange/credential-text';

/** An installed package's credentials, where its tenant is and what to ask for: what a run needs, saved or typed. */
export interface EngagementCredentials {
  clientId: string;
  clientSecret: string;
  /** Exactly one of the subdomain or the auth base URL. */
  subdomain?: string | null;
  authUrl?: string | null;
  /** Space-separated scopes; undefined/null leaves `scope` out (the package's own scopes), "" asks for none. */
  scope?: string | null;
  /** A business unit MID for account_id. */
  accountId?: string | null;
}

/** The longest client secret, trimmed. */
const MAX_CLIENT_SECRET_LENGTH = 256;

/** A business unit MID as account_id takes it (saved profiles too). */
export const MID_PATTERN = /^\d{1,18}$/;

/** The trimmed client id; ERR_CLIENT_ID_INVALID when empty, too long, or holding spaces/control characters. */
export function checkPackageClientId(clientId: string): string {
  const trimmed = clientId.trim();
  if (trimmed === '') {
    throw new WorkbenchError(
      'ERR_CLIENT_ID_INVALID',
      "The client id is empty: copy it from the installed package's API Integration component.",
    );
  }
  if (CREDENTIAL_FORBIDDEN.test(trimmed) || trimmed.length > MAX_CLIENT_ID_LENGTH) {
    throw new WorkbenchError(
      'ERR_CLIENT_ID_INVALID',
      'The client id holds spaces, line breaks or control characters, or is too long: paste only the client id.',
    );
  }
  return trimmed;
}

/** The trimmed client secret; ERR_CLIENT_SECRET_INVALID (never echoing it) when empty, too long, or holding spaces/control characters. */
export function checkClientSecret(secret: string): string {
  const trimmed = secret.trim();
  if (trimmed === '') {
    throw new WorkbenchError(
      'ERR_CLIENT_SECRET_INVALID',
      "The client secret is empty: copy it from the installed package's API Integration component.",
    );
  }
  if (CREDENTIAL_FORBIDDEN.test(trimmed) || trimmed.length > MAX_CLIENT_SECRET_LENGTH) {
    throw new WorkbenchError(
      'ERR_CLIENT_SECRET_INVALID',
      'The client secret holds spaces, line breaks or control characters, or is too long: paste only the secret.',
    );
  }
  return trimmed;
}

/** The business unit MID for `account_id` (digits), or undefined when none is given; ERR_ACCOUNT_ID_INVALID otherwise. */
export function checkAccountId(accountId: string | null | undefined): string | undefined {
  const trimmed = accountId?.trim() ?? '';
  if (trimmed === '') return undefined;
  if (!MID_PATTERN.test(trimmed)) {
    throw new WorkbenchError(
      'ERR_ACCOUNT_ID_INVALID',
      'The account id is the MID of a business unit: digits only (e.g. 510001234). Leave it empty for the default business unit.',
    );
  }
  return trimmed;
}
