import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import { BridgeContext } from '../bridge/bridge-context';

/** Renders a component with the given bridge in context (null: as in a plain browser). */
export function renderWithBridge(ui: ReactElement, bridge: WorkbenchBridge | null): RenderResult {
  return render(<BridgeContext.Provider value={bridge}>{ui}</BridgeContext.Provider>);
}
