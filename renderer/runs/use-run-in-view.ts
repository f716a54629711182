import { useEffect, type RefObject } from 'react';

/**
 * What a run panel shows when a run ends, in the order looked for: the error of a failed or cancelled step (not the whole
 * step: its open details can be taller than the window), such a step, an error of the run, the result.
 */
const OUTCOME_SELECTORS = [
  '.step--failed .step__error',
  '.step--cancelled .step__error',
  '.step--failed',
  '.step--cancelled',
  '.run-outcome > .error-message',
  '.issued-token',
];

/**
 * Keeps a run in view for keyboard, screen-reader and mouse users alike: when a run starts, its panel comes into view and
 * its live status takes the focus; when it ends, the result (or the failed step) is scrolled into view and the focus goes
 * back to the status, which now says what came of it. Escape cancels a run while its panel is on show.
 */
export function useRunInView(
  run: { runId: string | null; done: boolean; onCancel: () => void },
  panelRef: RefObject<HTMLElement | null>,
  statusRef: RefObject<HTMLElement | null>,
): void {
  const { runId, done, onCancel } = run;
  useEffect(() => {
    if (runId === null) return;
    // The whole panel (its header holds Cancel), when the ref is a part of it.
    (panelRef.current?.closest('.panel') ?? panelRef.current)?.scrollIntoView?.({ block: 'start' });
    statusRef.current?.focus({ preventScroll: true });
  }, [runId, panelRef, statusRef]);

  useEffect(() => {
    if (!done) return;
    const panel = panelRef.current;
    const outcome = OUTCOME_SELECTORS.map((selector) => panel?.querySelector(selector)).find((found) => found != null);
    outcome?.scrollIntoView?.({ block: 'nearest' });
    statusRef.current?.focus({ preventScroll: true });
  }, [done, panelRef, statusRef]);

  useEffect(() => {
    if (runId === null) return undefined;
    const onKey = (event: KeyboardEvent) => {
      // Every screen stays mounted: only the run on show is cancelled, and not when a dialog or menu took the Escape.
      if (event.key !== 'Escape' || event.defaultPrevented || panelRef.current?.closest('[hidden]') !== null) return;
      event.preventDefault();
      onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [runId, onCancel, panelRef]);
}
