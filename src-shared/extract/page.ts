/**
 * The OCR page as extraction sees it: rows of words with boxes, and where label phrases occur.
 * A label is found on word boundaries, tolerant to OCR slips and to words run together.
 */
import type { Box, Line } from '../ocr/types';
import { fold, phraseScore } from './text';

interface PageWord {
  text: string;
  box: Box;
  confidence: number;
  /** Folded tokens of this word (a word like "CI/RIF" holds two). */
  tokens: string[];
}

export interface PageRow {
  words: PageWord[];
  box: Box;
}

export interface WordRef {
  row: number;
  word: number;
}

/** One phrase of a dictionary: `key` says what it stands for ("monto", "!monto", "channel:bdv"). */
export interface Phrase {
  key: string;
  phrase: string;
  tokens: string[];
  /** The tokens run together, for matching words OCR ran together. */
  joined: string;
}

export interface PhraseHit {
  key: string;
  phrase: string;
  row: number;
  /** First and last word (inclusive). */
  first: number;
  last: number;
  /** 1 for an exact match, less for OCR slips. */
  score: number;
  /** The label starts a column: first on its row, or after a wide gap or a colon. */
  startsSegment: boolean;
  /** The label ends with a colon: its value follows it on the row. */
  colon: boolean;
}

/** Splits "Fecha:09/01/2025" (a label OCR glued to its value) into two words; times stay whole. */
function splitGlued(w: PageWord): PageWord[] {
  const parts = w.text.split(/(?<=\p{L}:)(?=\S)/u);
  if (parts.length === 1) return [w];
  const [x0, y0, x1, y1] = w.box;
  const per = (x1 - x0) / w.text.length;
  let offset = 0;
  return parts.map((text) => {
    const box: Box = [x0 + offset * per, y0, x0 + (offset + text.length) * per, y1];
    offset += text.length;
    return { text, box, confidence: w.confidence, tokens: fold(text).split(' ').filter(Boolean) };
  });
}

export function pageFromLines(lines: readonly Line[]): PageRow[] {
  const rows = lines.map((l) => ({
    box: l.box,
    words: l.words.flatMap((w) => splitGlued({ text: w.text, box: w.box, confidence: w.confidence, tokens: fold(w.text).split(' ').filter(Boolean) })),
  }));
  return joinWrappedCells(rows);
}

/** Words of a row split where a gap wider than a column break lies: [first, last] word indexes. */
function segments(row: PageRow): [number, number][] {
  const out: [number, number][] = [];
  row.words.forEach((w, i) => {
    const last = out[out.length - 1];
    if (last && w.box[0] - row.words[i - 1]!.box[2] <= (w.box[3] - w.box[1]) * 1.2) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/**
 * A table cell too narrow for its label wraps it ("HORA DE LA" / "TRANSACCIÓN:") while the
 * value stays on the first line, in the next cell. The wrapped words, alone on the row just
 * below and starting where the cell does, join the cell's first line so the label reads whole.
 * Only when a value cell follows on that line: a label alone on its row, with its value below,
 * is a stacked layout and stays as it is.
 */
function joinWrappedCells(rows: PageRow[]): PageRow[] {
  const out: PageRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const tail = row.words;
    const merge = prev && tail.length > 0 && tail.length <= 3 && segments(row).length === 1 && !tail.some((w) => /\d/u.test(w.text)) ? wrappedInto(prev, row) : -1;
    if (merge < 0) {
      out.push(row);
      continue;
    }
    prev!.words.splice(merge + 1, 0, ...tail);
    prev!.box = [Math.min(prev!.box[0], row.box[0]), Math.min(prev!.box[1], row.box[1]), Math.max(prev!.box[2], row.box[2]), Math.max(prev!.box[3], row.box[3])];
  }
  return out;
}

/** The last word of `prev`'s cell that `row` continues, or -1. */
function wrappedInto(prev: PageRow, row: PageRow): number {
  const x0 = row.words[0]!.box[0];
  const x1 = row.words[row.words.length - 1]!.box[2];
  const cells = segments(prev);
  for (let c = 0; c + 1 < cells.length; c++) {
    const [first, last] = cells[c]!;
    const start = prev.words[first]!;
    const height = start.box[3] - start.box[1];
    const below = row.box[1] - Math.max(...prev.words.slice(first, last + 1).map((w) => w.box[3]));
    if (Math.abs(start.box[0] - x0) < height && below < height * 0.6 && prev.words[cells[c + 1]![0]]!.box[0] > x1) return last;
  }
  return -1;
}

export const phrases = (key: string, list: readonly string[]): Phrase[] =>
  list
    .map((phrase) => {
      const tokens = fold(phrase).split(' ').filter(Boolean);
      return { key, phrase, tokens, joined: tokens.join('') };
    })
    .filter((p) => p.tokens.length > 0);

const rowHeight = (r: PageRow) => r.box[3] - r.box[1];

/** A longer phrase at the same place wins over a shorter exact one from this score up. */
const LONGER_LABEL_SCORE = 0.85;

/** Whether a gap wider than a column break lies between two words of a row. */
function spansGap(row: PageRow, first: number, last: number): boolean {
  for (let i = first + 1; i <= last; i++) if (row.words[i]!.box[0] - row.words[i - 1]!.box[2] > rowHeight(row) * 1.2) return true;
  return false;
}

/** Phrases whose letters number within `slack` of `length`. */
function* phrasesNear(byLength: readonly (Phrase[] | undefined)[], length: number, slack: number): Generator<Phrase> {
  for (let n = Math.max(0, length - slack); n <= length + slack && n < byLength.length; n++) yield* byLength[n] ?? [];
}

/** Every place a phrase occurs: the best score per key and position. */
export function findPhrases(rows: readonly PageRow[], dictionary: readonly Phrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const longest = Math.max(0, ...dictionary.map((p) => p.tokens.length));
  // Phrases by length: a window can only match phrases of about its own length (each word
  // differs by at most three edits, words run together by at most two), so only those are tried.
  const byLength: Phrase[][] = [];
  for (const p of dictionary) (byLength[p.joined.length] ??= []).push(p);
  // Plain loops, not forEach: V8 optimises a callback created per call afresh each time (docs/ocr-engine.md).
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const tokens: { token: string; word: number }[] = [];
    for (let i = 0; i < row.words.length; i++) for (const token of row.words[i]!.tokens) tokens.push({ token, word: i });
    for (let t = 0; t < tokens.length; t++) {
      // A phrase starts at a word's first token: "rif" inside "CI/RIF" is not a label.
      if (t > 0 && tokens[t - 1]!.word === tokens[t]!.word) continue;
      // Windows of one to (longest + 1) tokens: OCR may split a label's word in two.
      for (let len = 1; len <= longest + 1 && t + len <= tokens.length; len++) {
        const window = tokens.slice(t, t + len);
        const first = window[0]!.word;
        const last = window[len - 1]!.word;
        // A phrase does not cross a column gap ("Monto" far left, "Bs. 150,00" far right).
        if (len > 1 && spansGap(row, first, last)) break;
        // ...and ends at a word's last token.
        if (t + len < tokens.length && tokens[t + len]!.word === last) continue;
        const words = window.map((x) => x.token);
        const joined = words.join('');
        const prev = row.words[first - 1];
        const gap = prev ? row.words[first]!.box[0] - prev.box[2] : Infinity;
        const startsSegment = !prev || gap > rowHeight(row) * 0.8 || /[:|]$/.test(prev.text);
        const colon = /:\s*$/.test(row.words[last]!.text);
        for (const p of phrasesNear(byLength, joined.length, Math.max(2, 3 * len))) {
          if (len > p.tokens.length + 1) continue;
          const score = phraseScore(words, p.tokens, joined, p.joined);
          if (score === 0) continue;
          const hit: PhraseHit = { key: p.key, phrase: p.phrase, row: r, first, last, score, startsSegment, colon };
          const same = hitAt(hits, hit.key, r, first);
          if (same < 0) hits.push(hit);
          // A longer phrase read well is the label ("Nombre y apelido" is "nombre y apellido", not "nombre").
          else if (hit.last > hits[same]!.last ? hit.score >= LONGER_LABEL_SCORE : hit.last === hits[same]!.last && hit.score > hits[same]!.score) hits[same] = hit;
        }
      }
    }
  }
  return hits;
}

/** Index of the hit of `key` at row `row`, word `first`; -1 when there is none. */
function hitAt(hits: readonly PhraseHit[], key: string, row: number, first: number): number {
  for (let i = 0; i < hits.length; i++) if (hits[i]!.key === key && hits[i]!.row === row && hits[i]!.first === first) return i;
  return -1;
}

/** The words' text joined by spaces, with each word's character range, for mapping back. */
export function joinWords(rows: readonly PageRow[], refs: readonly WordRef[]): { text: string; spans: { ref: WordRef; start: number; end: number }[] } {
  let text = '';
  const spans: { ref: WordRef; start: number; end: number }[] = [];
  for (const ref of refs) {
    if (text) text += ' ';
    const w = rows[ref.row]!.words[ref.word]!;
    spans.push({ ref, start: text.length, end: text.length + w.text.length });
    text += w.text;
  }
  return { text, spans };
}
