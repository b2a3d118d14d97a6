/**
 * Exports of what the data folder holds, with the operator's corrected values, review status
 * and duplicate flags. JSON is the legacy consolidated format (`{error, resultados: [...]}` with
 * `extracted_fields`, `palabras_detectadas` {texto, confianza, coordenadas} and
 * `processing_metadata`) so existing consumers keep working; CSV is UTF-8 with a BOM (Excel
 * then reads accents right), `,` or `;` between columns, one row per receipt, formula-safe
 * (jobs/csv-cells.ts).
 */
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import type { Line } from '../../src-shared/ocr/types';
import type { Db } from '../db/open';
import type { ReceiptState } from '../db/receipts';
import { matchingIds, type SearchQuery } from '../db/search';
import { csvText } from './csv-cells';

export interface ExportFilter {
  states?: readonly ReceiptState[];
  review?: readonly ('pending' | 'approved' | 'flagged')[];
  /** Only these receipts (a selection in the window). */
  sha256?: readonly string[];
  /** Those the history's search and filters show. */
  query?: SearchQuery;
}

interface FieldRow {
  name: string;
  value: string;
  raw: string;
  confidence: number;
  box: string;
  currency: string | null;
  bank_name: string | null;
  corrected: string | null;
}

export interface ExportReceipt {
  sha256: string;
  file: string;
  state: ReceiptState;
  review: string;
  receivedAt: string;
  expiresAt: string;
  duplicateOf: string | null;
  error: { code: string; message: string } | null;
  metadata: Record<string, unknown>;
  run: { profile: string; finishedAt: string; totalMs: number; models: string; text: string; lines: Line[] } | null;
  fields: FieldRow[];
}

export function exportRows(db: Db, filter: ExportFilter = {}): ExportReceipt[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const within = (column: string, values: readonly string[] | undefined) => {
    if (!values) return;
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  within('r.state', filter.states);
  within('r.review', filter.review);
  within('r.sha256', filter.sha256);
  if (filter.query) {
    const matching = matchingIds(filter.query);
    where.push(`r.id IN (${matching.sql})`);
    args.push(...matching.args);
  }
  const receipts = db
    .prepare(
      `SELECT r.id, r.sha256, r.original_name, r.state, r.review, r.received_at, r.expires_at, r.error_code, r.error_message, r.metadata, d.sha256 AS duplicate_sha,
              o.profile, o.finished_at, o.timings, o.models, o.text, o.lines
       FROM receipts r
       LEFT JOIN receipts d ON d.id = r.duplicate_of
       LEFT JOIN ocr_runs o ON o.id = (SELECT max(id) FROM ocr_runs WHERE receipt_id = r.id)
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.id`,
    )
    .all(...args) as Record<string, string | number | null>[];
  const fieldsOf = db.prepare('SELECT name, value, raw, confidence, box, currency, bank_name, corrected FROM fields WHERE receipt_id = ?');
  return receipts.map((r) => ({
    sha256: String(r.sha256),
    file: String(r.original_name),
    state: r.state as ReceiptState,
    review: String(r.review),
    receivedAt: String(r.received_at),
    expiresAt: String(r.expires_at),
    duplicateOf: r.duplicate_sha === null ? null : String(r.duplicate_sha),
    error: r.error_code === null ? null : { code: String(r.error_code), message: String(r.error_message ?? '') },
    metadata: JSON.parse(String(r.metadata)) as Record<string, unknown>,
    run:
      r.profile === null
        ? null
        : {
            profile: String(r.profile),
            finishedAt: String(r.finished_at),
            totalMs: (JSON.parse(String(r.timings)) as { total?: number }).total ?? 0,
            models: (JSON.parse(String(r.models)) as { id: string }[]).map((m) => m.id).join('+'),
            text: String(r.text),
            lines: JSON.parse(String(r.lines)) as Line[],
          },
    fields: (fieldsOf.all(r.id) as FieldRow[]).sort((a, b) => fieldOrder(a.name) - fieldOrder(b.name)),
  }));
}

const valueOf = (f: FieldRow) => f.corrected ?? f.value;
const fieldOrder = (name: string) => (FIELD_NAMES as readonly string[]).indexOf(name);

/** The legacy consolidated JSON. */
export function legacyJson(rows: readonly ExportReceipt[], now: Date): string {
  const resultados = rows.map((r) => {
    const words = r.run?.lines.flatMap((l) => l.words) ?? [];
    return {
      filename: r.file,
      sha256: r.sha256,
      processing_status: r.state === 'done' ? 'success' : r.state,
      processing_metadata: {
        timestamp: r.run?.finishedAt ?? null,
        profile_used: r.run?.profile ?? null,
        processing_time: r.run ? r.run.totalMs / 1000 : null,
        method_used: r.run ? `recibo-onnx ${r.run.models}` : null,
        coordinates_available: words.length,
        confidence_average: words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0,
      },
      original_text_ocr: r.run?.text ?? '',
      structured_text_ocr: r.run?.lines.map((l) => l.text).join('\n') ?? '',
      extracted_fields: Object.fromEntries(r.fields.map((f) => [f.name, valueOf(f)])),
      detalle_campos: Object.fromEntries(
        r.fields.map((f) => [f.name, { valor: valueOf(f), leido: f.value, original: f.raw, confianza: f.confidence, coordenadas: JSON.parse(f.box) as number[], corregido: f.corrected !== null, ...(f.currency ? { moneda: f.currency } : {}), ...(f.bank_name ? { banco: f.bank_name } : {}) }]),
      ),
      palabras_detectadas: words.map((w) => ({ texto: w.text, confianza: w.confidence, coordenadas: w.box })),
      metadata_whatsapp: r.metadata,
      revision: r.review,
      posible_duplicado: r.duplicateOf !== null,
      duplicado_de: r.duplicateOf,
      recibido: r.receivedAt,
      expira: r.expiresAt,
      ...(r.error ? { error: r.error } : {}),
    };
  });
  return `${JSON.stringify({ error: false, generado: now.toISOString(), total: resultados.length, resultados }, null, 2)}\n`;
}

export const CSV_EXPORT_COLUMNS = ['file', 'sha256', 'state', 'review', 'possible_duplicate', 'duplicate_of', 'received_at', 'expires_at', ...FIELD_NAMES, 'currency', 'corrected_fields', 'error', 'wa_numerosorteo', 'wa_fechasorteo', 'wa_id', 'wa_nombre', 'wa_horamin'] as const;

export function csvExport(rows: readonly ExportReceipt[], delimiter: ',' | ';'): string {
  const body = rows.map((r) => {
    const byName = new Map(r.fields.map((f) => [f.name, f]));
    const m = r.metadata as Record<string, string | undefined>;
    return [
      r.file, r.sha256, r.state, r.review, r.duplicateOf ? 'yes' : 'no', r.duplicateOf ?? '', r.receivedAt, r.expiresAt,
      ...FIELD_NAMES.map((n) => (byName.get(n) ? valueOf(byName.get(n)!) : '')),
      byName.get('monto')?.currency ?? '',
      r.fields.filter((f) => f.corrected !== null).map((f) => f.name).join(' '),
      r.error ? `${r.error.code}: ${r.error.message}` : '',
      m.numerosorteo ?? '', m.fechasorteo ?? '', m.idWhatsapp ?? '', m.nombre ?? '', m.horamin ?? '',
    ];
  });
  return csvText([[...CSV_EXPORT_COLUMNS], ...body], { bom: true, delimiter });
}
