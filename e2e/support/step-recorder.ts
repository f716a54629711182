import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __mctwStepLog?: string[];
  }
}

/** In the page: logs `<step id>:<status>` each time a flow step's `data-step-status` is rendered or changes, in DOM mutation order. */
function observeSteps(): void {
  const log: string[] = [];
  window.__mctwStepLog = log;
  const note = (el: Element): void => {
    const entry = `${el.getAttribute('data-step-id') ?? '?'}:${el.getAttribute('data-step-status') ?? '?'}`;
    log.push(entry);
  };
  document.querySelectorAll('[data-step-status]').forEach(note);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) note(record.target);
      record.addedNodes.forEach((node) => {
        if (node instanceof Element)
          [node, ...node.querySelectorAll('[data-step-status]')].filter((e) => e.hasAttribute('data-step-status')).forEach(note);
      });
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step-status'] });
}

/** Starts recording, in the page, every status each flow step shows (call before starting a run). */
export async function recordStepStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(observeSteps);
  return () => page.evaluate(() => [...(window.__mctwStepLog ?? [])]);
}
