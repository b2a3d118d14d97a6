/**
 * Exports of what the data folder holds, with the operator's corrected values, review status,
 * duplicate flags and what the bank statements show of each payment. JSON is the legacy
 * consolidated format (`{error, resultados: [...]}` with `extracted_fields`, `palabras_detectadas`
 * {texto, confianza, coordenadas} and `processing_metadata`) so existing consumers keep working; CSV is UTF-8 with a BOM (Excel
 * then reads accents right), `,` or `;` between columns, one row per receipt, formula-safe
 * (core/csv-cells.ts).
 */
import { FIELD_NAMES } from '../../src-shared/receipt/fields';
import type { ExportReceipt, FieldRow } from '../db/export-rows';
import { csvText } from './csv-cells';

const valueOf = (f: FieldRow) => f.corrected ?? f.value;

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
      conciliacion: r.reconciliation,
      recibido: r.receivedAt,
      expira: r.expiresAt,
      ...(r.error ? { error: r.error } : {}),
    };
  });
  return `${JSON.stringify({ error: false, generado: now.toISOString(), total: resultados.length, resultados }, null, 2)}\n`;
}

export const CSV_EXPORT_COLUMNS = ['file', 'sha256', 'state', 'review', 'possible_duplicate', 'duplicate_of', 'received_at', 'expires_at', ...FIELD_NAMES, 'currency', 'corrected_fields', 'payment_status', 'statement', 'statement_line', 'error', 'wa_numerosorteo', 'wa_fechasorteo', 'wa_id', 'wa_nombre', 'wa_horamin'] as const;

export function csvExport(rows: readonly ExportReceipt[], delimiter: ',' | ';'): string {
  const body = rows.map((r) => {
    const byName = new Map(r.fields.map((f) => [f.name, f]));
    const m = r.metadata as Record<string, string | undefined>;
    return [
      r.file, r.sha256, r.state, r.review, r.duplicateOf ? 'yes' : 'no', r.duplicateOf ?? '', r.receivedAt, r.expiresAt,
      ...FIELD_NAMES.map((n) => (byName.get(n) ? valueOf(byName.get(n)!) : '')),
      byName.get('monto')?.currency ?? '',
      r.fields.filter((f) => f.corrected !== null).map((f) => f.name).join(' '),
      r.reconciliation?.status ?? '', r.reconciliation?.statement ?? '', String(r.reconciliation?.line ?? ''),
      r.error ? `${r.error.code}: ${r.error.message}` : '',
      m.numerosorteo ?? '', m.fechasorteo ?? '', m.idWhatsapp ?? '', m.nombre ?? '', m.horamin ?? '',
    ];
  });
  return csvText([[...CSV_EXPORT_COLUMNS], ...body], { bom: true, delimiter });
}
