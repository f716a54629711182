/** Runs tasks one at a time, in the order they were queued; a failing task does not stop the ones after it. */
export interface SerialQueue {
  /** Queues `task`; resolves or rejects with its outcome. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates an empty queue. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(() => task());
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
