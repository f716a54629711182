import { pageBridge } from '../../shared/ipc/exposed-bridge';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';

/** The bridge over `window.workbench` (the desktop app's preload, or mctoken ui's page script), or null in a plain browser. */
export function readWindowBridge(): WorkbenchBridge | null {
  if (typeof window === 'undefined') return null;
  const candidate = window.workbench;
  return candidate !== undefined && candidate !== null && typeof candidate === 'object' ? pageBridge(candidate) : null;
}
