import { createContext, useContext } from 'react';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';

/** The bridge components talk to: the desktop bridge, a fake in component tests, or null in a plain browser. */
export const BridgeContext = createContext<WorkbenchBridge | null>(null);

/** The current bridge, or null when the UI runs without the desktop app. */
export function useBridge(): WorkbenchBridge | null {
  return useContext(BridgeContext);
}
