/**
 * Record writers for the CLI's three formats. jsonl streams one line per image as it finishes;
 * json writes one array at the end; csv writes one row per image, one column per field value.
 */
import { stringify } from 'csv-stringify/sync';
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import type { ImageRecord } from '../../src-shared/receipt/record';
import type { OutputFormat } from './args';

export interface RecordWriter {
  /** Text to emit for this record now (may be empty). */
  add(record: ImageRecord): string;
  /** Text to emit after the last record. */
  finish(): string;
}

export const CSV_COLUMNS = ['file', 'sha256', 'status', 'error_code', 'error_message', 'width', 'height', 'total_ms', ...FIELD_NAMES, 'text'] as const;

export function csvRow(r: ImageRecord): string[] {
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
      return {
        add: (r) => {
          const rows = header ? [[...CSV_COLUMNS], csvRow(r)] : [csvRow(r)];
          header = false;
          return stringify(rows);
        },
        finish: () => (header ? stringify([[...CSV_COLUMNS]]) : ''),
      };
    }
  }
}
