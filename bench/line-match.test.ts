import { describe, expect, it } from 'vitest';
import { unspacedEditsByLine, type TextBox } from './line-match';

// Three truth boxes on one printed row, as SROIE boxes a receipt's header.
const row: TextBox[] = [
  { box: [10, 100, 120, 120], text: 'GST SUMMARY' },
  { box: [200, 100, 300, 120], text: 'AMOUNT (RM)' },
  { box: [350, 100, 420, 120], text: 'GST (RM)' },
];

describe('unspacedEditsByLine', () => {
  it('joins the truth boxes a detected line holds, left to right, and forgives its spaces', () => {
    const line = { box: [5, 96, 425, 124] as TextBox['box'], text: 'GST Summary Amount(RM) GST (RM)' };
    expect(unspacedEditsByLine(row, [line], true)).toEqual({ edits: 0, chars: 10 + 10 + 7 });
    // In exact case the same read costs every lower-case letter.
    expect(unspacedEditsByLine(row, [line], false).edits).toBe('ummarymount'.length);
  });

  it('counts misread letters, and a truth box no line holds as wholly missed', () => {
    const lines: TextBox[] = [{ box: [5, 96, 310, 124], text: 'GSL SUMMARY AMOUNT (RN)' }];
    expect(unspacedEditsByLine(row, lines, true)).toEqual({ edits: 2 + 7, chars: 27 });
  });

  it('gives a truth box to the line that holds most of it, and leaves out lines with no truth', () => {
    const lines: TextBox[] = [
      { box: [0, 90, 430, 112], text: 'GSTSUMMARY AMOUNT(RM) GST(RM)' },
      { box: [0, 112, 430, 140], text: 'noise' },
      { box: [0, 300, 430, 320], text: 'unlabelled footer' },
    ];
    expect(unspacedEditsByLine(row, lines, true)).toEqual({ edits: 0, chars: 27 });
  });

  it('counts every character missed when nothing was detected', () => {
    expect(unspacedEditsByLine(row, [], true)).toEqual({ edits: 27, chars: 27 });
  });
});
