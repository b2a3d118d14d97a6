/**
 * Receipts written as sentences: "Enviaste Bs. 150,00 a María Pérez (0414-…) en Banco Mercantil
 * el 12 de marzo de 2025 a las 3:45 p. m. Número de referencia 123…", a bank's SMS, an English
 * wallet's "You sent $25.00 to … on Mar 12, 2025 at 3:45 PM". Their values follow small cue
 * words, not labels, and wrap across rows; they are read from each paragraph's joined text and
 * only fill fields the labels left empty.
 */
import { NORMALIZERS, type Normalized, type NormalizeContext } from './normalize';
import { joinWords, type PageRow, type WordRef } from './page';
import type { RuleField } from './rules';

export interface ProseValue {
  field: RuleField;
  words: WordRef[];
  norm: Normalized;
  cue: string;
}

interface Cue {
  field: RuleField;
  pattern: RegExp;
  read: (text: string, ctx: NormalizeContext) => Normalized | null;
  /** How far after the cue the value may start (characters). */
  slack: number;
}

const norm = (name: keyof typeof NORMALIZERS) => (text: string, ctx: NormalizeContext) => NORMALIZERS[name](text, { ...ctx, labelled: true });

/** A person's name: two to four capitalised words, none of them a month ("… Pérez Nov 3, 2025"). */
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ene|Abr|Ago|Dic)(?!\p{L})`;
const NAME_WORD = String.raw`(?!${MONTH})\p{Lu}[\p{L}'’-]+`;
const NAME = new RegExp(String.raw`^(${NAME_WORD}(?:\s+${NAME_WORD}){1,3})`, 'u');
const readName = (text: string): Normalized | null => {
  const m = NAME.exec(text);
  return m ? { value: m[1]!, start: 0, end: m[1]!.length, confidence: 0.9 } : null;
};

/** A phone broken at its dash across two rows ("0424-" / "5680763") is still one phone. */
const readPhone = (text: string, ctx: NormalizeContext): Normalized | null => {
  const broken = /^(\S*\d-)\s(?=\d)/u.exec(text);
  if (!broken) return norm('phone')(text, ctx);
  const value = norm('phone')(text.replace(broken[0], broken[1]!), ctx);
  return value && value.start <= broken[1]!.length ? { ...value, end: value.end + 1 } : value;
};

// Cues start after a character that is not a letter: JavaScript's \b is ASCII-only, and would
// find "a " inside "María Zambrano".
const CUES: readonly Cue[] = [
  { field: 'monto', pattern: /(?<![\p{L}\p{N}])de\s+(?=(?:bs|ves|usd|\$))/giu, read: norm('amount'), slack: 1 },
  { field: 'monto', pattern: /(?<![\p{L}\p{N}])(?:enviaste|realizaste un pago m[oó]vil por|pago m[oó]vil por|pago movil por|enviado por|por|you sent|received|envio|env[ií]o)\s+/giu, read: norm('amount'), slack: 1 },
  // Longer cues first: "Ref" must not take the start of "Reference number".
  { field: 'referencia', pattern: /(?<![\p{L}\p{N}])(?:n[uú]mero de referencia|nro\.? de referencia|transaction reference|reference number|confirmation number|transaction id|referencia|reference|nro\.? ref\.?|ref\.?)\s*:?\s*/giu, read: norm('reference'), slack: 1 },
  { field: 'fecha', pattern: /(?<![\p{L}\p{N}])(?:el|on|fecha:?)\s+/giu, read: norm('date'), slack: 1 },
  // A numeric date anywhere in running text is the operation's (an SMS: "Ref 6997 04-01-2025").
  { field: 'fecha', pattern: /(?:^|[\s.,])(?=\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4})/gu, read: norm('date'), slack: 0 },
  { field: 'hora_operacion', pattern: /(?<![\p{L}\p{N}])(?:a las|at|hora:?)\s+/giu, read: norm('time'), slack: 1 },
  // ...and the time right after it.
  { field: 'hora_operacion', pattern: /\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4},?\s+/gu, read: norm('time'), slack: 0 },
  { field: 'hora_operacion', pattern: /(?<![\p{L}\p{N}])(?:19|20)\d\d,\s+/gu, read: norm('time'), slack: 0 },
  { field: 'banco_destino', pattern: /(?:(?<![\p{L}\p{N}])en|,)\s+/giu, read: norm('bank'), slack: 1 },
  { field: 'telefono', pattern: /(?<![\p{L}\p{N}])(?:tel[eé]fono:?|al|a|phone:?)\s+(?=[+\d])/giu, read: readPhone, slack: 1 },
  // A phone in brackets after the payee's name: "a María Pérez (0414-…)".
  { field: 'telefono', pattern: /\((?=[+\d])/gu, read: readPhone, slack: 0 },
  { field: 'beneficiario', pattern: /(?<![\p{L}\p{N}])(?:a|to|[Yy]ou paid)\s+(?=\p{Lu})/gu, read: readName, slack: 0 },
];

/**
 * Whether a short row opens the paragraph below it: its first line, cut short by long words
 * ("You paid Rosángela Rodríguez"), set flush left and close above.
 */
function opensParagraph(row: PageRow | undefined, next: PageRow): boolean {
  if (!row || row.words.length === 0) return false;
  const height = row.box[3] - row.box[1];
  return Math.abs(row.box[0] - next.box[0]) < height * 0.5 && next.box[1] - row.box[3] < height * 0.8;
}

/** Rows of running text (five words or more), joined into paragraphs of adjacent rows. */
function paragraphs(rows: readonly PageRow[]): WordRef[][] {
  const out: WordRef[][] = [];
  let current: WordRef[] = [];
  let last = -2;
  const refs = (r: number) => rows[r]!.words.map((_, i) => ({ row: r, word: i }));
  rows.forEach((row, r) => {
    if (row.words.length < 5 && !(current.length && r === last + 1 && row.words.length > 0)) {
      if (current.length) out.push(current);
      current = [];
      return;
    }
    if (r !== last + 1 && current.length) {
      out.push(current);
      current = [];
    }
    if (current.length === 0 && r !== last + 1 && opensParagraph(rows[r - 1], row)) current.push(...refs(r - 1));
    current.push(...refs(r));
    last = r;
  });
  if (current.length) out.push(current);
  return out;
}

/** Rows that are part of running text. */
export function paragraphRows(rows: readonly PageRow[]): Set<number> {
  return new Set(paragraphs(rows).flatMap((refs) => refs.map((r) => r.row)));
}

export function proseValues(rows: readonly PageRow[], ctx: NormalizeContext, wanted: ReadonlySet<RuleField>): ProseValue[] {
  const found = new Map<RuleField, ProseValue>();
  for (const refs of paragraphs(rows)) {
    const { text, spans } = joinWords(rows, refs);
    for (const cue of CUES) {
      if (!wanted.has(cue.field) || found.has(cue.field)) continue;
      for (const m of text.matchAll(cue.pattern)) {
        const from = m.index + m[0].length;
        const value = cue.read(text.slice(from, from + 48), ctx);
        if (!value || value.start > cue.slack) continue;
        const start = from + value.start;
        const end = from + value.end;
        const words = spans.filter((s) => s.start < end && s.end > start).map((s) => s.ref);
        if (words.length === 0) continue;
        found.set(cue.field, { field: cue.field, words, norm: { ...value, start: start - spans.find((s) => s.ref === words[0])!.start, end: end - spans.find((s) => s.ref === words[0])!.start }, cue: m[0].trim() });
        break;
      }
    }
  }
  return [...found.values()];
}

/** Also an English name before "received": "María Pérez received $25.00 from you". */
export function receivedBy(rows: readonly PageRow[]): { words: WordRef[]; name: string } | null {
  for (const refs of paragraphs(rows)) {
    const { text, spans } = joinWords(rows, refs);
    const m = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+received\b/u.exec(text);
    if (!m) continue;
    const [start, end] = [m.index, m.index + m[1]!.length];
    return { words: spans.filter((s) => s.start < end && s.end > start).map((s) => s.ref), name: m[1]! };
  }
  return null;
}
