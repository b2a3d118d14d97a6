/** Pure measures for the benchmark: percentiles and word-level precision/recall/F1. */
import { distance as levenshtein } from 'fastest-levenshtein';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface WordScore {
  matched: number;
  predicted: number;
  expected: number;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);

/**
 * SROIE task-2 style: texts split on whitespace, matches counted as multisets.
 * `foldCase` compares upper-cased words (SROIE's transcripts are all capitals, whatever the print).
 */
export function scoreWords(expected: string, predicted: string, foldCase: boolean): WordScore {
  const norm = (t: string) => (foldCase ? t.toUpperCase() : t);
  const want = new Map<string, number>();
  for (const w of words(norm(expected))) want.set(w, (want.get(w) ?? 0) + 1);
  let matched = 0;
  const got = words(norm(predicted));
  for (const w of got) {
    const left = want.get(w) ?? 0;
    if (left > 0) {
      matched++;
      want.set(w, left - 1);
    }
  }
  return { matched, predicted: got.length, expected: words(norm(expected)).length };
}

export function f1(scores: readonly WordScore[]): { precision: number; recall: number; f1: number } {
  const m = scores.reduce((s, x) => s + x.matched, 0);
  const p = scores.reduce((s, x) => s + x.predicted, 0);
  const e = scores.reduce((s, x) => s + x.expected, 0);
  const precision = p === 0 ? 0 : m / p;
  const recall = e === 0 ? 0 : m / e;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Whether a value appears in the text as a whole token (not inside a longer run of digits). */
export function containsToken(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^0-9A-Za-z])${escaped}($|[^0-9A-Za-z])`).test(text);
}

/** The text with every space and line break taken out. */
export const unspaced = (t: string) => t.replace(/\s+/g, '');

/** Character error rate (edits over reference characters) and exact lines, over a set of lines. */
export function lineScore(pairs: readonly { expected: string; read: string }[]): { cer: number; exact: number; lines: number } {
  let edits = 0;
  let chars = 0;
  let exact = 0;
  for (const { expected, read } of pairs) {
    edits += levenshtein(expected, read);
    chars += expected.length;
    if (expected === read) exact++;
  }
  return { cer: edits / Math.max(1, chars), exact: exact / Math.max(1, pairs.length), lines: pairs.length };
}

/**
 * The character error rate with every space taken out of both sides: what a line's letters,
 * digits and marks cost, apart from where it breaks its words. The pipeline splits words again at
 * ink gaps (src-main/ocr/worker/pipeline/recognition/words.ts), so a recogniser that drops spaces loses less through
 * it than its CER says, and one that misreads letters loses all of it: on SROIE's boxes PP-OCRv4
 * and ours had about the same CER, and this measure told them apart (docs/benchmarks.md).
 */
export function unspacedCer(pairs: readonly { expected: string; read: string }[]): number {
  return lineScore(pairs.map((p) => ({ expected: unspaced(p.expected), read: unspaced(p.read) }))).cer;
}

/** What a misread line got wrong, coarsely (`missKind`). */
export type MissKind = 'spaces' | 'separators' | 'other';

/**
 * Only its spaces; only spaces and the marks of a few pixels (`.` `,` `:` `;`: one read as
 * another, dropped or added); or more. Which kind dominates a set's misses says whether the next
 * training run needs more of the same lines or another kind of line.
 */
export function missKind(expected: string, read: string): MissKind {
  if (unspaced(expected) === unspaced(read)) return 'spaces';
  const unmarked = (t: string) => unspaced(t).replace(/[.,:;]/g, '');
  return unmarked(expected) === unmarked(read) ? 'separators' : 'other';
}
