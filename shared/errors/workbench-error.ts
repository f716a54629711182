// shared/errors: the one error class. Start here: WorkbenchError carries a stable code from error-codes.ts and a
// message saying what to do next; toErrorPayload turns anything thrown into the { code, message, hint? } that crosses IPC.
import { isErrorCode, type ErrorCode } from './error-codes';

/** The plain, serializable form of an error: what crosses IPC, goes into JSON output and reaches the UI. */
export interface ErrorPayload {
  code: ErrorCode;
  /** Short, specific, and says what to do next. Never contains a key, secret or token. */
  message: string;
  /** Optional longer advice (e.g. the likely cause of an OAuth error). */
  hint?: string;
}

/** The one error class of the workbench: a stable `code` plus a short message that says what to do next. */
export class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** The serializable payload (no stack, no cause). */
  toPayload(): ErrorPayload {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** The error an ErrorPayload stands for, to throw it again (e.g. a run's failed outcome, or a router reply). */
export function errorFromPayload(payload: ErrorPayload): WorkbenchError {
  return new WorkbenchError(payload.code, payload.message, payload.hint === undefined ? {} : { hint: payload.hint });
}

/** True when the value is a WorkbenchError instance (a plain object with its fields, e.g. after IPC, is not one). */
export function isWorkbenchError(value: unknown): value is WorkbenchError {
  return value instanceof WorkbenchError;
}

/** Turns anything thrown into an ErrorPayload; unknown errors become ERR_INTERNAL without leaking their text. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof WorkbenchError) return error.toPayload();
  if (isErrorPayload(error)) return error;
  return {
    code: 'ERR_INTERNAL',
    message: 'Something unexpected went wrong. Try again; if it persists, report it with the steps that led here.',
  };
}

/** True when the value has the shape of an ErrorPayload with a known code. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === 'string' && (v.hint === undefined || typeof v.hint === 'string');
}
