/**
 * The main screens at 1366×768, in both themes: review with word boxes, the history searched,
 * export, the settings (their top, and the rules editor with a trial), the dashboard and its bank
 * statements (a statement's preview, then the panel), and the review in English. Each run writes
 * them under test-results/screenshots;
 * `npm run screenshots` writes them to docs/screenshots/ for the documentation.
 * The receipts are the project's rendered fixtures, under WhatsApp-style names made up here.
 */
import path from 'node:path';
import { expect, fromDisk, test, unseenCopies } from './fixtures';
import { FIXTURES, ROOT } from './host';

const OUT = process.env.RECIBO_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, 'test-results', 'screenshots');

test('screenshots of the main screens', async ({ app, page }) => {
  const files = [
    ['r001-bdv-light.png', '20261123-A--584121234567@lid_Ana_09-30.png'],
    ['r002-stacked-light.jpg', '20261123-A--584149876543@lid_Luis_09-41.jpg'],
    ['r003-beside-light.jpg', '23-11-2026-2--584161112233@c.us_carmen_10-02.jpg'],
    ['r004-web-grid-light.jpg', '20261123-B--584245556677@lid_Pedro_10-15.jpg'],
    ['r005-usd-wallet-light.png', '20261123-B--584267778899@lid_Rosa_10-20.png'],
  ];
  await app.drop(await Promise.all(files.map(([file, name]) => fromDisk(path.join(FIXTURES, file!), name))));
  await expect(page.getByTestId('batch-progress')).toContainText('5 de 5 leídos');
  await app.row('carmen').click();
  await expect(page.getByTestId('metadata')).toContainText('corregido');
  await page.getByTestId('word-box').nth(3).hover();
  await page.screenshot({ path: path.join(OUT, 'review-light.png') });

  await page.keyboard.press('Control+,');
  await page.getByLabel('Oscuro').check();
  await expect(page.getByRole('radio', { name: 'Oscuro' })).toBeChecked();
  await page.screenshot({ path: path.join(OUT, 'settings-dark.png') });
  await page.getByRole('button', { name: 'Probar con el comprobante abierto' }).click();
  await expect(page.getByTestId('rules-trial')).toBeVisible();
  await page.getByTestId('rules-trial').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'settings-rules-dark.png') });
  await page.getByRole('button', { name: 'Cerrar' }).click();
  await page.screenshot({ path: path.join(OUT, 'review-dark.png') });

  await page.keyboard.press('Control+f');
  await page.keyboard.type('ana');
  await expect(page.getByTestId('history-total')).toHaveText('1 en la lista');
  await page.keyboard.press('Escape');
  await page.getByLabel('Estado').selectOption({ label: 'Por revisar' });
  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: 'Exportar' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'export-dark.png') });
  await page.getByRole('dialog', { name: 'Exportar' }).getByRole('button', { name: 'Cerrar' }).click();

  // The dashboard (Ctrl+2): the five readings in its figures, each chart drawn on its canvas.
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('tile-rate')).toContainText('5 lecturas');
  await expect(page.getByTestId('tile-errors')).toContainText('0');
  await expect(page.getByTestId('tile-latency')).toContainText('p95');
  // CPU and memory appear once the core has sampled itself (every 5 s).
  await expect(page.getByTestId('tile-memory')).toContainText('MB', { timeout: 15_000 });
  for (const chart of ['throughput', 'latency', 'incidents', 'cpu', 'memory']) {
    const drawn = await page.getByTestId(`chart-${chart}`).locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    });
    expect(drawn, `${chart} chart drawn`).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('chart-latency')).toContainText('p95');
  await page.screenshot({ path: path.join(OUT, 'dashboard-dark.png') });
  // The bank's statement, imported in the dashboard: Ana's payment (r001) verified, a credit nobody sent a receipt for.
  const statement = ['Fecha;Referencia;Descripción;Débito;Crédito;Saldo', '04/10/2025;884463;PAGO MOVIL RECIBIDO;;5.524,40;10.000,00', '04/10/2025;777001;PAGO MOVIL RECIBIDO DE 0134;;250,00;10.250,00', '05/10/2025;5501;COMISION;1,50;;10.248,50'].join('\r\n');
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'estado-octubre.csv', mimeType: 'text/csv', buffer: Buffer.from(statement) });
  const preview = page.getByTestId('statement-preview');
  await expect(preview.getByTestId('statement-movements')).toContainText('777001');
  await preview.screenshot({ path: path.join(OUT, 'statement-preview-dark.png') });
  await preview.getByRole('button', { name: 'Importar' }).click();
  await expect(page.getByTestId('unclaimed-credits')).toContainText('777001');
  await page.getByTestId('statements-panel').screenshot({ path: path.join(OUT, 'statements-dark.png') });

  // English, from the settings: the same dashboard in the other language, then the review.
  await page.keyboard.press('Control+,');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('tile-rate')).toContainText('5 readings');
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('button', { name: /Approve/ })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'review-en-dark.png') });
});

test('screenshots of the history: badges, a re-drop notice, an empty search, the batch toolbar', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const files = [
    ['r001-bdv-light.png', '20261123-A--584121234567@lid_Ana_09-30.png'],
    ['r002-stacked-light.jpg', '20261123-A--584149876543@lid_Luis_09-41.jpg'],
    ['r003-beside-light.jpg', '23-11-2026-2--584161112233@c.us_carmen_10-02.jpg'],
  ] as const;
  const dropped = await Promise.all(files.map(([file, name]) => fromDisk(path.join(FIXTURES, file), name)));
  await app.drop(dropped);
  await expect(page.getByTestId('batch-progress')).toContainText('3 de 3 leídos');
  // Badges: one approved, one flagged.
  await app.row('Ana').click();
  await page.keyboard.press('Enter');
  await app.row('Luis').click();
  await page.keyboard.press('f');
  await expect(app.row('Luis')).toContainText('Marcado');
  // The same files again, and a new batch paused in the toolbar.
  await app.drop([...dropped, { ...dropped[0]!, name: 'copia.png' }]);
  await expect(page.getByTestId('drop-summary')).toContainText('ya estaban en el historial');
  await page.screenshot({ path: path.join(OUT, 'history-redrop.png') });
  // Receipts not seen before, enough that one worker is still reading when the click comes (two
  // were both done before it on a fast machine).
  const payers = ['Pedro', 'Rosa', 'Elena', 'Jose', 'Maria', 'Luisa'];
  const batch = ['r004-web-grid-light.jpg', 'r005-usd-wallet-light.png', 'r006-card-light.jpg'].map((f) => path.join(FIXTURES, f));
  await app.drop(await unseenCopies(batch, 30, (i, source) => `20261123-B--5842${String(45556677 + i * 1111).padStart(8, '0')}@lid_${payers[i % payers.length]}_10-${String(15 + i).padStart(2, '0')}${path.extname(source)}`));
  await page.getByRole('button', { name: 'Pausar' }).click();
  await expect(page.getByTestId('batch-progress')).toContainText('en pausa');
  await page.screenshot({ path: path.join(OUT, 'history-badges-batch.png') });

  await page.keyboard.press('Control+f');
  await page.keyboard.type('zzz');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'history-empty-search.png') });
});
