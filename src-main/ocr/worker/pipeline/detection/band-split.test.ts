import { describe, expect, it } from 'vitest';
import { bandPassPixels, splitBand } from './band-split';
import type { BandPlan, GreyPage } from './text-bands';

/** A light page with lines of text (alternating dark strokes) at `lines`; `frame` draws its left and right border. */
function page(width: number, height: number, lines: readonly { y: number; h: number }[], frame = false): GreyPage {
  const data = new Uint8Array(width * height).fill(245);
  for (const l of lines) for (let y = l.y; y < l.y + l.h; y++) for (let x = 20; x < width - 20; x++) if (x % 4 < 2) data[y * width + x] = 30;
  if (frame) for (let y = 0; y < height; y++) data[y * width + 5] = data[y * width + width - 6] = 90;
  return { data, width, height, scale: 1 };
}

/** Lines of text 12 rows tall every 30 rows, from row 10 on. */
const textLines = (height: number) => Array.from({ length: Math.floor((height - 20) / 30) }, (_, i) => ({ y: 10 + i * 30, h: 12 }));
const plan = (width: number, height: number, scale = 1.5): BandPlan => ({ x0: 0, y0: 0, x1: width, y1: height, textHeight: 12, scale });

/** Every row a piece starts or ends at, inside the band. */
const cuts = (pieces: readonly BandPlan[]) => pieces.slice(1).map((p) => p.y0);
const inText = (y: number, lines: readonly { y: number; h: number }[]) => lines.some((l) => y >= l.y - 1 && y <= l.y + l.h);

describe('band passes cut at background rows', () => {
  it('leaves a band within the limit whole', () => {
    const band = plan(400, 300);
    expect(splitBand(band, page(400, 300, textLines(300)), bandPassPixels(band))).toEqual([band]);
  });

  it('cuts a large band into pieces near the limit, between lines of text, covering it exactly', () => {
    const lines = textLines(900);
    const band = plan(400, 900);
    const pieces = splitBand(band, page(400, 900, lines), bandPassPixels(band) / 3);
    expect(pieces).toHaveLength(3);
    expect(pieces[0]!.y0).toBe(0);
    expect(pieces[2]!.y1).toBe(900);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.y0).toBe(pieces[i - 1]!.y1);
    for (const y of cuts(pieces)) expect(inText(y, lines)).toBe(false);
    for (const p of pieces) {
      expect(p.scale).toBe(1.5);
      expect(bandPassPixels(p)).toBeLessThan((bandPassPixels(band) / 3) * 1.2);
    }
  });

  it('cuts through a frame around the text, never through the text', () => {
    const lines = textLines(600);
    const band = plan(400, 600);
    const pieces = splitBand(band, page(400, 600, lines, true), bandPassPixels(band) / 2);
    expect(pieces).toHaveLength(2);
    expect(inText(pieces[1]!.y0, lines)).toBe(false);
  });

  it('reads a band with text on every row whole', () => {
    const band = plan(400, 600);
    const solid = page(400, 600, [{ y: 0, h: 600 }]);
    expect(splitBand(band, solid, bandPassPixels(band) / 4)).toEqual([band]);
  });
});
