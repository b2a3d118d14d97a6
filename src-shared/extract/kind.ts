/**
 * The kind of transaction (Pago Móvil, transferencia...) from the words that name it: the
 * page's title when one is printed larger than the rest, else the rules' order. A title or a
 * sentence may wrap the kind across two lines ("Comprobante de Pago / Móvil").
 */
import { unionBoxes } from '../ocr/boxes';
import { findPhrases, joinWords, type PageRow, type Phrase, type PhraseHit, type WordRef } from './page';
import type { Rules } from './rules';
import type { ExtractedField } from './types';

/** Words this much larger than others are a title: their kind of transaction is the page's. */
const TITLE_SIZE = 1.2;
/** Words looked at on each side of a line break for a kind wrapped across it. */
const WRAP_WORDS = 3;

/** The words a phrase hit covers. */
export const refsOf = (h: PhraseHit): WordRef[] => Array.from({ length: h.last - h.first + 1 }, (_, i) => ({ row: h.row, word: h.first + i }));

/** A field read from words that name it (the app, the kind): its value is the words' meaning. */
export function keywordField(rows: readonly PageRow[], refs: readonly WordRef[], score: number, value: string): ExtractedField {
  const words = refs.map((w) => rows[w.row]!.words[w.word]!);
  const raw = joinWords(rows, refs).text;
  const confidence = Math.round(score * (words.reduce((s, w) => s + w.confidence, 0) / words.length) * 10000) / 10000;
  return { value, raw, confidence, box: unionBoxes(words.map((w) => w.box)), source: { via: 'keyword', label: raw } };
}

/** The kind named by the largest words among `hits` (already free of other fields' words). */
function titledKind(rows: readonly PageRow[], hits: readonly PhraseHit[], types: readonly string[]): ExtractedField | undefined {
  const rank = (h: PhraseHit) => types.indexOf(h.key.slice('tx:'.length));
  // The words' own size, as width per letter: a menu on the same row as a large logo is still
  // small print, and a line box's height says little (accents and descenders stretch it). The
  // smallest word counts, since a word's box may swallow the gap after it.
  const letterWidth = (h: PhraseHit) => Math.min(...refsOf(h).map((w) => rows[w.row]!.words[w.word]!).map((w) => (w.box[2] - w.box[0]) / Math.max(1, w.text.length)));
  const named = hits.filter((x) => x.key.startsWith('tx:') && rank(x) >= 0);
  const largest = Math.max(0, ...named.map(letterWidth));
  const tx = named.filter((x) => letterWidth(x) * TITLE_SIZE >= largest).sort((a, b) => rank(a) - rank(b) || b.score - a.score || a.row - b.row)[0];
  return tx ? keywordField(rows, refsOf(tx), tx.score, tx.key.slice('tx:'.length)) : undefined;
}

/** A kind whose words run from the end of one line into the start of the line below. */
function wrappedKind(rows: readonly PageRow[], dictionary: readonly Phrase[], types: readonly string[], taken: (w: WordRef) => boolean): ExtractedField | undefined {
  const kinds = dictionary.filter((p) => p.key.startsWith('tx:') && types.includes(p.key.slice('tx:'.length)) && p.tokens.length > 1);
  for (let r = 0; r + 1 < rows.length; r++) {
    const [upper, lower] = [rows[r]!, rows[r + 1]!];
    const lineHeight = upper.box[3] - upper.box[1];
    if (lower.box[1] - upper.box[3] > lineHeight) continue;
    const refs: WordRef[] = [
      ...upper.words.slice(-WRAP_WORDS).map((_, i, tail) => ({ row: r, word: upper.words.length - tail.length + i })),
      ...lower.words.slice(0, WRAP_WORDS).map((_, i) => ({ row: r + 1, word: i })),
    ];
    const joined: PageRow = { words: refs.map((w) => rows[w.row]!.words[w.word]!), box: unionBoxes([upper.box, lower.box]) };
    const breakAt = Math.min(WRAP_WORDS, upper.words.length);
    for (const hit of findPhrases([joined], kinds)) {
      const words = refsOf(hit).map((w) => refs[w.word]!);
      if (hit.first >= breakAt || hit.last < breakAt || words.some(taken)) continue;
      return keywordField(rows, words, hit.score, hit.key.slice('tx:'.length));
    }
  }
  return undefined;
}

export function transactionKind(rows: readonly PageRow[], hits: readonly PhraseHit[], dictionary: readonly Phrase[], rules: Rules, taken: (w: WordRef) => boolean): ExtractedField | undefined {
  const types = Object.keys(rules.transactionTypes);
  return titledKind(rows, hits, types) ?? wrappedKind(rows, dictionary, types, taken);
}
