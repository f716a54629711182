import { expect, type Page } from '@playwright/test';
import { COLOR_SCHEMES, WINDOW_SIZES, expectNoAxeViolations } from './accessibility';

/**
 * Runs axe on the page as it stands in the light and then the dark scheme. After each switch it waits for the colour
 * transitions to finish: axe would otherwise measure the contrast of colours halfway between the two schemes.
 */
export async function expectNoAxeViolationsInBothSchemes(page: Page, where: string): Promise<void> {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Only colour transitions: a countdown's bar and a spinner move all the time.
    const colourTransitions = () =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter((a) => a instanceof CSSTransition && /color|background|border|shadow|fill|stroke/.test(a.transitionProperty)).length,
      );
    await expect.poll(colourTransitions, { message: 'colour transitions settled' }).toBe(0);
    await expectNoAxeViolations(page, `${where} (${colorScheme})`);
  }
}

/**
 * Runs axe on the page as it stands at each window size (1280×800, 800×600), in both schemes each, then puts the window back
 * at the size it had: a journey reaches each state once and checks it in all four.
 */
export async function expectNoAxeViolationsEverywhere(page: Page, where: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoAxeViolationsInBothSchemes(page, `${where} (${size.name})`);
  }
  if (before !== null) await page.setViewportSize(before);
}
