/**
 * Field accuracy as the issue defines it: canonical values compared exactly, cédulas by their
 * digits. Each miss says where it came from: the OCR never read the value (so a better
 * recogniser fixes it), or the text was right and extraction missed it.
 */
import { fold } from '../src-shared/extract/text';

export type Truth = Record<string, string>;
export type Predicted = Record<string, { value: string; currency?: string } | undefined>;

const digits = (s: string) => s.replace(/\D/g, '');

export function sameValue(field: string, truth: string, predicted: string | undefined): boolean {
  if (predicted === undefined) return false;
  if (field === 'cedula') return digits(truth) === digits(predicted);
  return truth === predicted;
}

export type Cause = 'ocr' | 'ocr-accents' | 'extraction';

/** Whether the OCR text holds the truth at all (digits for numbers, letters for text). */
export function missCause(field: string, truth: string, ocrText: string): Cause {
  // Masked accounts: the OCR must have read the very masking ("0102****5071"), stars counted.
  if (field === 'cuenta_origen' || field === 'cuenta_destino') {
    return ocrText.replace(/[\s.-]/g, '').replace(/[•·∙●xX]/g, '*').includes(truth) ? 'extraction' : 'ocr';
  }
  if (['referencia', 'telefono', 'cedula', 'cuenta_origen', 'cuenta_destino', 'comprobante', 'identificador_fiscal'].includes(field)) {
    const want = digits(truth);
    return want && !digits(ocrText.replace(/\s/g, '')).includes(want) ? 'ocr' : 'extraction';
  }
  if (['concepto', 'beneficiario'].includes(field)) {
    if (ocrText.includes(truth)) return 'extraction';
    return fold(ocrText).includes(fold(truth)) ? 'ocr-accents' : 'ocr';
  }
  return 'extraction';
}

export interface FieldTally {
  total: number;
  correct: number;
  /** Predicted where the truth has no value. */
  spurious: number;
}

export function tally(rows: { truth: Truth; predicted: Predicted }[], fields: readonly string[]): Record<string, FieldTally> {
  const out: Record<string, FieldTally> = {};
  for (const f of fields) out[f] = { total: 0, correct: 0, spurious: 0 };
  for (const { truth, predicted } of rows) {
    for (const f of fields) {
      const t = f === 'currency' ? truth.currency : truth[f];
      const p = f === 'currency' ? predicted.monto?.currency : predicted[f]?.value;
      if (t === undefined) {
        if (p !== undefined && f !== 'currency') out[f]!.spurious++;
        continue;
      }
      out[f]!.total++;
      if (sameValue(f, t, p)) out[f]!.correct++;
    }
  }
  return out;
}
