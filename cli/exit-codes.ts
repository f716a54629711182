/** Exit status when the command did what was asked. */
export const EXIT_OK = 0;

/** Exit status for a failure: a malformed token, a failed verification, a refused credential, a network error. */
export const EXIT_FAILURE = 1;

/** Exit status for wrong use of the command line: unknown option, conflicting options, missing environment variable. */
export const EXIT_USAGE = 2;

/** Exit status after Ctrl-C interrupted a run (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
