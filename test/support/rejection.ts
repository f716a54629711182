// Test helper: the WorkbenchError a promise rejects with (fails the test if it resolves or rejects with anything else).
import { expect } from 'vitest';
import { WorkbenchError } from '../../shared/errors/workbench-error';

/** Awaits `promise`, expects it to reject with a WorkbenchError, and returns that error for code/message asserts. */
export async function workbenchRejection(promise: Promise<unknown>): Promise<WorkbenchError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

/** Calls `fn`, expects it to throw a WorkbenchError, and returns that error for code/message asserts. */
export function workbenchThrow(fn: () => unknown): WorkbenchError {
  let error: unknown;
  try {
    fn();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}
