/**
 * The window from 1024 x 640 up, in both languages, with a batch running (issue 41): nothing in
 * the toolbar wraps, is clipped or leaves the window; a history row with badges keeps its
 * "amount · Ref." line and its expiry on one line. Layout is compared, not pixels.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, fromDisk, test, unseenCopies } from './fixtures';
import { FIXTURES } from './host';

/** Receipts in the batch left running: at about 70 ms each, two seconds of reading for one worker. */
const BATCH = 30;

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
];

/** Elements of the selector that overflow their box, wrap to a second line, or leave the window. */
async function misfits(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) =>
    els.flatMap((el) => {
      const e = el as HTMLElement;
      const box = e.getBoundingClientRect();
      const name = `${e.tagName.toLowerCase()}.${e.className} «${(e.textContent ?? '').trim().slice(0, 30)}»`;
      const lineHeight = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.4;
      const problems: string[] = [];
      // Text that gives way with an ellipsis and says itself whole in its tooltip is not clipped.
      const givesWay = getComputedStyle(e).textOverflow === 'ellipsis' && e.title !== '';
      if (e.scrollWidth > e.clientWidth + 1 && !givesWay) problems.push(`${name}: clipped (${e.scrollWidth} > ${e.clientWidth})`);
      if (box.right > window.innerWidth + 0.5) problems.push(`${name}: leaves the window`);
      const pane = e.closest('.list');
      if (pane && box.right > pane.getBoundingClientRect().right + 0.5) problems.push(`${name}: leaves the list`);
      if (e.getClientRects().length > 1 || (getComputedStyle(e).display !== 'flex' && box.height > lineHeight * 1.8 + 16)) problems.push(`${name}: wraps (${Math.round(box.height)} px)`);
      return problems;
    }),
  );
}

for (const size of SIZES) {
  test(`at ${size.width} x ${size.height}, Spanish and English, a batch running: the toolbar and the rows fit`, async ({ app, page }) => {
    await page.setViewportSize(size);
    const images = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r007-bdv-dark.jpg'];
    await app.drop(await Promise.all(images.map((n) => fromDisk(path.join(FIXTURES, n)))));
    await expect(app.row('r001-bdv-light.png')).toHaveAttribute('data-state', 'done');
    // A row with several badges: approved and a possible duplicate.
    await app.row('r001-bdv-light.png').click();
    await page.keyboard.press('Enter');
    await app.drop([{ ...(await fromDisk(path.join(FIXTURES, 'r001-bdv-light.png'))), name: 'r001-copia.png' }]);
    // A batch running while the layout is checked: paused so that it stays. Receipts Recibo has
    // not seen, enough that one worker is still reading when the click comes (six, four of them
    // already in the history, were all done before it on a fast machine).
    const batch = [...images, 'r005-usd-wallet-light.png', 'r004-web-grid-light.jpg'].map((n) => path.join(FIXTURES, n));
    await app.drop(await unseenCopies(batch, BATCH, (i, source) => `lote-${i}${path.extname(source)}`));
    await page.getByRole('button', { name: 'Pausar' }).click();
    await expect(page.getByTestId('batch-progress')).toContainText('en pausa');
    await expect(page.getByTestId('batch-progress')).toBeVisible();
    for (const language of ['Español', 'English']) {
      if (language === 'English') {
        await page.keyboard.press('Control+,');
        await page.getByLabel(/Idioma|Language/).selectOption({ label: 'English' });
        await page.getByRole('button', { name: /Cerrar|Close/ }).click();
      }
      const toolbar = await misfits(page, '.toolbar > *, .toolbar button, .toolbar .counts');
      const rows = await misfits(page, '[data-testid=receipt-row] .summary, [data-testid=receipt-row] .when, [data-testid=receipt-row] .name, .filters .filter-row > *');
      expect([...toolbar, ...rows], language).toEqual([]);
    }
  });
}
