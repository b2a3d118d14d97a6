import { describe, expect, it } from 'vitest';
import type { Quad } from '../../src-shared/ocr/types';
import type { WordBox } from '../receipt-generator/compose';
import { labelRegion } from './label';

const quad = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
const word = (text: string, x0: number, x1: number, y0 = 100, node = 0, spaceBefore = true): WordBox => ({ text, x0, x1, y0, y1: y0 + 20, node, spaceBefore });

// "Banco receptor" in one text node, its value in another on the row below, "Bs" in a span of its own.
const words = [
  word('Banco', 10, 60, 100, 0, false),
  word('receptor', 66, 140, 100, 0, true),
  word('Banplus', 10, 80, 130, 1, false),
  word('1.250,00', 200, 270, 100, 2, false),
  word('Bs', 276, 296, 100, 3, false),
];

describe('labelRegion', () => {
  it('joins the words of one row, with the spaces their text has', () => {
    expect(labelRegion(quad(5, 96, 145, 124), words)).toEqual({ text: 'Banco receptor' });
  });

  it('puts a space between words of different text nodes only where the page shows a gap', () => {
    expect(labelRegion(quad(195, 96, 300, 124), words)).toEqual({ text: '1.250,00 Bs' });
    const glued = [word('0102', 10, 50, 100, 0, false), word('-1234', 50, 95, 100, 1, false)];
    expect(labelRegion(quad(5, 96, 100, 124), glued)).toEqual({ text: '0102-1234' });
  });

  it('drops a box that cuts a word, and one that spans two rows', () => {
    expect(labelRegion(quad(5, 96, 100, 124), words)).toEqual({ dropped: 'cut word' });
    expect(labelRegion(quad(5, 96, 145, 154), words)).toEqual({ dropped: 'two rows' });
  });

  it('reads a box around no word (an icon) as nothing, and ignores the margin grazing a neighbour', () => {
    expect(labelRegion(quad(400, 96, 440, 124), words)).toEqual({ text: '' });
    // The box's lower edge reaches 2 px into the row below: a graze, not a cut.
    expect(labelRegion(quad(5, 96, 145, 132), words)).toEqual({ text: 'Banco receptor' });
  });
});
