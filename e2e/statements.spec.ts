/**
 * "Did the money arrive?" in the window: a receipt read, the bank's statement imported in the
 * dashboard's Statements panel, the receipt's chip says its payment is verified, and a credit
 * nobody sent a receipt for is listed. The statement is written here in a bank's wording.
 */
import path from 'node:path';
import { expect, fromDisk, test } from './fixtures';
import { FIXTURES } from './host';

test('a statement imported in the window verifies a receipt and lists the credit without one', async ({ app }) => {
  const { page } = app;
  await app.drop([await fromDisk(path.join(FIXTURES, 'r001-bdv-light.png'), 'pago-ana.png')]);
  await expect(app.row('pago-ana.png')).toHaveAttribute('data-state', 'done');
  // r001's reference 406884463 and 5.524,40 Bs on 03/10/2025: the bank prints its last 6 digits a day later.
  const statement = ['Fecha;Referencia;Descripción;Débito;Crédito;Saldo', '04/10/2025;884463;PAGO MOVIL RECIBIDO;;5.524,40;10.000,00', '04/10/2025;777001;PAGO MOVIL RECIBIDO;;250,00;10.250,00', '05/10/2025;5501;COMISION;1,50;;10.248,50'].join('\r\n');
  // The statements are part of the dashboard (Panel).
  await page.getByRole('button', { name: 'Panel' }).click();
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'estado-octubre.csv', mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await expect(page.getByTestId('statement-note')).toHaveText('estado-octubre.csv: 3 movimientos (2 créditos); 1 comprobante verificado.');
  await expect(page.getByTestId('statements')).toContainText('estado-octubre.csv');
  const unclaimed = page.getByTestId('unclaimed-credits');
  await expect(unclaimed).toContainText('777001');
  await expect(unclaimed).not.toContainText('884463');
  // The same file again adds nothing, and says so.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'estado-octubre.csv', mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await expect(page.getByTestId('statement-note')).toHaveText('estado-octubre.csv ya estaba importado: no se agregó nada.');
  // A file that is no statement is refused in the window's words.
  await page.getByLabel('Importar un extracto…').setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('hola\n') });
  await expect(page.getByRole('alert')).toContainText('Recibo no reconoce ese extracto');
  await page.getByRole('button', { name: 'Revisión' }).click();
  await expect(app.row('pago-ana.png').getByTestId('payment')).toHaveText('Pago verificado');
  await app.row('pago-ana.png').click();
  await expect(page.getByTestId('review-payment')).toHaveText('Pago verificado');
  // "Pago sin verificar" shows the receipts the statement does not prove: none here.
  await page.getByLabel('Estado').selectOption({ label: 'Pago sin verificar' });
  await expect(app.row('pago-ana.png')).toHaveCount(0);
  await page.getByLabel('Estado').selectOption({ label: 'Todos' });
  await expect(app.row('pago-ana.png')).toHaveCount(1);
});
