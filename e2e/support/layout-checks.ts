import { expect, type Locator, type Page } from '@playwright/test';
import { ui } from './locators';

/**
 * What is wrong with the layout of the flow steps in a container, as readable lines (empty when nothing is): parts of a
 * step's summary that overlap, anything that sticks out of its step, and text running out of its box (over its
 * neighbours), and a title squeezed to under 40% of its step's width (one word a line).
 */
export async function stepLayoutProblems(container: Locator): Promise<string[]> {
  return container.evaluate((root) => {
    const problems: string[] = [];
    const parts = ['.step__icon', '.step__heading', '.step__status', '.step__duration', '.step__summary > .button'];
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const step of Array.from(root.querySelectorAll<HTMLElement>('.step'))) {
      const name = step.dataset.stepId ?? '?';
      const box = step.getBoundingClientRect();
      const rects = parts.flatMap((selector) => {
        const element = step.querySelector<HTMLElement>(selector);
        const rect = element?.getBoundingClientRect();
        return rect === undefined || rect.width === 0 || element?.textContent?.trim() === '' ? [] : [{ selector, rect }];
      });
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++)
          if (overlap(rects[i]!.rect, rects[j]!.rect)) problems.push(`${name}: ${rects[i]!.selector} overlaps ${rects[j]!.selector}`);
      for (const element of Array.from(step.querySelectorAll<HTMLElement>('*'))) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || getComputedStyle(element).position === 'absolute') continue;
        const what = `${element.tagName.toLowerCase()}.${element.className}`;
        if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) problems.push(`${name}: ${what} sticks out of the step`);
        // Text wider than its own box (a long URL without break points) runs over its neighbours.
        const style = getComputedStyle(element);
        if (style.display !== 'inline' && style.overflowX === 'visible' && element.scrollWidth > element.clientWidth + 1)
          problems.push(`${name}: the text of ${what} runs out of its box`);
      }
      const heading = step.querySelector('.step__heading')?.getBoundingClientRect();
      if (heading !== undefined && heading.width < 0.4 * box.width)
        problems.push(`${name}: the title has ${Math.round(heading.width)} of the step's ${Math.round(box.width)} px`);
    }
    return problems;
  });
}

/**
 * What is wrong with a card's header, as readable lines: a part (title, note, button) that sticks out of the header, and
 * a title broken over several lines (one word a line, as a squeezed "Legacy refresh" was).
 */
export async function panelHeaderProblems(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const problems: string[] = [];
    const header = root.querySelector<HTMLElement>('.panel__header');
    if (header === null) return ['no .panel__header'];
    const box = header.getBoundingClientRect();
    for (const element of Array.from(header.querySelectorAll<HTMLElement>('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5)
        problems.push(`${element.tagName.toLowerCase()}.${element.className} sticks out of the header`);
    }
    const title = header.querySelector<HTMLElement>('.panel__title');
    if (title !== null && title.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(title).lineHeight))
      problems.push(`the title "${title.textContent ?? ''}" is broken over several lines`);
    return problems;
  });
}

/** Wheel-scrolls the main column to its end (as a user with a mouse does), then checks the document itself has not moved. */
export async function wheelToTheEnd(page: Page): Promise<void> {
  const main = await ui.mainColumn(page).boundingBox();
  await page.mouse.move((main?.x ?? 0) + (main?.width ?? 0) / 2, (main?.y ?? 0) + (main?.height ?? 0) / 2);
  const atEnd = () => ui.mainColumn(page).evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
  for (let turn = 0; turn < 40 && !(await atEnd()); turn++) await page.mouse.wheel(0, 800);
  await expect.poll(atEnd, { message: 'the main column scrolled to its end' }).toBe(true);
  // The wheel keeps going past the column's end: that is when a document taller than the window would scroll.
  await page.mouse.wheel(0, 2000);
  await page.mouse.wheel(0, 2000);
}

/** How far the document itself is scrolled and how much taller than the window it is (both 0 when only the main column scrolls). */
export async function documentScroll(page: Page): Promise<{ scrollTop: number; overflow: number }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    return { scrollTop: doc.scrollTop, overflow: doc.scrollHeight - window.innerHeight };
  });
}
