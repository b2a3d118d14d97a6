import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { openDatabase } from '../db/open';
import { insertReceipt, markFailed } from '../db/receipts';
import { correctField, setReview } from '../db/review';
import { saveResult } from '../db/results';
import { exportRows } from '../db/export-rows';
import { CSV_EXPORT_COLUMNS, csvExport, legacyJson } from './export';

const box: [number, number, number, number] = [10, 20, 110, 40];
function setup() {
  const db = openDatabase(':memory:').db;
  const ids = ['a', 'b', 'c'].map((c, i) =>
    insertReceipt(db, {
      sha256: c.repeat(64), originalName: i === 0 ? '20250711-A--1@lid_Juan_14-30.png' : `${c}.png`, ext: 'png', sizeBytes: 10,
      receivedAt: '2026-11-23T09:00:00.000Z', expiresAt: '2026-11-24T09:00:00.000Z', metadata: i === 0 ? JSON.stringify({ numerosorteo: 'A', nombre: 'Juan' }) : '{}',
    }),
  );
  const record = (amount: string): ImageRecord => ({
    file: 'x', sha256: 'x', status: 'ok', image: { width: 100, height: 200 }, timings_ms: { decode: 1, detect: 1, recognize: 1, layout: 0, extract: 1, total: 250 },
    text: 'Monto 1.250,75 Bs', lines: [{ text: 'Monto 1.250,75', confidence: 0.9, box, words: [{ text: 'Monto', confidence: 0.9, box }, { text: '1.250,75', confidence: 0.8, box }] }],
    fields: { monto: { value: amount, raw: '1.250,75 Bs', confidence: 0.9, box, source: { via: 'right', label: 'Monto' }, currency: 'VES' }, referencia: { value: '123', raw: '123', confidence: 1, box, source: { via: 'inline' } } },
    metadata: {}, dedupe_key: `123|${amount} VES||`,
  });
  const run = { profile: 'balanced', models: [{ id: 'det', sha256: 'x' }, { id: 'rec', sha256: 'y' }], rulesRevision: 'r', finishedAt: '2026-11-23T09:00:01.000Z' };
  saveResult(db, ids[0]!, record('1250.75'), run);
  saveResult(db, ids[1]!, record('1250.75'), run);
  correctField(db, ids[0]!, 'monto', '1350.75', new Date('2026-11-23T09:00:02.000Z'));
  setReview(db, ids[0]!, 'approved');
  markFailed(db, ids[2]!, 'CORRUPT_IMAGE', 'damaged');
  return db;
}

describe('export', () => {
  it('writes the legacy consolidated JSON with corrected values, words and duplicate flags', () => {
    const json = JSON.parse(legacyJson(exportRows(setup()), new Date('2026-11-23T10:00:00Z')));
    expect(json).toMatchObject({ error: false, total: 3 });
    const [first, second, third] = json.resultados;
    expect(first).toMatchObject({
      filename: '20250711-A--1@lid_Juan_14-30.png', processing_status: 'success', revision: 'approved', posible_duplicado: false,
      processing_metadata: { profile_used: 'balanced', processing_time: 0.25, method_used: 'recibo-onnx det+rec', coordinates_available: 2 },
      extracted_fields: { monto: '1350.75', referencia: '123' },
      palabras_detectadas: [{ texto: 'Monto', confianza: 0.9, coordenadas: box }, { texto: '1.250,75', confianza: 0.8, coordenadas: box }],
      metadata_whatsapp: { numerosorteo: 'A' },
    });
    expect(first.detalle_campos.monto).toMatchObject({ valor: '1350.75', leido: '1250.75', corregido: true, moneda: 'VES' });
    expect(Object.keys(first.extracted_fields)).toEqual(['monto', 'referencia']);
    expect(second).toMatchObject({ posible_duplicado: true, duplicado_de: 'a'.repeat(64) });
    expect(third).toMatchObject({ processing_status: 'failed', error: { code: 'CORRUPT_IMAGE' }, palabras_detectadas: [] });
  });

  it('writes CSV in UTF-8 with a BOM, with either separator, and filters by state or selection', () => {
    const db = setup();
    for (const delimiter of [',', ';'] as const) {
      const text = csvExport(exportRows(db), delimiter);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(text.slice(1), { columns: true, delimiter }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual([...CSV_EXPORT_COLUMNS]);
      expect(rows.map((r) => [r.state, r.monto, r.possible_duplicate, r.corrected_fields, r.wa_nombre])).toEqual([
        ['done', '1350.75', 'no', 'monto', 'Juan'],
        ['done', '1250.75', 'yes', '', ''],
        ['failed', '', 'no', '', ''],
      ]);
    }
    expect(exportRows(db, { states: ['failed'] }).map((r) => r.file)).toEqual(['c.png']);
    expect(exportRows(db, { sha256: ['b'.repeat(64)], review: ['pending'] }).map((r) => r.file)).toEqual(['b.png']);
    expect(exportRows(db, { sha256: [] })).toEqual([]);
  });
});
