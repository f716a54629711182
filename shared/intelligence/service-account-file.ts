// The service-account JSON file Intelligence hands out: `serviceAccountId`, `discoveryEndpoint`, `privateKey`. Those names
// are seen in public Intelligence tooling, not in Salesforce's docs (the Help article only says the API token page gives
// the discovery endpoint and the private key), so the file is a shortcut: every field can still be given on its own.
import { duplicateKeyPaths } from '../decode/duplicate-keys';
import { nestsDeeperThan } from '../encoding/json-depth';
import { WorkbenchError } from '../errors/workbench-error';
import { REQUEST_LIMITS } from '../limits/request-limits';

/** The fields read from the file, in the order the form shows them. */
export const SERVICE_ACCOUNT_FIELDS = ['serviceAccountId', 'discoveryEndpoint', 'privateKey'] as const;
/** One field of the file. */
export type ServiceAccountField = (typeof SERVICE_ACCOUNT_FIELDS)[number];
/** What a file gave: each field it holds (a file may hold only some; the rest are given one by one). */
export type ServiceAccountFile = Partial<Record<ServiceAccountField, string>>;

/** Largest file read: a capped key (16 KB) with its JSON escapes and the other two fields fits well under it. */
export const MAX_SERVICE_ACCOUNT_FILE_CHARS = 64 * 1024;
/** Deeper than this the file is refused: the real file is one flat object, and extra fields are ignored, not walked. */
export const MAX_SERVICE_ACCOUNT_FILE_DEPTH = 8;

/** Where the names come from, for messages that mention them. */
export const SERVICE_ACCOUNT_NAMES_SOURCE =
  'serviceAccountId, discoveryEndpoint and privateKey, as public Intelligence tooling reads them (Salesforce does not document the file)';

const LIMITS: Readonly<Record<ServiceAccountField, number>> = {
  serviceAccountId: REQUEST_LIMITS.clientId,
  discoveryEndpoint: REQUEST_LIMITS.url,
  privateKey: REQUEST_LIMITS.pem,
};

// C0 (but tab and line breaks, which a key may hold), DEL, C1 and bidirectional overrides: never in a credential.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK_OR_TAB = /[\t\r\n]/;

const invalid = (message: string): WorkbenchError =>
  new WorkbenchError('ERR_SERVICE_ACCOUNT_FILE_INVALID', message, {
    hint: `The file is read for ${SERVICE_ACCOUNT_NAMES_SOURCE}. Fill the fields by hand instead if your file differs.`,
  });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks one field's value; an empty (or blank) string counts as absent. */
function checkField(field: ServiceAccountField, value: unknown): string | undefined {
  if (typeof value !== 'string') throw invalid(`${field} is ${describe(value)} in the file, not a string.`);
  const text = field === 'privateKey' ? value : value.trim();
  if (text.trim() === '') return undefined;
  if (text.length > LIMITS[field])
    throw invalid(`${field} is ${text.length} characters long, more than the ${LIMITS[field]} a real one needs: check the file.`);
  const control = CONTROL.exec(text) ?? (field === 'privateKey' ? null : LINE_BREAK_OR_TAB.exec(text));
  if (control !== null) {
    const codePoint = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw invalid(`${field} holds a control character (${codePoint} at character ${control.index + 1}): the file is damaged.`);
  }
  return text;
}

/**
 * Reads a service-account file's text. Extra fields are ignored. ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE past
 * {@link MAX_SERVICE_ACCOUNT_FILE_CHARS}; ERR_SERVICE_ACCOUNT_FILE_JSON when it is not JSON; ERR_SERVICE_ACCOUNT_FILE_INVALID
 * when it is not an object, nests too deep, names a field twice, holds a field that is not a string (or is too long, or
 * holds a control character), or holds none of the three fields.
 */
export function parseServiceAccountFile(text: string): ServiceAccountFile {
  if (text.length > MAX_SERVICE_ACCOUNT_FILE_CHARS) {
    throw new WorkbenchError(
      'ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE',
      `The service-account file is larger than ${MAX_SERVICE_ACCOUNT_FILE_CHARS / 1024} KB: a real one is a few KB. Choose the JSON file Intelligence gave you.`,
    );
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new WorkbenchError(
      'ERR_SERVICE_ACCOUNT_FILE_JSON',
      'The service-account file is not JSON: choose the .json file Intelligence gave you (or paste the key, the id and the discovery URL one by one).',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`The service-account file is JSON ${describe(value)}, not an object.`);
  if (nestsDeeperThan(value, MAX_SERVICE_ACCOUNT_FILE_DEPTH))
    throw invalid(
      `The service-account file nests more than ${MAX_SERVICE_ACCOUNT_FILE_DEPTH} levels deep: it is not a service-account file.`,
    );
  const twice = duplicateKeyPaths(body).find((path) => (SERVICE_ACCOUNT_FIELDS as readonly string[]).includes(path));
  if (twice !== undefined) throw invalid(`${twice} is given twice in the file: which one is meant is unclear. Keep one.`);
  const fields = value as Record<string, unknown>;
  const found: ServiceAccountFile = {};
  for (const field of SERVICE_ACCOUNT_FIELDS) {
    if (!Object.hasOwn(fields, field)) continue;
    const checked = checkField(field, fields[field]);
    if (checked !== undefined) found[field] = checked;
  }
  if (Object.keys(found).length === 0)
    throw invalid(`The file holds none of ${SERVICE_ACCOUNT_FIELDS.join(', ')}: it is not an Intelligence service-account file.`);
  return found;
}

/** The fields a file left out, for "give them one by one" messages. */
export function missingServiceAccountFields(file: ServiceAccountFile): ServiceAccountField[] {
  return SERVICE_ACCOUNT_FIELDS.filter((field) => file[field] === undefined);
}
