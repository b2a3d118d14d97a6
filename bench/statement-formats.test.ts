/**
 * Every format the statement reader knows, written as its bank writes it (statement-writers.ts)
 * and read back: the same movements, dates, amounts to the cent, directions and references.
 */
import { describe, expect, it } from 'vitest';
import { readStatement } from '../src-main/statements/read-statement';
import { writeStatement, type StatementFormatName, type WrittenMovement } from './statement-writers';

const MOVEMENTS: WrittenMovement[] = [
  { date: '2025-10-01', reference: '000559762', description: 'PAGO MOVIL RECIBIDO 0102', amount: '13000000.00', direction: 'credit' },
  { date: '2025-10-02', reference: '48311146148', description: 'TRF.OB 0174 J000000000', amount: '1250.75', direction: 'credit' },
  { date: '2025-10-13', reference: '779901', description: 'COMISION MANTENIMIENTO', amount: '0.50', direction: 'debit' },
  { date: '2025-10-28', reference: '1234567', description: 'PAGO MOVIL REF: 75572442 0102', amount: '104.54', direction: 'credit' },
];

const FORMATS: Record<StatementFormatName, string> = {
  'csv-1252': 'delimited',
  'bnc-tsv': 'delimited',
  qif: 'qif',
  mt940: 'mt940',
  'html-xls': 'html-table',
  xlsx: 'xlsx',
  'bdv-fixed': 'bdv-fixed',
  provincial: 'provincial-records',
};

describe('statements in every format, written as banks write them, read back', () => {
  for (const [written, format] of Object.entries(FORMATS) as [StatementFormatName, string][]) {
    it(written, async () => {
      const read = await readStatement(await writeStatement(written, MOVEMENTS), `${written}-file`);
      expect(read.format).toBe(format);
      expect(read.movements.map((m) => [m.date, m.amount, m.direction])).toEqual(MOVEMENTS.map((m) => [m.date, m.amount, m.direction]));
      // BNC's Referencia column holds the bank's own numbers: the payer's is in the description.
      const references = read.movements.map((m) => (written === 'bnc-tsv' ? m.description : m.reference));
      MOVEMENTS.forEach((m, i) => expect(references[i]).toContain(written === 'bnc-tsv' ? m.description : written === 'bdv-fixed' ? m.reference.padStart(13, '0') : m.reference));
    });
  }
});
