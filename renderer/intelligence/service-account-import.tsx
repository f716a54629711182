import { useRef, type ReactNode } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import { toErrorPayload } from '../../shared/errors/workbench-error';
import {
  MAX_SERVICE_ACCOUNT_FILE_CHARS,
  missingServiceAccountFields,
  parseServiceAccountFile,
  type ServiceAccountField,
  type ServiceAccountFile,
} from '../../shared/intelligence/service-account-file';
import { ErrorMessage } from '../common/error-message';
import { Notice } from '../common/notice';
import type { CredentialsDraft } from './credentials-draft';
import { readTextFile } from './read-text-file';

/** What an import gave: the fields (to fill the form with), or the coded error to show. */
export type ServiceAccountImport =
  { ok: true; source: string; file: ServiceAccountFile; missing: ServiceAccountField[] } | { ok: false; error: ErrorPayload };

const TOO_LARGE: ErrorPayload = {
  code: 'ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE',
  message: `The service-account file is larger than ${MAX_SERVICE_ACCOUNT_FILE_CHARS / 1024} KB: a real one is a few KB. Choose the JSON file Intelligence gave you.`,
};
const UNREADABLE: ErrorPayload = { code: 'ERR_FILE_READ', message: 'The file could not be read: choose the .json file again.' };

/** True when pasted or dropped text looks like a JSON object rather than a key: it is read as a service-account file. */
export function looksLikeJsonObject(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** Reads service-account text (pasted, or a file's) into what fills the form. Never throws. */
export function importServiceAccountText(text: string, source: string): ServiceAccountImport {
  try {
    const file = parseServiceAccountFile(text);
    return { ok: true, source, file, missing: missingServiceAccountFields(file) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

/** Reads a dropped or chosen file (capped before reading) as a service-account file. Never throws. */
export async function importServiceAccountFile(file: File): Promise<ServiceAccountImport> {
  if (file.size > MAX_SERVICE_ACCOUNT_FILE_CHARS) return { ok: false, error: TOO_LARGE };
  try {
    return importServiceAccountText(await readTextFile(file, MAX_SERVICE_ACCOUNT_FILE_CHARS), file.name);
  } catch {
    return { ok: false, error: UNREADABLE };
  }
}

/** What a file changes in the form: the fields it holds (its discovery URL as a pasted one); the rest stays as typed. */
export function draftPatchOf(file: ServiceAccountFile): Partial<CredentialsDraft> {
  const { serviceAccountId, discoveryEndpoint, privateKey } = file;
  return {
    ...(serviceAccountId === undefined ? {} : { clientId: serviceAccountId }),
    ...(discoveryEndpoint === undefined ? {} : { endpoint: 'custom' as const, discoveryUrl: discoveryEndpoint }),
    ...(privateKey === undefined ? {} : { keyText: privateKey, passphrase: '' }),
  };
}

/** How the form's fields are named in the import's notice. */
const FIELD_LABELS: Readonly<Record<ServiceAccountField, string>> = {
  serviceAccountId: 'client id',
  discoveryEndpoint: 'discovery URL',
  privateKey: 'private key',
};

/** Props of {@link ServiceAccountImportRow}. */
export interface ServiceAccountImportRowProps {
  id: string;
  /** The last import, to report next to the button (null before any). */
  last: ServiceAccountImport | null;
  onImport: (result: ServiceAccountImport) => void;
}

/**
 * "Import service-account file…" and what the last import gave. The file's field names are seen in public Intelligence
 * tooling, not in Salesforce's docs: said here, and every field can still be filled by hand.
 */
export function ServiceAccountImportRow({ id, last, onImport }: ServiceAccountImportRowProps): ReactNode {
  const fileRef = useRef<HTMLInputElement>(null);
  const filled = last?.ok === true ? (Object.keys(last.file) as ServiceAccountField[]).map((field) => FIELD_LABELS[field]) : [];
  return (
    <div className="field form-grid__wide service-account-import">
      <div className="field__label-row">
        <span id={`${id}-label`}>Service-account file (optional)</span>
        <button
          type="button"
          className="button button--ghost button--small"
          aria-describedby={`${id}-help`}
          onClick={() => fileRef.current?.click()}
        >
          Import service-account file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Service-account file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file !== undefined) void importServiceAccountFile(file).then(onImport);
          }}
        />
      </div>
      <p id={`${id}-help`} className="field__help">
        Choose, drop or paste (into the key box) the JSON file Intelligence gave you: its serviceAccountId, discoveryEndpoint and privateKey
        fill the fields below. Those names are seen in public Intelligence tooling, not in Salesforce's docs; fill the fields by hand if
        your file differs.
      </p>
      <div aria-live="polite" data-testid="service-account-import-status">
        {last?.ok === false && <ErrorMessage error={last.error} inline />}
        {last?.ok === true && (
          <Notice tone="success" className="notice--inline">
            <p>
              Filled from {last.source}: {filled.join(', ')}.
              {last.missing.length > 0 &&
                ` Not in the file: ${last.missing.map((field) => FIELD_LABELS[field]).join(', ')}; fill the rest in below.`}{' '}
              Save puts the key in the OS keychain.
            </p>
          </Notice>
        )}
      </div>
    </div>
  );
}
