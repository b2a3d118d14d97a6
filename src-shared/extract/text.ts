/**
 * Text comparison for labels and keywords: what an operator would call "the same words".
 * Case, accents and punctuation are ignored, and small OCR slips ("Operaci6n", "Comision",
 * "lel") still match, by an edit distance that grows with the length of the word.
 */

/**
 * Lower case, no accents, punctuation turned into spaces, spaces collapsed. "Nº" and "N°" (both
 * "número" on receipts, one a letter and one a symbol for Unicode) fold to "no".
 */
export function fold(text: string): string {
  return text
    .replace(/[º°]/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// One row buffer pair, reused: label matching calls this hundreds of thousands of times a page.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (b.length + 1 > prevRow.length) {
    prevRow = new Int32Array(b.length * 2 + 2);
    curRow = new Int32Array(b.length * 2 + 2);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Edits a word of this length may carry and still be the same word. Short words must match
 * exactly, or (four or five letters) with one letter misread but none added or lost: "Envib" is
 * "envió", but "pago" is not "tpago" and "tel" is not "el".
 */
const allowedEdits = (length: number) => (length <= 3 ? 0 : length <= 8 ? 1 : length <= 11 ? 2 : 3);

function wordDistance(candidate: string, word: string): number {
  const allowed = allowedEdits(word.length);
  if (word.length <= 5 && candidate.length !== word.length) return candidate === word ? 0 : allowed + 1;
  return editDistance(candidate, word, allowed);
}

/**
 * How well `candidate` (folded words) reads as `phrase` (folded words): 1 for an exact match,
 * less for OCR slips, 0 when it is another phrase. Words are compared one by one, and a phrase
 * whose words OCR ran together ("nrodereferencia") still matches.
 */
export function phraseScore(candidate: readonly string[], phrase: readonly string[], joinedCandidate?: string, joinedPhrase?: string): number {
  if (candidate.length === phrase.length) {
    let edits = 0;
    for (let i = 0; i < phrase.length; i++) {
      const d = wordDistance(candidate[i]!, phrase[i]!);
      if (d > allowedEdits(phrase[i]!.length)) return 0;
      edits += d;
    }
    return edits === 0 ? 1 : Math.max(0.6, 1 - edits * 0.12);
  }
  // Words run together (or split): compared whole, with at most two edits, so that two labels
  // sharing a word ("cuenta destino", "cuenta de origen") never read as each other.
  const whole = joinedPhrase ?? phrase.join('');
  const budget = Math.min(2, allowedEdits(whole.length));
  const d = editDistance(joinedCandidate ?? candidate.join(''), whole, budget);
  return d > budget ? 0 : Math.max(0.6, 0.92 - d * 0.12);
}

/** Whether any of the phrases occurs in the text as whole words (folded, exact). */
export function containsPhrase(text: string, phrases: readonly string[]): string | null {
  const hay = ` ${fold(text)} `;
  for (const p of phrases) {
    const needle = ` ${fold(p)} `;
    if (needle.trim() !== '' && hay.includes(needle)) return p;
  }
  return null;
}

/**
 * Letters and digits OCR takes for one another, reduced to one representative: "jullo" and
 * "julio", "novlembre" and "noviembre", "ag0" and "ago" have the same key.
 */
export const confusableKey = (word: string) => fold(word).replace(/[l1|]/g, 'i').replace(/0/g, 'o').replace(/5/g, 's').replace(/8/g, 'b').replace(/2/g, 'z');
