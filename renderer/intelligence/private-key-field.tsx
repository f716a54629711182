import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { KeyInfo } from '../../shared/keys/key-info';
import { ErrorMessage } from '../common/error-message';
import { FieldError, fieldAria } from '../common/field-error';
import { Notice } from '../common/notice';
import { checkPrivateKey, KEY_FORMAT_LABELS, KEY_FORMAT_SHORT, type KeyCheck } from '../common/check-private-key';
import { MAX_SERVICE_ACCOUNT_FILE_CHARS } from '../../shared/intelligence/service-account-file';
import { MAX_KEY_FILE_BYTES, readTextFile } from './read-text-file';
import { looksLikeJsonObject } from './service-account-import';

/** Props of {@link PrivateKeyField}. */
export interface PrivateKeyFieldProps {
  value: string;
  onChange: (value: string) => void;
  passphrase: string;
  onPassphraseChange: (value: string) => void;
  /** The key already stored for this profile, if any (only its description: never the key). */
  storedKey: KeyInfo | null;
  /** The textarea's id (the form focuses it when the key is invalid); the passphrase box is `${id}-passphrase`. */
  id: string;
  /** Problems found when the user pressed Save or Get token. */
  error?: ErrorPayload;
  passphraseError?: ErrorPayload;
  /** A pasted or dropped JSON object (a service-account file, not a key), with where it came from. */
  onJsonText?: (text: string, source: string) => void;
}

const FILE_ERROR: ErrorPayload = {
  code: 'ERR_FILE_READ',
  message: 'The file could not be read as a key: choose the .pem file of the private key (under 16 KB).',
};

/** The private key textarea: paste or drop a `.pem`, checked as you type, with a passphrase field for encrypted keys. */
export function PrivateKeyField({
  value,
  onChange,
  passphrase,
  onPassphraseChange,
  storedKey,
  id,
  error,
  passphraseError,
  onJsonText,
}: PrivateKeyFieldProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<ErrorPayload | null>(null);
  const check: KeyCheck = useMemo(() => checkPrivateKey(value), [value]);

  const loadFile = async (file: File | undefined) => {
    if (file === undefined) return;
    try {
      const text = await readTextFile(file, onJsonText === undefined ? undefined : MAX_SERVICE_ACCOUNT_FILE_CHARS);
      setFileError(null);
      if (onJsonText !== undefined && looksLikeJsonObject(text)) return onJsonText(text, file.name);
      if (text.length > MAX_KEY_FILE_BYTES) throw new RangeError('too large');
      onChange(text);
    } catch {
      setFileError(FILE_ERROR);
    }
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    setDragging(false);
    if (file === undefined) return;
    event.preventDefault();
    void loadFile(file);
  };

  return (
    <div className="field private-key-field">
      <div className="field__label-row">
        <label htmlFor={id}>Private key</label>
        <button type="button" className="button button--ghost button--small" onClick={() => fileRef.current?.click()}>
          Choose .pem file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".pem,.key,.txt,application/x-pem-file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Private key file"
          onChange={(e) => {
            void loadFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <textarea
        id={id}
        className={`mono private-key-field__area${dragging ? ' is-dragging' : ''}`}
        rows={7}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text');
          if (onJsonText === undefined || !looksLikeJsonObject(text)) return;
          e.preventDefault();
          onJsonText(text, 'the pasted JSON');
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-invalid={error !== undefined || check.state === 'error'}
        aria-describedby={error === undefined ? `${id}-status` : `${id}-error ${id}-status`}
        placeholder={
          storedKey === null
            ? 'Paste the RSA private key (-----BEGIN RSA PRIVATE KEY----- …), even with literal \\n, or drop the .pem file here'
            : 'A key is stored in the keychain. Paste or drop a new key only to replace it.'
        }
      />
      {error !== undefined && <FieldError id={`${id}-error`} error={error} />}
      <div id={`${id}-status`} className="private-key-field__status" aria-live="polite">
        {fileError !== null && <ErrorMessage error={fileError} inline />}
        {check.state === 'error' && error === undefined && <ErrorMessage error={check.error} inline />}
        {check.state === 'ok' && !check.key.encrypted && (
          <Notice tone="success" className="notice--inline">
            <p>
              {KEY_FORMAT_LABELS[check.key.format]}: ready. Get token uses it for one run; Save puts it in the OS keychain, and it is never
              shown again.
            </p>
          </Notice>
        )}
        {check.state === 'ok' && check.key.encrypted && (
          <Notice tone="info" className="notice--inline">
            <p>{KEY_FORMAT_LABELS[check.key.format]}: enter its passphrase. It is used once to decrypt the key and is not stored.</p>
          </Notice>
        )}
        {check.state === 'empty' && storedKey !== null && (
          <p className="field__help">
            Stored: RSA {storedKey.bits} bits · {KEY_FORMAT_SHORT[storedKey.format]} · <code>{storedKey.fingerprint}</code>
          </p>
        )}
      </div>
      {check.state === 'ok' && check.key.encrypted && (
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>Passphrase</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => onPassphraseChange(e.target.value)}
            {...fieldAria(`${id}-passphrase-error`, passphraseError)}
          />
          {passphraseError !== undefined && <FieldError id={`${id}-passphrase-error`} error={passphraseError} />}
        </div>
      )}
    </div>
  );
}
