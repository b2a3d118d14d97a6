import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../../../src-shared/ocr/types';
import { bandsNeedingDetail, mergeRegions, planBands, type GreyPage } from './text-bands';

/** A white page with "lines of text": rows of alternating dark and light strokes. */
function page(width: number, height: number, lines: readonly { y: number; h: number; x0?: number; x1?: number }[]): GreyPage {
  const data = new Uint8Array(width * height).fill(245);
  for (const l of lines) {
    for (let y = l.y; y < l.y + l.h; y++) for (let x = l.x0 ?? 10; x < (l.x1 ?? width - 10); x++) if (x % 4 < 2) data[y * width + x] = 30;
  }
  return { data, width, height, scale: 1 };
}
const region = (x0: number, y0: number, x1: number, y1: number): { quad: Quad; score: number } => ({
  quad: [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }],
  score: 0.9,
});

describe('bands of text the page pass missed', () => {
  it('finds uncovered lines of text, merged into one band, and counts the page\'s lines', () => {
    const grey = page(300, 400, [{ y: 100, h: 10 }, { y: 125, h: 10 }, { y: 150, h: 10 }]);
    const { bands, inkLines } = bandsNeedingDetail(grey, [], 0.5, 16);
    expect(inkLines).toBe(3);
    expect(bands).toHaveLength(1);
    expect(bands[0]!.y0).toBeLessThanOrEqual(100);
    expect(bands[0]!.y1).toBeGreaterThanOrEqual(160);
    expect(bands[0]!.textHeight).toBe(10);
  });

  it('leaves alone text the page pass read at a good height, and blank space', () => {
    const grey = page(300, 400, [{ y: 100, h: 10 }]);
    expect(bandsNeedingDetail(grey, [region(5, 95, 295, 115)], 1, 16).bands).toEqual([]);
    expect(bandsNeedingDetail(page(300, 400, []), [], 1, 16)).toEqual({ bands: [], inkLines: 0, fused: new Set() });
  });

  it('takes a tall box over several lines for lines run together, not one line read well', () => {
    // A table's two rows, 12 px each with 16 px between them, boxed as one 44 px region.
    const grey = page(400, 200, [{ y: 40, h: 12 }, { y: 68, h: 12 }]);
    const fusedBox = region(5, 38, 395, 82);
    const need = bandsNeedingDetail(grey, [fusedBox], 1, 16);
    expect([...need.fused]).toEqual([fusedBox]);
    expect(need.bands).toHaveLength(1);
    // One tall line of large text is a line: nothing to look at again.
    const tall = page(400, 200, [{ y: 40, h: 40 }]);
    expect(bandsNeedingDetail(tall, [region(5, 38, 395, 82)], 1, 16)).toMatchObject({ bands: [], fused: new Set() });
  });

  it('looks again at boxes the page pass saw too small', () => {
    const grey = page(300, 400, [{ y: 100, h: 10 }]);
    // The same box, but found at a quarter of the size: 5 detector pixels tall.
    expect(bandsNeedingDetail(grey, [region(5, 95, 295, 115)], 0.25, 16).bands).toHaveLength(1);
  });
});

describe('planning and merging band passes', () => {
  const band = { x0: 0, y0: 0, x1: 1000, y1: 1000, textHeight: 11 };
  it('scales each band to its text, within the budget, never below the page pass', () => {
    expect(planBands([band], 0.5, 22, 10_000_000)[0]!.scale).toBe(2);
    const tight = planBands([band], 0.5, 22, 1_000_000)[0]!;
    expect(tight.scale).toBeCloseTo(1, 5);
    expect(planBands([{ ...band, textHeight: 40 }], 0.6, 22, 1_000_000)).toEqual([]);
  });

  it('replaces the page\'s small boxes in a band and never reads well-read text twice', () => {
    const good = region(0, 0, 200, 40);
    const small = region(0, 100, 200, 108);
    const plan = { x0: 0, y0: 0, x1: 300, y1: 200, textHeight: 8, scale: 2 };
    const found = [region(0, 2, 200, 38), region(0, 98, 200, 110)];
    const merged = mergeRegions([good, small], 1, 16, [{ plan, found }]);
    expect(merged).toEqual([good, found[1]]);
  });

  it('replaces a box of lines run together with the band\'s lines', () => {
    const fused = region(0, 0, 300, 60);
    const plan = { x0: 0, y0: 0, x1: 300, y1: 80, textHeight: 12, scale: 2 };
    const found = [region(0, 2, 300, 16), region(0, 40, 300, 54)];
    expect(mergeRegions([fused], 1, 16, [{ plan, found }], new Set([fused]))).toEqual(found);
    // Without a band over it, the box stays: something read beats nothing.
    expect(mergeRegions([fused], 1, 16, [], new Set([fused]))).toEqual([fused]);
  });
});
