import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import { flatRows, keptRows, stackedHeight, stackRows, unstackRegion } from './blank-rows';
import type { GreyPage } from './text-bands';

/** A light page, `lines` of dark strokes on it; `tint` shades whole rows (a header band). */
function page(width: number, height: number, lines: readonly { y: number; h: number }[], tint?: { y: number; h: number }): GreyPage {
  const data = new Uint8Array(width * height).fill(245);
  if (tint) data.fill(120, tint.y * width, (tint.y + tint.h) * width);
  for (const l of lines) for (let y = l.y; y < l.y + l.h; y++) for (let x = 10; x < width - 10; x++) if (x % 4 < 2) data[y * width + x] = 30;
  return { data, width, height, scale: 1 };
}
const box = (y0: number, y1: number): { quad: Quad; score: number } => ({
  quad: [{ x: 5, y: y0 }, { x: 95, y: y0 }, { x: 95, y: y1 }, { x: 5, y: y1 }],
  score: 0.9,
});

describe('background rows left out of a page pass', () => {
  it('calls a row background when it is one colour, a plain tinted band too, never a row with ink', () => {
    const flat = flatRows(page(100, 60, [{ y: 20, h: 5 }], { y: 40, h: 10 }));
    expect([...flat.subarray(18, 27)]).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 1]);
    expect(flat[45]).toBe(1);
    // Slight noise (a JPEG's) is still background; a faint rule across the page is not.
    const noisy = page(100, 10, []);
    noisy.data.forEach((_, i) => (noisy.data[i] = 240 + (i % 7)));
    noisy.data.fill(200, 5 * 100, 6 * 100 - 50);
    expect([...flatRows(noisy)]).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1]);
  });

  it('cuts long runs of background down to a margin each side, and the page edges to nothing', () => {
    // Lines at 100-106 and 400-406 on a 600-row page: three runs of background.
    const flat = flatRows(page(100, 600, [{ y: 100, h: 6 }, { y: 400, h: 6 }]));
    const segments = keptRows(flat, 1, 600, 8)!;
    expect(segments).toEqual([
      { from: 92, to: 114, at: 0 },
      { from: 392, to: 414, at: 22 },
    ]);
    expect(stackedHeight(segments)).toBe(44);
  });

  it('keeps as much background beside large print as the print is tall', () => {
    // A 40-row amount over a 6-row line: 40 rows kept around the first, 8 around the second.
    const flat = flatRows(page(100, 600, [{ y: 100, h: 40 }, { y: 400, h: 6 }]));
    expect(keptRows(flat, 1, 600, 8)).toEqual([
      { from: 60, to: 180, at: 0 },
      { from: 392, to: 414, at: 120 },
    ]);
  });

  it('keeps the whole page when too little would be cut, or a run is no longer than its margins', () => {
    const dense = page(100, 100, Array.from({ length: 9 }, (_, i) => ({ y: 5 + i * 10, h: 6 })));
    expect(keptRows(flatRows(dense), 1, 100, 2)).toBeNull();
    expect(keptRows(flatRows(page(100, 100, [{ y: 40, h: 20 }])), 1, 100, 60)).toBeNull();
  });

  it('maps grey rows to image rows when the grey copy is smaller than the image', () => {
    const flat = flatRows(page(100, 300, [{ y: 50, h: 10 }, { y: 250, h: 10 }]));
    // Each line is 20 image rows tall: 20 rows of background kept beside it, more than the margin.
    const segments = keptRows(flat, 0.5, 600, 10)!;
    expect(segments[0]).toEqual({ from: 80, to: 140, at: 0 });
    expect(segments[1]).toEqual({ from: 480, to: 540, at: 60 });
  });

  it('stacks the kept rows in order and moves boxes back by the segment their centre is in', () => {
    const width = 2;
    const rgb = Uint8Array.from({ length: 10 * width * 3 }, (_, i) => Math.floor(i / (width * 3)));
    const segments = [{ from: 1, to: 3, at: 0 }, { from: 6, to: 9, at: 2 }];
    expect([...stackRows(rgb, width, 3, segments)].filter((_, i) => i % (width * 3) === 0)).toEqual([1, 2, 6, 7, 8]);
    expect(unstackRegion(box(0.2, 1.8), segments).quad.map((p) => p.y)).toEqual([1.2, 1.2, 2.8, 2.8]);
    // A box whose edge reaches into the previous segment follows its centre.
    expect(unstackRegion(box(1.5, 4.5), segments).quad.map((p) => p.y)).toEqual([5.5, 5.5, 8.5, 8.5]);
  });
});
