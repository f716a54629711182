import type { Page } from '@playwright/test';
import type { Router } from '../../electron/services/router/router-types';
import { BRIDGE_GLOBAL } from './bridge-bundle';
import type { Observations } from './observations';

/** The binding the page's transport calls; the function the transport's event listeners hang off. */
const INVOKE_BINDING = '__mctwInvoke';
const EMIT_FUNCTION = '__mctwEmit';

declare global {
  interface Window {
    __mctwEmit?: (event: string, payload: unknown) => void;
  }
}

/** The script run in the page before any of its own: builds `window.workbench = createBridge(transport)` on the binding. */
function initScript(bundle: string): string {
  return `(() => {
${bundle}
const listeners = new Map();
Object.defineProperty(window, ${JSON.stringify(EMIT_FUNCTION)}, {
  value: (event, payload) => { for (const listener of [...(listeners.get(event) ?? [])]) listener(payload); },
});
const transport = {
  invoke: (channel, request) => window[${JSON.stringify(INVOKE_BINDING)}](channel, request),
  on: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => { set.delete(listener); };
  },
};
Object.defineProperty(window, 'workbench', { value: ${BRIDGE_GLOBAL}.createBridge(transport), enumerable: true });
})();`;
}

/**
 * Gives the page the desktop bridge the preload would give it: `window.workbench = createBridge(transport)`, built from
 * shared/ipc/create-bridge.ts, where the transport is a Playwright binding to the real router instead of Electron's IPC.
 * Router events are delivered to the page's listeners before the reply that follows them. Every reply and event is
 * recorded in `observations`. Call before the page navigates.
 */
export async function installDesktopBridge(page: Page, router: Router, bundle: string, observations: Observations): Promise<void> {
  await page.exposeBinding(INVOKE_BINDING, async (_source, channel: string, request: unknown) => {
    const delivered: Promise<void>[] = [];
    const reply = await router.handle(channel, request, {
      emit: (event, data) => {
        observations.add('ipc-event', event, data);
        delivered.push(
          page
            .evaluate(([name, value]) => window.__mctwEmit?.(name, value), [event, data] as const)
            .catch(() => undefined),
        );
      },
    });
    await Promise.all(delivered);
    observations.add('ipc-response', channel, reply);
    return reply;
  });
  await page.addInitScript({ content: initScript(bundle) });
}
