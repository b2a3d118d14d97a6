import { describe, expect, it } from 'vitest';
import { cropGeometry, detectorInputSize, greyBlocks, imageToTensor, rotate180, toGrey, warpCrop, type RgbImage } from './image';

/** An image whose red channel is x, green is y and blue is 7: every pixel says where it is. */
function coordinateImage(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x, y, 7], (y * width + x) * 3);
  return { data, width, height };
}

describe('detectorInputSize', () => {
  it('brings the longest side to the limit in multiples of 32', () => {
    expect(detectorInputSize(1080, 2400, 960)).toEqual({ width: 448, height: 960 });
    expect(detectorInputSize(485, 1080, 480, 480)).toEqual({ width: 224, height: 480 });
  });
  it('enlarges small images up to the minimum side and never goes under 32', () => {
    expect(detectorInputSize(243, 540, 960, 640)).toEqual({ width: 288, height: 640 });
    expect(detectorInputSize(40, 2000, 960)).toEqual({ width: 32, height: 960 });
  });
});

describe('imageToTensor', () => {
  it('lays out planes in the model channel order with its normalisation', () => {
    const img: RgbImage = { data: Uint8Array.from([255, 0, 51, 0, 255, 102]), width: 2, height: 1 };
    const t = imageToTensor(img, { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], order: 'BGR' });
    expect(t.dims).toEqual([1, 3, 1, 2]);
    // Plane 0 is blue: 51 and 102 -> (v/255 - 0.5) / 0.5.
    expect(t.data[0]).toBeCloseTo(-0.6, 5);
    expect(t.data[1]).toBeCloseTo(-0.2, 5);
    // Plane 2 is red: 255 and 0.
    expect(t.data[4]).toBeCloseTo(1, 5);
    expect(t.data[5]).toBeCloseTo(-1, 5);
  });
});

describe('warpCrop', () => {
  it('copies an axis-aligned region pixel for pixel', () => {
    const img = coordinateImage(50, 40);
    const g = cropGeometry([{ x: 10, y: 5 }, { x: 30, y: 5 }, { x: 30, y: 15 }, { x: 10, y: 15 }]);
    const patch = warpCrop(img, g, 20, 10);
    expect(Array.from(patch.data.subarray(0, 3))).toEqual([10, 5, 7]);
    const last = (9 * 20 + 19) * 3;
    expect(Array.from(patch.data.subarray(last, last + 3))).toEqual([29, 14, 7]);
  });

  it('reads a quad turned a quarter from its own top-left corner', () => {
    const img = coordinateImage(50, 50);
    // Text running downwards: its "top-left" is at (30, 10) and its width goes along +y.
    const g = cropGeometry([{ x: 30, y: 10 }, { x: 30, y: 30 }, { x: 20, y: 30 }, { x: 20, y: 10 }]);
    const patch = warpCrop(img, g, 20, 10);
    expect(Array.from(patch.data.subarray(0, 2))).toEqual([29, 10]);
    const end = 19 * 3;
    expect(Array.from(patch.data.subarray(end, end + 2))).toEqual([29, 29]);
  });

  it('averages when shrinking a lot, so one-pixel strokes are not skipped', () => {
    const data = new Uint8Array(40 * 4 * 3).fill(255);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 40; x += 4) data.set([0, 0, 0], (y * 40 + x) * 3);
    const patch = warpCrop({ data, width: 40, height: 4 }, cropGeometry([{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 4 }, { x: 0, y: 4 }]), 5, 1);
    for (let i = 0; i < 5; i++) expect(patch.data[i * 3]).toBeGreaterThan(150);
    for (let i = 0; i < 5; i++) expect(patch.data[i * 3]).toBeLessThan(235);
  });
});

describe('rotate180 and toGrey', () => {
  it('turns a patch half a turn', () => {
    const img = coordinateImage(3, 2);
    const turned = rotate180(img);
    expect(Array.from(turned.data.subarray(0, 2))).toEqual([2, 1]);
    expect(Array.from(turned.data.subarray(15, 17))).toEqual([0, 0]);
  });
  it('weights channels by luma', () => {
    expect(Array.from(toGrey({ data: Uint8Array.from([255, 255, 255, 255, 0, 0, 0, 0, 255]), width: 3, height: 1 }))).toEqual([255, 76, 29]);
  });
});

describe('greyBlocks', () => {
  /** The definition: each grey pixel the truncated mean luma (299, 587, 114) of its f x f block. */
  function reference(img: RgbImage, f: number): Uint8Array {
    const width = Math.floor(img.width / f);
    const height = Math.floor(img.height / f);
    const out = new Uint8Array(width * height);
    for (let gy = 0; gy < height; gy++) {
      for (let gx = 0; gx < width; gx++) {
        let sum = 0;
        for (let y = gy * f; y < gy * f + f; y++) {
          for (let x = gx * f; x < gx * f + f; x++) {
            const i = (y * img.width + x) * 3;
            sum += img.data[i]! * 299 + img.data[i + 1]! * 587 + img.data[i + 2]! * 114;
          }
        }
        out[gy * width + gx] = Math.floor(sum / (f * f * 1000));
      }
    }
    return out;
  }

  it('averages the luma of whole blocks, for single pixels, pairs and larger blocks, odd sizes included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) & 255;
    for (const [width, height, maxWidth, f] of [[37, 11, 40, 1], [75, 9, 40, 2], [80, 8, 40, 2], [101, 13, 40, 3], [170, 9, 40, 5]] as const) {
      const img: RgbImage = { data: Uint8Array.from({ length: width * height * 3 }, random), width, height };
      const grey = greyBlocks(img, maxWidth);
      expect(grey.scale).toBe(1 / f);
      expect([grey.width, grey.height]).toEqual([Math.floor(width / f), Math.floor(height / f)]);
      expect(grey.data).toEqual(reference(img, f));
    }
  });
});
