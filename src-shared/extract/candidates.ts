/**
 * Where a field's value may be: after its label on the same row, below it in its column, or
 * anywhere by its own form. Each place becomes a candidate with the normalised value, the words
 * it came from and a score; extract.ts chooses among them.
 */
import { bankByName } from './banks';
import { NORMALIZERS, type Normalized, type NormalizeContext } from './normalize';
import { fold } from './text';
import { joinWords, type PageRow, type PhraseHit, type WordRef } from './page';
import type { FieldRule, RuleField } from './rules';

type Via = 'inline' | 'right' | 'below' | 'standalone';

export interface Candidate {
  field: RuleField;
  via: Via;
  label?: PhraseHit;
  /** The words the value was read from. */
  words: WordRef[];
  norm: Normalized;
  score: number;
}

/** Trust in each place a value can be found, before the label match and the reading count. */
const PRIOR: Record<Via, number> = { inline: 1, right: 0.97, below: 0.93, standalone: 0.8 };

const height = (r: PageRow) => r.box[3] - r.box[1];
const centreX = (b: readonly number[]) => (b[0]! + b[2]!) / 2;

/** Field labels and the labels fields exclude; app names and transaction words are not labels. */
const isLabel = (h: PhraseHit) => !h.key.startsWith('channel:') && !h.key.startsWith('tx:');

/** A later label on the row that begins a new column ends the value of this one. */
function nextColumnLabel(hits: readonly PhraseHit[], h: PhraseHit): PhraseHit | undefined {
  return hits.filter((o) => o.row === h.row && o.first > h.last && o.startsSegment && isLabel(o)).sort((a, b) => a.first - b.first)[0];
}

// Module-level predicates, not arrows in the call: V8 optimises a function created per call
// afresh each time it gets hot (docs/ocr-engine.md, "Code V8 optimises once").
const startsLabelSegment = (h: PhraseHit) => isLabel(h) && h.startsSegment;
const rowOf = (h: PhraseHit) => h.row;
const labelRows = (hits: readonly PhraseHit[]) => new Set(hits.filter(startsLabelSegment).map(rowOf));

/**
 * Where the label's column ends on its own row: at the next label, or at the next word after a
 * wide gap (a column header the rules do not know, such as "Estatus").
 */
function columnEnd(row: PageRow, hits: readonly PhraseHit[], h: PhraseHit): number {
  const next = nextColumnLabel(hits, h);
  for (let i = h.last + 1; i < row.words.length; i++) {
    if (next && i >= next.first) return row.words[next.first]!.box[0];
    if (row.words[i]!.box[0] - row.words[i - 1]!.box[2] > height(row) * 1.2) return row.words[i]!.box[0];
  }
  return next ? row.words[next.first]!.box[0] : Infinity;
}

/**
 * A row of column headers (a web grid): another label stands in the row, and what sits under
 * this label is a value, not a label. Its labels' values are below them, never to their right:
 * the next header is there.
 */
function isHeaderRow(rows: readonly PageRow[], hits: readonly PhraseHit[], h: PhraseHit): boolean {
  const row = rows[h.row]!;
  const below = rows[h.row + 1];
  if (h.colon || !below || below.box[1] - row.box[3] > height(row) * 2.5) return false;
  if (!nextColumnLabel(hits, h)) return false;
  const x = row.words[h.first]!.box[0];
  const under = below.words.findIndex((w) => w.box[2] > x && w.box[0] < row.words[h.last]!.box[2] + height(row));
  return under >= 0 && !hits.some((o) => o.row === h.row + 1 && o.first <= under && o.last >= under && isLabel(o));
}

/** Rows below `from` that continue a wrapped value: close, aligned, without labels. */
function continuation(rows: readonly PageRow[], from: number, x0: number, x1: number, labelled: Set<number>): WordRef[] {
  const refs: WordRef[] = [];
  let last = rows[from]!;
  for (let r = from + 1; r < rows.length && r <= from + 2; r++) {
    const row = rows[r]!;
    if (labelled.has(r) || row.box[1] - last.box[3] > height(last) * 0.6) break;
    const words = row.words.map((w, i) => ({ w, i })).filter(({ w }) => centreX(w.box) >= x0 && centreX(w.box) < x1);
    if (words.length === 0 || Math.abs(words[0]!.w.box[0] - x0) > height(row) * 1.5) break;
    refs.push(...words.map(({ i }) => ({ row: r, word: i })));
    last = row;
  }
  return refs;
}

/** The words of `refs` on `row` up to the first column gap after the first of them. */
function untilGap(row: PageRow, refs: readonly WordRef[]): WordRef[] {
  const own = refs.filter((r) => r.row === refs[0]?.row);
  const cut = own.findIndex((r, i) => i > 0 && row.words[r.word]!.box[0] - row.words[own[i - 1]!.word]!.box[2] > height(row) * 1.2);
  return cut > 0 ? own.slice(0, cut) : [];
}

function build(field: RuleField, rule: FieldRule, rows: readonly PageRow[], refs: WordRef[], ctx: NormalizeContext, via: Via, label?: PhraseHit): Candidate | null {
  if (refs.length === 0) return null;
  const { text, spans } = joinWords(rows, refs);
  const norm = NORMALIZERS[rule.normalizer](text, ctx);
  if (!norm) return null;
  const words = spans.filter((s) => s.start < norm.end && s.end > norm.start).map((s) => s.ref);
  if (words.length === 0) return null;
  const labelFactor = label ? label.score * (label.startsSegment ? 1 : 0.75) : 1;
  return { field, via, ...(label ? { label } : {}), words, norm, score: PRIOR[via] * labelFactor * norm.confidence };
}

/** Candidates from one label: the rest of its row, and its column below. */
export function labelCandidates(field: RuleField, rule: FieldRule, rows: readonly PageRow[], hits: readonly PhraseHit[], h: PhraseHit, ctx: NormalizeContext): Candidate[] {
  const out: Candidate[] = [];
  const labelled = labelRows(hits);
  const row = rows[h.row]!;
  const next = nextColumnLabel(hits, h);
  const via: Via = h.colon ? 'inline' : 'right';
  if (rule.where.includes(via) && !isHeaderRow(rows, hits, h)) {
    const end = next ? next.first : row.words.length;
    const refs: WordRef[] = [];
    for (let i = h.last + 1; i < end; i++) refs.push({ row: h.row, word: i });
    if (rule.multiline && refs.length > 0) {
      const x0 = row.words[h.last + 1]!.box[0];
      refs.push(...continuation(rows, h.row, x0 - height(row), next ? row.words[next.first]!.box[0] : Infinity, labelled));
    }
    // A value that does not read with the row's rest may end at a column gap ("Ángel Briceño
    // ⟶ Tlf.: 0424…" where the next cell's label is one the rules do not know).
    const c = build(field, rule, rows, refs, { ...ctx, labelled: true }, via, h) ?? build(field, rule, rows, untilGap(row, refs), { ...ctx, labelled: true }, via, h);
    if (c) out.push(c);
  }
  if (rule.where.includes('below')) {
    const x0 = row.words[h.first]!.box[0] - height(row);
    const x1 = columnEnd(row, hits, h);
    for (let r = h.row + 1; r < rows.length && r <= h.row + 2; r++) {
      const below = rows[r]!;
      // Stacked layouts leave up to three label heights between a label and its value.
      if (below.box[1] - row.box[3] > height(row) * 4.5) break;
      const inColumn = below.words.map((w, i) => ({ w, i })).filter(({ w }) => centreX(w.box) >= x0 && centreX(w.box) < x1);
      if (inColumn.length === 0) continue;
      // A label right below means this one has no value under it (an app's name is not a label).
      if (hits.some((o) => o.row === r && o.first === inColumn[0]!.i && o.startsSegment && isLabel(o))) break;
      const refs = inColumn.map(({ i }) => ({ row: r, word: i }));
      if (rule.multiline) refs.push(...continuation(rows, r, inColumn[0]!.w.box[0], x1, labelled));
      const c = build(field, rule, rows, refs, { ...ctx, labelled: true }, 'below', h);
      if (c) out.push(c);
      break;
    }
  }
  return out;
}

/**
 * Values found by their form alone, one per row. A time alone is the phone's clock in the
 * status bar: stand-alone times count only beside a date.
 */
export function standaloneCandidates(field: RuleField, rule: FieldRule, rows: readonly PageRow[], ctx: NormalizeContext): Candidate[] {
  const out: Candidate[] = [];
  rows.forEach((row, r) => {
    const refs = row.words.map((_, i) => ({ row: r, word: i }));
    if (rule.normalizer === 'time' && !NORMALIZERS.date(joinWords(rows, refs).text, ctx)) return;
    // A bank alone is a row that is nothing but its name (the payee's bank in some headers).
    if (rule.normalizer === 'bank') {
      const text = joinWords(rows, refs).text;
      const named = ctx.banks ? bankByName(text, ctx.banks) : null;
      if (!named || fold(text).length > named.end - named.start + 2) return;
      const c = build(field, rule, rows, refs, { ...ctx, labelled: true }, 'standalone');
      if (c) out.push(c);
      return;
    }
    const c = build(field, rule, rows, refs, { ...ctx, labelled: false }, 'standalone');
    if (c) out.push(c);
  });
  return out;
}

/**
 * The label a value belongs to: the last label before it on its row, or the label above it in
 * its column (within two rows). Values owned by a label the field excludes are not the field's.
 */
export function owningLabel(rows: readonly PageRow[], hits: readonly PhraseHit[], c: Candidate): PhraseHit | undefined {
  const first = c.words[0]!;
  const sameRow = hits.filter((h) => h.row === first.row && h.last < first.word && isLabel(h)).sort((a, b) => b.last - a.last)[0];
  if (sameRow) return sameRow;
  const x = centreX(rows[first.row]!.words[first.word]!.box);
  for (let r = first.row - 1; r >= Math.max(0, first.row - 2); r--) {
    const above = hits.filter((h) => h.row === r && isLabel(h) && rows[r]!.words[h.first]!.box[0] - height(rows[r]!) <= x).sort((a, b) => b.first - a.first)[0];
    if (above) return above;
  }
  return undefined;
}
