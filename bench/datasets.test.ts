import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetAvailable, SHARED_DATASETS } from '../src-main/test-support/datasets';
import { boundingTextBox, parseSroieBoxes, realCaptures, realVe, sroie, sroieFiles } from './datasets';

describe('parseSroieBoxes', () => {
  it('keeps the commas of the text after the eighth one, and the corners in order', () => {
    const boxes = parseSroieBoxes('10,20,110,20,110,40,10,40,NO.53 55,57 & 59, JALAN\r\n5,50,60,50,60,70,5,70,TOTAL\n');
    expect(boxes).toEqual([
      { corners: [[10, 20], [110, 20], [110, 40], [10, 40]], text: 'NO.53 55,57 & 59, JALAN' },
      { corners: [[5, 50], [60, 50], [60, 70], [5, 70]], text: 'TOTAL' },
    ]);
  });
  it('leaves out rows with no text and blank lines', () => {
    expect(parseSroieBoxes('1,2,3,4,5,6,7,8,\n\n1,2,3,4,5,6,7,8,A\n')).toHaveLength(1);
  });
  it('bounds a slanted box by its extreme corners', () => {
    const [slanted] = parseSroieBoxes('12,20,110,16,112,38,10,42,TOTAL');
    expect(boundingTextBox(slanted!)).toEqual({ box: [10, 16, 112, 42], text: 'TOTAL' });
  });
  it('refuses a row whose corners are not numbers, rather than reading a box at NaN', () => {
    expect(() => parseSroieBoxes('x1,y1,x2,y2,x3,y3,x4,y4,text')).toThrow(/not a SROIE box row/);
  });
});

const files = sroieFiles(SHARED_DATASETS);

describe.skipIf(!datasetAvailable('sroie-sample'))('the SROIE sample (../shared/datasets)', () => {
  it('gives every scan a box per transcript line, each box inside its image', () => {
    const set = sroie(SHARED_DATASETS)!;
    expect(set.images).toHaveLength(files.length);
    for (const [k, { boxes }] of files.entries()) {
      const parsed = parseSroieBoxes(readFileSync(boxes, 'utf8'));
      expect(parsed.length).toBeGreaterThan(5);
      expect(parsed.map((b) => b.text).join('\n')).toBe(set.images[k]!.transcript);
      expect(set.images[k]!.truthBoxes).toHaveLength(parsed.length);
      for (const { corners } of parsed) {
        const [[x0, y0], , [x2, y2]] = corners;
        expect(x2!).toBeGreaterThan(x0!);
        expect(y2!).toBeGreaterThan(y0!);
      }
    }
  });
});

describe.skipIf(!datasetAvailable('real-ve'))('sixty real captures (../shared/datasets/real-ve)', () => {
  it('lists the originals its sources name, in turn, to sixty, and none of the degraded copies', () => {
    const real = realVe(SHARED_DATASETS)!;
    const sources = Object.keys(JSON.parse(readFileSync(`${SHARED_DATASETS}/real-ve/sources.json`, 'utf8')) as Record<string, unknown>);
    const set = realCaptures(real, SHARED_DATASETS)!;
    expect(set.repeated).toBe(true);
    expect(set.images).toHaveLength(60);
    const names = set.images.map((i) => i.file.split('/').pop()!);
    expect(new Set(names)).toEqual(new Set(sources));
    expect(names.slice(0, sources.length)).toEqual(names.slice(sources.length, 2 * sources.length));
    expect(real.images.length).toBeGreaterThan(sources.length);
  });
});
