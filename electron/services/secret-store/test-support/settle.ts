import { toErrorPayload, type ErrorPayload } from '../../../../shared/errors/workbench-error';

/** The outcome of a promise as plain data, for scenarios that print what happened. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Awaits `promise` and returns its value or its error payload (never throws). */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
