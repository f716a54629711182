// The desktop bridge the preload script exposes; absent when the UI runs in a plain browser.
import type { ExposedBridge } from '../../shared/ipc/exposed-bridge';

declare global {
  interface Window {
    /** The typed IPC bridge of the desktop app (undefined in a plain browser). */
    workbench?: ExposedBridge;
  }
}
