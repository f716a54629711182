import { expect, test } from '../fixtures/workbench-test';
import { makeEngagementSsoJwt, makeGenericJwt } from '../../test/support/engagement-tokens';
import { expectNoAxeViolationsInBothSchemes } from '../support/both-schemes';
import { ui } from '../support/locators';
import { pasteToken } from '../support/workbench-actions';

test.describe('Decoder layout: the payload in view, coloured segments, large tokens', () => {
  test('1280×800: after pasting an expired v1 token (two warnings, three notes) the first payload claims are wholly in view without scrolling', async ({
    page,
    appUrl,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appUrl);
    await pasteToken(page, await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -3600 }));
    await expect(ui.tokenWarning(page, 'WARN_EXPIRED')).toBeVisible();
    await expect(ui.tokenWarning(page, 'WARN_LIVE_TOKENS_IN_CLAIMS')).toBeVisible();
    await expect(ui.claimRows(page).first()).toHaveAttribute('data-claim-path', 'exp');
    await expect(ui.claimRow(page, 'exp')).toBeInViewport({ ratio: 1 });
    expect(await ui.mainColumn(page).evaluate((el) => el.scrollTop)).toBe(0);
    // The notes are one line away.
    await expect(ui.tokenNotes(page)).toContainText('3 notes');
    await ui.tokenNotes(page).locator('summary').click();
    await expect(ui.tokenWarning(page, 'WARN_LEGACY_PACKAGE')).toBeVisible();
    await expectNoAxeViolationsInBothSchemes(page, 'the decoder with a v1 token and its notes open (1280x800)');
  });

  test('800×600: the result comes before the signature panel and starts on the first screen', async ({ page, appUrl }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(appUrl);
    await pasteToken(page, await makeEngagementSsoJwt({ version: 2 }));
    const resultTop = (await ui.claimRows(page).first().boundingBox())?.y ?? Infinity;
    const signatureTop = (await ui.signaturePanel(page).boundingBox())?.y ?? -Infinity;
    expect(resultTop).toBeLessThan(signatureTop);
    await expect(page.locator('.decoded__kind-label')).toBeInViewport();
  });

  test('the input colours header, payload and signature; the text stays in a real textarea', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    const token = await makeEngagementSsoJwt({ version: 2 });
    await pasteToken(page, token);
    await expect(ui.tokenSegments(page)).toHaveText(token.split('.'));
    const colours = await ui.tokenSegments(page).evaluateAll((spans) => spans.map((span) => getComputedStyle(span).color));
    expect(new Set(colours).size).toBe(3);
    await expect(ui.tokenInput(page)).toHaveValue(token);
    // The textarea and its mirror lay the text out alike: the mirror's last segment ends where the textarea's text does.
    const heights = await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('.app__screen:not([hidden]) .token-input__area');
      const mirror = document.querySelector<HTMLElement>('.app__screen:not([hidden]) .token-input__mirror');
      return { area: area?.scrollHeight ?? 0, mirror: mirror?.scrollHeight ?? -1 };
    });
    expect(Math.abs(heights.area - heights.mirror)).toBeLessThanOrEqual(2);
  });

  test('a token of almost 1 MB decodes; the header shows its size with separators and does not overflow; its text is held until edited', async ({
    page,
    appUrl,
  }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(appUrl);
    const token = makeGenericJwt(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`blob${i}`, 'y'.repeat(60_000)])));
    expect(token.length).toBeGreaterThan(900_000);
    await pasteToken(page, token);
    await expect(ui.claimRow(page, 'blob11')).toHaveCount(1);
    await expect(ui.decoderError(page)).toHaveCount(0);
    await expect(ui.tokenInputHeader(page)).toContainText(/\d{3},\d{3} chars · 3 segments/);
    const overflow = await ui.tokenInputHeader(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(ui.tokenInputHeader(page).getByRole('button', { name: 'Clear' })).toBeInViewport();

    // Held out of the textarea (laying out 1 MB there would freeze the page): its start shows, the box is empty.
    await expect(ui.tokenInput(page)).toHaveValue('');
    await expect(ui.tokenInput(page)).toHaveAccessibleDescription(/too long to edit here without slowing the page/);
    await expect(ui.shownScreen(page).getByText(/eyJ[\w-]+…$/)).toBeVisible();
    // Asked to, the textarea takes the text; one more character at the end goes in, whatever the decode costs.
    await ui.shownScreen(page).getByRole('button', { name: 'Edit the text' }).click();
    await expect(ui.tokenInput(page)).toHaveValue(token);
    await ui.tokenInput(page).focus();
    await ui.tokenInput(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    const started = Date.now();
    await page.keyboard.type('x');
    await expect(ui.tokenInput(page)).toHaveValue(`${token}x`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
