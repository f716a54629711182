import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The window sizes every journey checks: a laptop and the smallest window the app supports. */
export const WINDOW_SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '800x600', width: 800, height: 600 },
] as const;

/** Both colour schemes (the app follows the OS through prefers-color-scheme). */
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** One axe violation, short enough to read in a failure message: rule, impact and the first targets. */
function summary(violation: {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
  return `${violation.id} (${violation.impact ?? 'n/a'}, ${violation.nodes.length} node(s)): ${violation.help}\n${nodes.join('\n')}`;
}

/**
 * Runs axe-core on the page as it is now and fails on any violation, listing each rule and its first nodes. In one run in
 * the page (legacy mode): the default finishes every run in a new blank page, for frames the app does not have, which
 * doubled the time of each check for the same results (rules and nodes compared on every state of the axe journeys).
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(results.violations.map(summary), `axe violations on ${where}`).toEqual([]);
}
