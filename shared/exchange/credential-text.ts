// What a pasted credential (client id or secret, either product) may hold, checked before anything is sent or saved.

/** What no pasted client id or secret may hold: whitespace, C0/C1 controls, and the invisible format characters that ride along with copy-paste. */
export const CREDENTIAL_FORBIDDEN = /[\s\p{Cc}\p{Cf}]/u;

/** The longest client id (Intelligence service account id or Engagement package client id), trimmed; saved profiles too. */
export const MAX_CLIENT_ID_LENGTH = 256;
