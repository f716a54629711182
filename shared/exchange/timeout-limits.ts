// The deadline of one network step, for every run of both shells: its default and its bounds. The one place they are set;
// the router's schemas, the app's timeout field and mctoken's --timeout-ms all read them here.

/** Bounds on a run's per-step timeout, in milliseconds. */
export const TIMEOUT_LIMITS = Object.freeze({
  /** When a run names none. */
  default: 15_000,
  /** What an IPC request (the app, `mctoken ui`) may ask for. */
  min: 1_000,
  max: 120_000,
  /**
   * What `mctoken --timeout-ms` may ask for, wider on purpose: the CLI runs in the user's own process, where a deadline only
   * holds up the user who set it (a cron job on a slow link may wait ten minutes; a script may fail fast at a few ms). IPC
   * requests keep the narrower range, so no page can hold a main-process request open longer.
   */
  cli: Object.freeze({ min: 1, max: 600_000 }),
});
