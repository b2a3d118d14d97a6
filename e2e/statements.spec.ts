/**
 * "Did the money arrive?" in the window: a receipt read; the bank's statement dropped on the
 * window opens its preview in the dashboard and is imported; the receipt's chip says its payment
 * is verified, and a credit nobody sent a receipt for is listed. Then a workbook whose titles
 * Recibo does not know: its columns are set in the preview, and next month's file of that bank
 * is read with them at once. The statements are written here in banks' wordings.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { expect, fromDisk, test } from './fixtures';
import { FIXTURES } from './host';

/** A workbook as a bank's web site gives it: a title row, then titles no wording list knows. */
async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Movimientos').addRows([['Banco Ejemplo: movimientos'], ['Dia', 'Numero', 'Glosa', 'Importe'], ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('a statement dropped on the window verifies a receipt, lists the credit without one, and learns a bank’s columns', async ({ app }) => {
  const { page } = app;
  await app.drop([await fromDisk(path.join(FIXTURES, 'r001-bdv-light.png'), 'pago-ana.png')]);
  await expect(app.row('pago-ana.png')).toHaveAttribute('data-state', 'done');

  // r001's reference 406884463 and 5.524,40 Bs on 03/10/2025: the bank prints its last 6 digits a day later.
  const statement = ['Fecha;Referencia;Descripción;Débito;Crédito;Saldo', '04/10/2025;884463;PAGO MOVIL RECIBIDO;;5.524,40;10.000,00', '04/10/2025;777001;PAGO MOVIL RECIBIDO;;250,00;10.250,00', '05/10/2025;5501;COMISION;1,50;;10.248,50'].join('\r\n');
  await app.drop([{ name: 'estado-octubre.csv', bytes: Buffer.from(statement) }]);
  const preview = page.getByTestId('statement-preview');
  await expect(preview.getByTestId('statement-summary')).toHaveText('Texto con columnas (CSV, TSV) · 3 movimientos (2 créditos).');
  await expect(preview.getByLabel('Columna 5 (Crédito)')).toHaveValue('credit');
  await expect(preview.getByTestId('statement-movements')).toContainText('884463');
  await preview.getByRole('button', { name: 'Importar' }).click();
  await expect(page.getByTestId('statement-note')).toHaveText('estado-octubre.csv: 3 movimientos (2 créditos); 1 comprobante verificado.');
  await expect(page.getByTestId('statements')).toContainText('estado-octubre.csv');
  const unclaimed = page.getByTestId('unclaimed-credits');
  await expect(unclaimed).toContainText('777001');
  await expect(unclaimed).not.toContainText('884463');

  // The same file again: the preview says it was imported, and importing adds nothing.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'estado-octubre.csv', mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await expect(preview.getByText('Este archivo ya estaba importado')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('statement-note')).toHaveText('estado-octubre.csv ya estaba importado: no se agregó nada.');

  // A PDF is refused in the window's words, naming the file; Esc closes the preview.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'estado.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
  await expect(preview.getByTestId('statement-problem')).toHaveText('estado.pdf: No es un extracto (es un PDF, una imagen u otro archivo binario): exporte el extracto como CSV, Excel o texto.');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // A workbook with titles Recibo does not know: nothing to import until the columns are said.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'banco-noviembre.xlsx', mimeType: 'application/octet-stream', buffer: await workbook([[new Date(Date.UTC(2025, 10, 3)), '55512345', 'TRANSFERENCIA RECIBIDA', 1200.5]]) });
  await expect(preview.getByTestId('statement-problem')).toContainText('Ninguna de las primeras 30 filas nombra una columna de fecha');
  await expect(preview.getByRole('button', { name: 'Importar' })).toBeDisabled();
  await preview.getByLabel('Columna 1 (Dia)').selectOption({ label: 'Fecha' });
  await preview.getByLabel('Columna 2 (Numero)').selectOption({ label: 'Referencia' });
  await preview.getByLabel('Columna 3 (Glosa)').selectOption({ label: 'Descripción' });
  await preview.getByLabel('Columna 4 (Importe)').selectOption({ label: 'Monto (con signo)' });
  await expect(preview.getByTestId('statement-summary')).toHaveText('Libro de Excel (.xlsx) · 1 movimiento (1 crédito).');
  await expect(preview.getByTestId('statement-movements')).toContainText('55512345');
  await preview.getByRole('button', { name: 'Importar' }).click();
  await expect(unclaimed).toContainText('55512345');

  // December's file of the same bank is read with those columns at once.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'banco-diciembre.xlsx', mimeType: 'application/octet-stream', buffer: await workbook([[new Date(Date.UTC(2025, 11, 1)), '55599999', 'TRANSFERENCIA RECIBIDA', 80]]) });
  await expect(preview.getByText('Columnas como usted las indicó')).toBeVisible();
  await expect(preview.getByTestId('statement-summary')).toHaveText('Libro de Excel (.xlsx) · 1 movimiento (1 crédito).');
  await preview.getByRole('button', { name: 'Importar' }).click();
  await expect(unclaimed).toContainText('55599999');

  await page.getByRole('button', { name: 'Revisión' }).click();
  await expect(app.row('pago-ana.png').getByTestId('payment')).toHaveText('Pago verificado');
  await app.row('pago-ana.png').click();
  await expect(page.getByTestId('review-payment')).toHaveText('Pago verificado');
  // "Pago sin verificar" shows the receipts the statements do not prove: none here.
  await page.getByLabel('Estado').selectOption({ label: 'Pago sin verificar' });
  await expect(app.row('pago-ana.png')).toHaveCount(0);
  await page.getByLabel('Estado').selectOption({ label: 'Todos' });
  await expect(app.row('pago-ana.png')).toHaveCount(1);
});
