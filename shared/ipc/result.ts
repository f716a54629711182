import type { ErrorPayload } from '../errors/workbench-error';

/** What every IPC call returns: thrown errors lose their class across IPC, so failures travel as data. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Wraps an error payload as a failed result. */
export function fail<T = never>(error: ErrorPayload): IpcResult<T> {
  return { ok: false, error };
}
