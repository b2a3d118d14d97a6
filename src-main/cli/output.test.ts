import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { whatsappMetadata } from '../../src-shared/extract/whatsapp';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { CSV_COLUMNS, createWriter } from './output';

const ok: ImageRecord = {
  file: 'a, "quoted".png', sha256: 'ab'.repeat(32), status: 'ok', image: { width: 10, height: 20 },
  timings_ms: { decode: 1, detect: 2, recognize: 3, layout: 0, extract: 0, total: 6 },
  text: 'Monto\n1.250,75 Bs', lines: [], metadata: {},
  fields: { monto: { value: '1250.75', raw: '1.250,75 Bs', confidence: 0.98, box: [0, 20, 90, 34], source: { via: 'below', label: 'Monto' }, currency: 'VES' } },
};
const bad: ImageRecord = { file: 'b.png', sha256: null, status: 'error', error: { code: 'CORRUPT_IMAGE', message: 'damaged' }, fields: {}, metadata: {} };

const write = (format: 'jsonl' | 'json' | 'csv', records: ImageRecord[]) => {
  const w = createWriter(format);
  return records.map((r) => w.add(r)).join('') + w.finish();
};

describe('record writers', () => {
  it('jsonl: one object per line, as they come', () => {
    const lines = write('jsonl', [ok, bad]).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([ok, bad]);
  });

  it('json: one array at the end', () => {
    expect(JSON.parse(write('json', [ok, bad]))).toEqual([ok, bad]);
    expect(JSON.parse(write('json', []))).toEqual([]);
  });

  it('csv: a BOM and a header, then one row per image with one column per field value', () => {
    const text = write('csv', [ok, bad]);
    // The same Excel-safe CSV as `export`: UTF-8 with a BOM, once, before the header.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({ file: 'a, "quoted".png', status: 'ok', width: '10', total_ms: '6', monto: '1250.75', currency: 'VES', referencia: '', wa_nombre: '', text: 'Monto\n1.250,75 Bs' });
    expect(rows[1]).toMatchObject({ file: 'b.png', status: 'error', error_code: 'CORRUPT_IMAGE', error_message: 'damaged', width: '' });
    expect(write('csv', []).replace(/^\uFEFF/, '').trim()).toBe(CSV_COLUMNS.join(','));
  });

  it('csv: WhatsApp metadata columns, and the dedupe key', () => {
    const metadata = whatsappMetadata('20250711-A--1@lid_Juan_14-30.png');
    const rows = parse(write('csv', [{ ...ok, metadata, dedupe_key: '1|1250.75 VES||' }]), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ wa_numerosorteo: 'A', wa_fechasorteo: '20250711', wa_id: '1@lid', wa_nombre: 'Juan', wa_horamin: '14-30', wa_valid: 'yes', dedupe_key: '1|1250.75 VES||' });
  });
});
