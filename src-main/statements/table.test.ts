import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src-shared/reconcile/match';
import { datasetAvailable, SHARED_DATASETS } from '../test-support/datasets';
import { delimitedRows } from './delimited';
import { headerShape, readTable, type RememberedMappings } from './table';

const parseDelimited = (text: string, id: string, remembered?: RememberedMappings) => readTable(delimitedRows(text), id, remembered);

describe('a statement table (from a delimited file)', () => {
  it('finds its columns in the bank\'s wording, reads credits and debits, and keeps aside what is not a movement', () => {
    const text = [
      'Estado de cuenta;;;;;',
      '"Fecha";"Referencia";"Descripción";"Concepto";"Débito";"Crédito";"Saldo"',
      ';;"Saldo Inicial";;;;3098,59',
      '26/07/2017;179039;"Mantenimiento de Cuenta";"";75,00;0,00;3023,59',
      '03/08/2017;000965664;"PAGO MOVIL RECIBIDO";"rifa";0,00;1.250,75;4274,34',
      '',
    ].join('\r\n');
    const s = parseDelimited(text, 'banplus-jul');
    expect(s.mapping).toEqual({ date: 0, reference: 1, description: 2, concept: 3, debit: 4, credit: 5, balance: 6 });
    expect([s.decimalMark, s.dateOrder]).toEqual([',', 'dmy']);
    expect(s.movements).toEqual([
      { statementId: 'banplus-jul', line: 4, date: '2017-07-26', reference: '179039', description: 'Mantenimiento de Cuenta', amount: '75.00', direction: 'debit' },
      { statementId: 'banplus-jul', line: 5, date: '2017-08-03', reference: '000965664', description: 'PAGO MOVIL RECIBIDO · rifa', amount: '1250.75', direction: 'credit' },
    ]);
    expect(s.skipped).toEqual([{ line: 3, reason: 'Saldo Inicial' }]);
  });

  it('decides month-first dates and dot decimals from the whole file, and a signed amount column', () => {
    const text = 'Date,Reference,Description,Amount\n11/30/2017,1,Opening,"1,188,801.28"\n12/03/2017,2,Fee,-264.45\n';
    const s = parseDelimited(text, 'x');
    expect([s.decimalMark, s.dateOrder]).toEqual(['.', 'mdy']);
    expect(s.movements.map((m) => [m.date, m.amount, m.direction])).toEqual([
      ['2017-11-30', '1188801.28', 'credit'],
      ['2017-12-03', '264.45', 'debit'],
    ]);
  });

  it('takes the mapping the operator made for this header over the one found, and says what a table lacks', () => {
    const text = 'Fecha\tRef\tDetalle\tMonto\tOtro\n01/02/2024\t55\tx\t10,00\t20,00\n';
    expect(parseDelimited(text, 'x').movements[0]!.amount).toBe('10.00');
    const mine = new Map([[headerShape(['FECHA', 'Ref.', 'Detalle', 'monto', 'Otro']), { date: 0, reference: 1, amount: 4 }]]);
    const remembered = parseDelimited(text, 'x', (shape) => mine.get(shape));
    expect([remembered.mappingFrom, remembered.movements[0]!.amount]).toEqual(['remembered', '20.00']);
    // No header in the bank's words: the fullest row is offered for the operator to map, and nothing is read.
    const unknown = parseDelimited('Movimientos de la cuenta\nDia,Numero,Importe neto\n01/02/2024,12345678,"10,00"\n', 'x');
    expect(unknown).toMatchObject({ mappingFrom: 'guessed', headerLine: 2, header: ['Dia', 'Numero', 'Importe neto'], movements: [], problem: { code: 'no_header', rows: 30 } });
    expect(unknown.sample).toEqual([{ line: 3, cells: ['01/02/2024', '12345678', '10,00'] }]);
    const mapped = parseDelimited('Movimientos de la cuenta\nDia,Numero,Importe neto\n01/02/2024,12345678,"10,00"\n', 'x', (shape) => (shape === 'dia|numero|importe neto' ? { date: 0, reference: 1, amount: 2 } : undefined));
    expect(mapped.movements).toEqual([{ statementId: 'x', line: 3, date: '2024-02-01', reference: '12345678', description: '', amount: '10.00', direction: 'credit' }]);
    expect(parseDelimited('Fecha,Referencia,Descripción\n01/02/2024,1,x\n', 'x').problem).toEqual({ code: 'header_lacks', line: 1, missing: 'money' });
  });

  it.runIf(datasetAvailable('statements'))('reads the BNC and Banplus samples, and a receipt is verified by the reference inside a description', () => {
    const read = (name: string) => parseDelimited(readFileSync(path.join(SHARED_DATASETS, 'statements', name), 'utf8'), name);
    const bnc = read('BNC_TKR.tsv');
    expect([bnc.decimalMark, bnc.dateOrder]).toEqual(['.', 'mdy']);
    expect(bnc.movements.length).toBeGreaterThan(3);
    expect(bnc.movements.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.date) && /^\d+\.\d{2}$/.test(m.amount))).toBe(true);
    const received = bnc.movements.find((m) => m.direction === 'credit' && /REF/.test(m.description))!;
    const payerReference = /REF[,.:\s]*(\d+)/.exec(received.description)![1]!;
    const [decision] = reconcile([{ receiptId: 1, reference: payerReference, amount: received.amount, date: received.date }], bnc.movements);
    expect(decision).toMatchObject({ verdict: 'verified', why: { reference: 'in-description', amount: 'exact' } });
    const banplus = read('Banplus_Estado_de_cuenta.txt');
    expect([banplus.decimalMark, banplus.dateOrder]).toEqual([',', 'dmy']);
    expect(banplus.movements.length).toBeGreaterThan(0);
    expect(banplus.skipped.map((s) => s.reason)).toContain('Saldo Inicial');
  });
});
