import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { storedMovements } from '../db/statements';
import { openCore } from './data-folder';
import { importStatement, previewStatement } from './statement-import';

const tmp = useTempDir();

/** A bank whose header no wording list knows: "Dia", "Numero", "Importe neto". */
const month = (rows: string[]) => ({ name: 'export.csv', bytes: new TextEncoder().encode(['Movimientos de la cuenta', 'Dia;Numero;Glosa;Importe neto', ...rows].join('\r\n')) });

describe('a statement previewed, its columns corrected, and the correction kept for the bank', () => {
  it('offers the fullest row to map, reads with the mapping given, and reads next month with it unasked', async () => {
    const core = openCore(path.join(tmp.path, 'data'));
    const october = month(['01/10/2024;48311146;PAGO MOVIL;1.250,75', '02/10/2024;99887766;COMISION;-1,50']);

    const first = await previewStatement(core, october);
    expect(first).toMatchObject({ format: 'delimited', known: false, movements: 0, table: { header: ['Dia', 'Numero', 'Glosa', 'Importe neto'], headerLine: 2, mappingFrom: 'guessed', problem: { code: 'no_header', rows: 30 } } });
    expect(first.table!.sample.map((r) => r.line)).toEqual([3, 4]);
    await expect(importStatement(core, october)).rejects.toThrow(/no row among the first 30/i);

    const mapping = { date: 0, reference: 1, description: 2, amount: 3 };
    const corrected = await previewStatement(core, october, mapping);
    expect(corrected).toMatchObject({ movements: 2, credits: 1, table: { mappingFrom: 'remembered', problem: null } });
    expect(corrected.first[0]).toEqual({ line: 3, date: '2024-10-01', reference: '48311146', description: 'PAGO MOVIL', amount: '1250.75', direction: 'credit' });
    // A preview keeps nothing: the same file is still unknown without the mapping.
    expect((await previewStatement(core, october)).table!.mappingFrom).toBe('guessed');
    await expect(importStatement(core, october, { date: 0, reference: 1 })).rejects.toThrow('The columns chosen give no amount column, nor a debit and a credit column');

    expect(await importStatement(core, october, mapping)).toMatchObject({ added: true, movements: 2, credits: 1 });
    expect((await previewStatement(core, october)).known).toBe(true);

    // November's export has the same header in other capitals: read with October's mapping.
    const november = { name: 'nov.csv', bytes: new TextEncoder().encode('Movimientos de la cuenta\r\nDIA;NÚMERO;glosa;Importe Neto\r\n03/11/2024;11223344;PAGO MOVIL;300,00\r\n') };
    expect(await previewStatement(core, november)).toMatchObject({ known: false, movements: 1, table: { mappingFrom: 'remembered' } });
    expect(await importStatement(core, november)).toMatchObject({ added: true, movements: 1 });
    expect(storedMovements(core.db).map((m) => [m.date, m.reference, m.amount, m.direction])).toEqual([
      ['2024-10-01', '48311146', '1250.75', 'credit'],
      ['2024-10-02', '99887766', '1.50', 'debit'],
      ['2024-11-03', '11223344', '300.00', 'credit'],
    ]);
    core.db.close();
  });

  it('a correction of a recognised header wins over the words, and is kept', async () => {
    const core = openCore(path.join(tmp.path, 'data2'));
    const file = { name: 'bnc.csv', bytes: new TextEncoder().encode('Fecha;Referencia;Descripción;Monto;Monto Bs\r\n01/10/2024;48311146;PAGO;1,00;1.250,75\r\n') };
    expect((await previewStatement(core, file)).first[0]!.amount).toBe('1.00');
    await importStatement(core, file, { date: 0, reference: 1, description: 2, amount: 4 });
    const again = { ...file, bytes: new TextEncoder().encode('Fecha;Referencia;Descripción;Monto;Monto Bs\r\n02/10/2024;48311147;PAGO;2,00;2.000,00\r\n') };
    expect(await previewStatement(core, again)).toMatchObject({ first: [{ amount: '2000.00' }], table: { mappingFrom: 'remembered' } });
    core.db.close();
  });
});
