/**
 * Record writers for the CLI's three formats. jsonl streams one line per image as it finishes;
 * json writes one array at the end; csv (UTF-8 with a BOM, formula-safe) writes one row per
 * image, one column per field value
 * (then the amount's currency, the dedupe key and the WhatsApp metadata).
 */
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import type { ImageRecord } from '../../src-shared/receipt/record';
import { csvText } from '../core/csv-cells';
import type { OutputFormat } from './args';

export interface RecordWriter {
  /** Text to emit for this record now (may be empty). */
  add(record: ImageRecord): string;
  /** Text to emit after the last record. */
  finish(): string;
}

/** Metadata columns, prefixed where a name alone would be unclear in a spreadsheet. */
const METADATA_COLUMNS = ['wa_numerosorteo', 'wa_fechasorteo', 'wa_id', 'wa_nombre', 'wa_horamin', 'wa_valid'] as const;

export const CSV_COLUMNS = ['file', 'sha256', 'status', 'error_code', 'error_message', 'width', 'height', 'total_ms', ...FIELD_NAMES, 'currency', 'dedupe_key', ...METADATA_COLUMNS, 'text'] as const;

function metadataCells(r: ImageRecord): string[] {
  const m = r.metadata;
  if (!('validation' in m)) return METADATA_COLUMNS.map(() => '');
  return [m.numerosorteo, m.fechasorteo, m.idWhatsapp, m.nombre, m.horamin, m.validation.valid ? 'yes' : 'no'];
}

function csvRow(r: ImageRecord): string[] {
  return [
    r.file,
    r.sha256 ?? '',
    r.status,
    r.error?.code ?? '',
    r.error?.message ?? '',
    r.image ? String(r.image.width) : '',
    r.image ? String(r.image.height) : '',
    r.timings_ms ? String(r.timings_ms.total) : '',
    ...FIELD_NAMES.map((f) => r.fields[f]?.value ?? ''),
    r.fields.monto?.currency ?? '',
    r.dedupe_key ?? '',
    ...metadataCells(r),
    r.text ?? '',
  ];
}

export function createWriter(format: OutputFormat): RecordWriter {
  switch (format) {
    case 'jsonl':
      return { add: (r) => `${JSON.stringify(r)}\n`, finish: () => '' };
    case 'json': {
      const all: ImageRecord[] = [];
      return { add: (r) => (all.push(r), ''), finish: () => `${JSON.stringify(all, null, 2)}\n` };
    }
    case 'csv': {
      let header = true;
      // UTF-8 with a BOM before the header, as `export` writes it: Excel then reads accents right.
      return {
        add: (r) => {
          const text = header ? csvText([[...CSV_COLUMNS], csvRow(r)], { bom: true }) : csvText([csvRow(r)]);
          header = false;
          return text;
        },
        finish: () => (header ? csvText([[...CSV_COLUMNS]], { bom: true }) : ''),
      };
    }
  }
}
