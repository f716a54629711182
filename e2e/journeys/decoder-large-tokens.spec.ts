import { MAX_TOKEN_CHARS } from '../../shared/decode/decode-token';
import { expect, test } from '../fixtures/workbench-test';
import { expectNoAxeViolations } from '../support/accessibility';
import { makeJwtOfLength, makeManyClaimsJwt, manyClaimNames } from '../support/large-token';
import { ui } from '../support/locators';
import { pasteToken } from '../support/workbench-actions';

const COUNT = 20_000;
/** exp, iat, then the c… claims. */
const PATHS = ['exp', 'iat', ...manyClaimNames(COUNT)];

test.describe('Decoder with large tokens (decoded in a Worker, claims virtualized)', () => {
  test('20,000 claims: a few rows in the DOM, the table says how many there are, the keyboard reaches every row, the filter searches all', async ({
    desktop,
  }) => {
    const { page } = await desktop.open();
    await pasteToken(page, makeManyClaimsJwt(COUNT));
    const table = ui.payloadClaimsTable(page);
    await expect(table).toHaveAttribute('aria-rowcount', String(PATHS.length + 1));
    await expect(ui.claimRow(page, 'exp')).toHaveAttribute('aria-rowindex', '2');
    // Only the rows in view (and a few beyond) are rendered.
    const rows = table.locator('[data-claim-path]');
    expect(await rows.count()).toBeLessThan(200);
    await expect(ui.claimRow(page, PATHS.at(-1)!)).toHaveCount(0);

    // The first row is the table's one tab stop; End, Home, the arrows and Page Down walk all 20,002 rows.
    await ui.claimRow(page, 'exp').focus();
    await page.keyboard.press('End');
    const last = ui.claimRow(page, PATHS.at(-1)!);
    await expect(last).toBeFocused();
    await expect(last).toHaveAttribute('aria-rowindex', String(PATHS.length + 1));
    await expect(last).toBeInViewport();
    await page.keyboard.press('ArrowUp');
    await expect(ui.claimRow(page, PATHS.at(-2)!)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(ui.claimRow(page, 'exp')).toBeFocused();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    await expect(ui.claimRow(page, PATHS[11]!)).toBeFocused();

    // The filter searches every claim, not only the rendered rows.
    await ui.claimsFilter(page).fill('c19999');
    await expect(table).toHaveAttribute('aria-rowcount', '2');
    await expect(rows).toHaveCount(1);
    await expect(ui.claimRow(page, 'c19999')).toBeVisible();
    await expect(ui.shownScreen(page).getByRole('status').filter({ hasText: 'claims match' })).toHaveText('1 of 20,002 claims match');
    await ui.claimsFilter(page).fill('');
    await expect(table).toHaveAttribute('aria-rowcount', String(PATHS.length + 1));
  });

  test('a token of almost 1 MiB decodes and shows its claims; one over the limit is refused with its code', async ({ desktop }) => {
    const { page } = await desktop.open();
    const token = makeJwtOfLength(MAX_TOKEN_CHARS - 2_000);
    expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
    await pasteToken(page, token);
    await expect(ui.claimRow(page, 'sub')).toBeVisible();
    await expect(ui.claimRow(page, 'pad00000')).toBeVisible();
    await expect(ui.decoding(page)).toHaveCount(0);

    await ui.tokenInput(page).fill(`${token}${'A'.repeat(MAX_TOKEN_CHARS - token.length + 1)}`);
    await expect(ui.decoderError(page)).toContainText('ERR_TOKEN_TOO_LARGE');
    await expect(ui.claimRows(page)).toHaveCount(0);
  });

  test('a new paste cancels the decode under way: its Worker is terminated and only the new token shows', async ({ desktop }) => {
    const { page } = await desktop.open();
    // The first Worker starts 20 s late, so the second paste surely arrives while the first decode is under way, however
    // long a busy machine takes to insert it.
    let delayed = false;
    await page.route('**/decode.worker*.js', async (route) => {
      const response = await route.fetch();
      const delay = delayed ? '' : 'for (const until = Date.now() + 20_000; Date.now() < until; );\n';
      delayed = true;
      await route.fulfill({ response, body: delay + (await response.text()) });
    });
    const firstWorker = page.waitForEvent('worker');
    await pasteToken(page, makeJwtOfLength(MAX_TOKEN_CHARS - 2_000));
    await expect(ui.decoding(page)).toBeVisible();
    // Waiting for the Worker before the second paste: a Worker terminated before Playwright attached to it would never
    // be seen, let alone seen to close.
    const first = await firstWorker;
    const firstClosed = first.waitForEvent('close');
    await ui.tokenInput(page).fill(makeManyClaimsJwt(COUNT));
    await expect(ui.payloadClaimsTable(page)).toHaveAttribute('aria-rowcount', String(PATHS.length + 1));
    await expect(ui.claimRow(page, 'c00000')).toBeVisible();
    await expect(ui.claimRow(page, 'pad00000')).toHaveCount(0);
    expect(delayed, 'the Worker script went through the delaying route').toBe(true);
    expect(await firstClosed, 'the first decode’s Worker is terminated').toBe(first);
  });

  test('the virtualized table and its filter pass axe, in view and scrolled', async ({ desktop }) => {
    const { page } = await desktop.open();
    await pasteToken(page, makeManyClaimsJwt(COUNT));
    await expect(ui.claimRow(page, 'exp')).toBeVisible();
    await expectNoAxeViolations(page, 'the decoder with 20,000 claims');
    await ui.claimRow(page, 'exp').focus();
    await page.keyboard.press('End');
    await expect(ui.claimRow(page, PATHS.at(-1)!)).toBeFocused();
    await expectNoAxeViolations(page, 'the decoder with 20,000 claims, at the last row');
  });
});
