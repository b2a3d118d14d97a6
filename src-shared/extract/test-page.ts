/**
 * Pages drawn as text for extraction tests: each string is a row, each character 10 px wide,
 * each row 20 px tall with 12 px between rows; words are split on spaces where they stand.
 * "Monto        Bs. 150,00" puts the amount 13 characters right of its label, as an app would.
 */
import type { Line, Word } from '../ocr/types';

const CHAR = 10;
const ROW = 20;
const GAP = 12;

export function drawPage(rows: readonly string[], confidence = 0.98): Line[] {
  return rows.flatMap((text, r) => {
    const y0 = r * (ROW + GAP);
    const words: Word[] = [...text.matchAll(/\S+/g)].map((m) => ({
      text: m[0],
      confidence,
      box: [m.index * CHAR, y0, (m.index + m[0].length) * CHAR, y0 + ROW],
    }));
    if (words.length === 0) return [];
    return [{ text: words.map((w) => w.text).join(' '), confidence, box: [words[0]!.box[0], y0, words.at(-1)!.box[2], y0 + ROW], words }];
  });
}
