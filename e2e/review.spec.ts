/**
 * Reviewing by keyboard alone: five receipts approved or flagged without touching the mouse;
 * then the history searched and filtered, and the export of what it shows.
 */
import path from 'node:path';
import { expect, fromDisk, test } from './fixtures';
import { FIXTURES } from './host';

test('five receipts reviewed by keyboard alone, the history searched, and exported', async ({ app, page }) => {
  const names = ['r001-bdv-light.png', 'r002-stacked-light.jpg', 'r003-beside-light.jpg', 'r004-web-grid-light.jpg', 'r005-usd-wallet-light.png'];
  await app.drop(await Promise.all(names.map((n) => fromDisk(path.join(FIXTURES, n)))));
  await expect(page.getByTestId('batch-progress')).toContainText('5 de 5 leídos');
  // The first dropped receipt is open; its fields are shown once it is read.
  await expect(page.getByTestId('review-state')).toHaveText('Por revisar');

  for (let i = 0; i < 4; i++) {
    const before = await page.getByRole('figure').locator('figcaption .file').textContent();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('figure').locator('figcaption .file')).not.toHaveText(before!);
  }
  await page.keyboard.press('f');
  await expect(page.getByTestId('review-state')).toHaveText('Marcado');
  await expect(page.getByTestId('receipt-row').filter({ hasText: 'Aprobado' })).toHaveCount(4);

  const all = await app.exportCsv('Todo');
  expect(all.map((r) => r.review).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'flagged']);

  // The history: Ctrl+F, a reference's first digits, then a filter; the export follows the list.
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Buscar en el historial')).toBeFocused();
  await page.keyboard.type('4068844');
  await expect(page.getByTestId('history-total')).toHaveText('1 en la lista');
  await expect(page.getByTestId('receipt-row')).toHaveText(/r001-bdv-light\.png/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-total')).toHaveText('5 en la lista');
  await page.getByLabel('Estado').selectOption({ label: 'Marcados' });
  await expect(page.getByTestId('history-total')).toHaveText('1 en la lista');
  const shown = await app.exportCsv('Lo que muestra la lista');
  expect(shown.map((r) => r.review)).toEqual(['flagged']);
});
