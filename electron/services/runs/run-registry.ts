// The running token runs of the main process, by run id: one AbortController each, so token:cancel reaches any run.
import { WorkbenchError } from '../../../shared/errors/workbench-error';

/** The runs in progress, shared by the Intelligence and Engagement services. */
export interface RunRegistry {
  /**
   * Runs `work` under a fresh AbortController registered as `runId`, aborted too when the caller's `signal` is (the CLI's
   * Ctrl-C); ERR_IPC_INVALID_REQUEST when that id is already running.
   */
  track<T>(runId: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Aborts the run; false when no such run is in progress. */
  cancel(runId: string): boolean;
  /** The run ids currently running. */
  activeRuns(): string[];
  /** Cancels every running run (e.g. when the app quits); returns how many were cancelled. */
  cancelAll(): number;
}

/** Creates an empty registry. */
export function createRunRegistry(): RunRegistry {
  const runs = new Map<string, AbortController>();
  const cancel = (runId: string): boolean => {
    const controller = runs.get(runId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  };
  return {
    async track<T>(runId: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (runs.has(runId))
        throw new WorkbenchError(
          'ERR_IPC_INVALID_REQUEST',
          'A token run with this id is already running: wait for it to finish or cancel it.',
        );
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      if (signal?.aborted === true) abort();
      signal?.addEventListener('abort', abort, { once: true });
      runs.set(runId, controller);
      try {
        return await work(controller.signal);
      } finally {
        signal?.removeEventListener('abort', abort);
        runs.delete(runId);
      }
    },
    cancel,
    activeRuns: () => [...runs.keys()],
    cancelAll(): number {
      let cancelled = 0;
      for (const runId of runs.keys()) if (cancel(runId)) cancelled += 1;
      return cancelled;
    },
  };
}
