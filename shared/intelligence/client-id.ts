// The Intelligence client id (service account id): what users paste, checked before anything is sent.
import { WorkbenchError } from '../errors/workbench-error';
import { CREDENTIAL_FORBIDDEN, MAX_CLIENT_ID_LENGTH } from '../exchange/credential-text';

/** Trims the pasted client id and checks it; throws ERR_CLIENT_ID_INVALID when it is empty or holds spaces/control characters. */
export function checkClientId(clientId: string): string {
  const trimmed = clientId.trim();
  if (trimmed === '') {
    throw new WorkbenchError(
      'ERR_CLIENT_ID_INVALID',
      'The client id is empty: paste the service account id shown when the API token was generated in Intelligence.',
    );
  }
  if (CREDENTIAL_FORBIDDEN.test(trimmed)) {
    throw new WorkbenchError(
      'ERR_CLIENT_ID_INVALID',
      'The client id contains spaces, line breaks or control characters: paste only the service account id.',
    );
  }
  if (trimmed.length > MAX_CLIENT_ID_LENGTH) {
    throw new WorkbenchError(
      'ERR_CLIENT_ID_INVALID',
      `The client id is longer than ${MAX_CLIENT_ID_LENGTH} characters: paste only the service account id.`,
    );
  }
  return trimmed;
}
