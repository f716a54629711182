import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';

/** The bridge exposed on `window.workbench` by the desktop app's preload, or null in a plain browser. */
export function readWindowBridge(): WorkbenchBridge | null {
  if (typeof window === 'undefined') return null;
  const candidate = window.workbench;
  return candidate !== undefined && candidate !== null && typeof candidate === 'object' ? candidate : null;
}
