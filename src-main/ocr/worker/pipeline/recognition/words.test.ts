import { describe, expect, it } from 'vitest';
import type { CtcChar, CtcLine } from './ctc';
import { inkProfile } from './ink';
import { splitWords } from './words';

/**
 * A 20-pixel-high line with one 6-pixel-wide glyph per character at the given x, and the CTC
 * frames that put each character at its glyph (stride 4 pixels per frame).
 */
function line(glyphs: [string, number][], width: number): { ctc: CtcLine; ink: ReturnType<typeof inkProfile> } {
  const grey = new Uint8Array(width * 20).fill(250);
  const chars: CtcChar[] = [];
  for (const [char, x] of glyphs) {
    if (char !== ' ') for (let y = 4; y < 16; y++) for (let dx = 0; dx < 6; dx++) grey[y * width + x + dx] = 10;
    const frame = Math.floor((x + 3) / 4);
    chars.push({ char, firstFrame: frame, lastFrame: frame, probability: 0.9 });
  }
  return { ctc: { text: chars.map((c) => c.char).join(''), confidence: 0.9, chars, frames: width / 4 }, ink: inkProfile(grey, width, 20) };
}

describe('splitWords', () => {
  it('splits where the recogniser read a space, with ink-tight boxes', () => {
    const { ctc, ink } = line([['a', 4], ['b', 12], [' ', 22], ['c', 30], ['d', 38]], 60);
    const words = splitWords(ctc, 4, ink);
    expect(words.map((w) => w.text)).toEqual(['ab', 'cd']);
    expect(words.map((w) => [w.x0, w.x1, w.y0, w.y1])).toEqual([[4, 18, 4, 16], [30, 44, 4, 16]]);
  });

  it('splits two words the recogniser ran together when the gap is wide', () => {
    const { ctc, ink } = line([['B', 4], ['A', 12], ['N', 20], ['C', 40], ['O', 48]], 70);
    expect(splitWords(ctc, 4, ink).map((w) => w.text)).toEqual(['BAN', 'CO']);
  });

  it('keeps ordinary letter spacing together', () => {
    const { ctc, ink } = line([['F', 4], ['e', 12], ['c', 20], ['h', 28], ['a', 36]], 50);
    expect(splitWords(ctc, 4, ink).map((w) => w.text)).toEqual(['Fecha']);
  });

  it('never cuts a run of digits at the wide margins of a narrow figure', () => {
    // "0071" then "49": a 7-pixel gap (0.58 text heights) between digits stays one number.
    const { ctc, ink } = line([['0', 4], ['0', 12], ['7', 20], ['1', 28], ['4', 41], ['9', 49]], 60);
    expect(splitWords(ctc, 4, ink).map((w) => w.text)).toEqual(['007149']);
  });

  it('still splits numbers a full text height apart', () => {
    const { ctc, ink } = line([['4', 4], ['1', 30], ['5', 38]], 50);
    expect(splitWords(ctc, 4, ink).map((w) => w.text)).toEqual(['4', '15']);
  });
});
