import { describe, expect, it } from 'vitest';
import type { Box } from '../../../../../src-shared/ocr/types';
import { groupRows, pageText, type Segment } from './layout';

const seg = (text: string, box: Box): Segment => ({ box, words: text.split(' ').map((t, i, all) => {
  const w = (box[2] - box[0]) / all.length;
  return { text: t, confidence: 0.9, box: [box[0] + i * w, box[1], box[0] + (i + 1) * w - 4, box[3]] as Box };
}) });

describe('groupRows', () => {
  it('keeps a label and its far-away value on one row, in reading order', () => {
    const lines = groupRows([seg('1.250,75 Bs', [500, 102, 660, 126]), seg('Monto', [20, 100, 90, 122]), seg('Fecha', [20, 140, 90, 162])]);
    expect(lines.map((l) => l.text)).toEqual(['Monto 1.250,75 Bs', 'Fecha']);
    expect(lines[0]!.box).toEqual([20, 100, 656, 126]);
  });

  it('keeps a stacked label and value on separate rows', () => {
    const lines = groupRows([seg('Número de referencia', [20, 200, 200, 214]), seg('004816859308', [20, 218, 180, 240])]);
    expect(lines.map((l) => l.text)).toEqual(['Número de referencia', '004816859308']);
  });

  it('joins a tall amount with a small currency beside it', () => {
    const lines = groupRows([seg('-$168', [40, 100, 200, 150]), seg('USD', [210, 120, 260, 140])]);
    expect(lines).toHaveLength(1);
  });

  it('weights line confidence by characters and writes one visual row per text line', () => {
    const a = seg('a b', [0, 0, 40, 10]);
    a.words[0]!.confidence = 1;
    a.words[1]!.confidence = 0.5;
    const lines = groupRows([a, seg('next', [0, 30, 40, 40])]);
    expect(lines[0]!.confidence).toBeCloseTo(0.75);
    expect(pageText(lines)).toBe('a b\nnext');
  });
});
