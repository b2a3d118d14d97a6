/**
 * Reviewing by keyboard alone: five receipts approved or flagged without touching the mouse, and
 * the export says so.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, fromDisk, test } from './fixtures';
import { FIXTURES } from './host';

test('five receipts reviewed by keyboard alone: Enter approves and opens the next, F flags', async ({ app, page }) => {
  const names = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r004-web-grid-light.jpg', 'r005-usd-wallet-light.png'];
  await app.drop(await Promise.all(names.map((n) => fromDisk(path.join(FIXTURES, n)))));
  await expect(page.getByTestId('batch-progress')).toContainText('5 de 5 leídos');
  // The first dropped receipt is open; its fields are shown once it is read.
  await expect(page.getByTestId('review-state')).toHaveText('Por revisar');

  for (let i = 0; i < 4; i++) {
    const before = await page.getByRole('figure').locator('figcaption').textContent();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('figure').locator('figcaption')).not.toHaveText(before!);
  }
  await page.keyboard.press('f');
  await expect(page.getByTestId('review-state')).toHaveText('Marcado');
  await expect(page.getByTestId('receipt-row').filter({ hasText: 'Aprobado' })).toHaveCount(4);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar CSV' }).click()]);
  const rows = parse((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.review).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'flagged']);
});
