// A forced garbage collection for tests that prove a deadline survives one, without starting Node with --expose-gc.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs a full garbage collection now. */
export function forceGc(): void {
  gc();
}
