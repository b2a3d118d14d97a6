/**
 * Pixel buffers and model-input tensors. An RgbImage is what the decode stage produces:
 * 8-bit, 3 channels, interleaved, orientation applied, no alpha.
 */
import type { Quad } from '../../../../src-shared/ocr/types';

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A float32 tensor in NCHW layout, as the models take it. */
export interface Tensor {
  data: Float32Array;
  dims: number[];
}

/** How a model wants its pixels: value = (pixel / 255 - mean[c]) / std[c], channels in `order`. */
export interface Normalisation {
  mean: [number, number, number];
  std: [number, number, number];
  order: 'RGB' | 'BGR';
}

/**
 * Detector input size: the longest side brought under `limitSide`, small images brought up to
 * `minSide` (tiny WhatsApp thumbnails otherwise lose their text), both sides multiples of 32.
 */
export function detectorInputSize(width: number, height: number, limitSide: number, minSide = 0): { width: number; height: number } {
  const longest = Math.max(width, height);
  let ratio = 1;
  if (longest > limitSide) ratio = limitSide / longest;
  else if (longest < minSide) ratio = minSide / longest;
  const round32 = (v: number) => Math.max(32, Math.round((v * ratio) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}

/** NCHW float tensor of a whole image, normalised per channel. */
export function imageToTensor(img: RgbImage, norm: Normalisation): Tensor {
  const { width, height } = img;
  const out = new Float32Array(3 * width * height);
  normaliseChannels(img, norm, out, 0, width, height);
  return { data: out, dims: [1, 3, height, width] };
}

/**
 * The three channels of `img`, normalised as `norm` says, into consecutive planes of `out` from
 * `start`, each planeWidth x planeHeight (as large as the image or larger: the rest of each plane
 * is left as it is, the padding of a batch).
 */
export function normaliseChannels(img: RgbImage, norm: Normalisation, out: Float32Array, start: number, planeWidth: number, planeHeight: number): void {
  const plane = planeWidth * planeHeight;
  for (let c = 0; c < 3; c++) {
    const channel = norm.order === 'BGR' ? 2 - c : c;
    normaliseChannel(img, channel, 1 / (255 * norm.std[c]!), norm.mean[c]! / norm.std[c]!, out, start + c * plane, planeWidth);
  }
}

/**
 * The pixel loop of one channel, in a function of its own with nothing after it: V8 compiles such
 * a loop while it runs (on-stack replacement), and code after it, not yet run, had the compiled
 * code thrown away there and compiled again, a dozen times a batch (docs/ocr-engine.md, "Code V8
 * optimises once").
 */
function normaliseChannel(img: RgbImage, channel: number, scale: number, offset: number, out: Float32Array, start: number, planeWidth: number): void {
  const { data, width, height } = img;
  for (let y = 0; y < height; y++) {
    const from = y * width * 3 + channel;
    const to = start + y * planeWidth;
    for (let x = 0; x < width; x++) out[to + x] = data[from + x * 3]! * scale - offset;
  }
}

export interface CropGeometry {
  /** Corner the crop starts from, and the unit steps along the text and across it. */
  origin: { x: number; y: number };
  along: { x: number; y: number };
  across: { x: number; y: number };
  /** Size of the quad in original pixels. */
  width: number;
  height: number;
}

export function cropGeometry(q: Quad): CropGeometry {
  const [tl, tr, , bl] = q;
  const width = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  return {
    origin: tl,
    along: width > 0 ? { x: (tr.x - tl.x) / width, y: (tr.y - tl.y) / width } : { x: 1, y: 0 },
    across: height > 0 ? { x: (bl.x - tl.x) / height, y: (bl.y - tl.y) / height } : { x: 0, y: 1 },
    width,
    height,
  };
}

/**
 * Samples the quad upright into an 8-bit RGB patch of outW x outH. Bilinear, with
 * k x k supersampling when shrinking by more than 2x so thin strokes are averaged, not skipped.
 */
export function warpCrop(img: RgbImage, g: CropGeometry, outW: number, outH: number): RgbImage {
  const out = new Uint8Array(outW * outH * 3);
  const sx = g.width / outW;
  const sy = g.height / outH;
  const shrink = Math.max(sx, sy);
  const k = shrink > 2 ? Math.min(4, Math.ceil(shrink)) : 1;
  // A sample's position is origin + a * along + c * across, with a fixed by the column and c by
  // the row: both terms are worked out once per column and per row, not once per sample.
  const alongX = stepsAlong(outW, k, sx, g.origin.x, g.along.x);
  const alongY = stepsAlong(outW, k, sx, g.origin.y, g.along.y);
  const acrossX = stepsAlong(outH, k, sy, 0, g.across.x);
  const acrossY = stepsAlong(outH, k, sy, 0, g.across.y);
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  // An upright box (most of them: the detector's rectangles are axis-aligned for level text)
  // samples each column at one x and each row at one y: positions and weights are worked out
  // once, not once per sample. The same arithmetic, so the same bytes, as the general case.
  if (g.along.y === 0 && g.across.x === 0) {
    sampleUpright(img.data, out, outW, outH, k, sampleAxis(alongX, 0, maxX, 3), sampleAxis(acrossY, g.origin.y, maxY, img.width * 3));
  } else {
    sampleTurned(img, out, outW, outH, k, alongX, alongY, acrossX, acrossY);
  }
  return { data: out, width: outW, height: outH };
}

/**
 * start + (u + (i + 0.5) / k) * step * direction for each of `count` output pixels and its k
 * samples. Loops live in functions of their own: V8 then optimises the loop, not its caller
 * half-run (docs/ocr-engine.md, "Code V8 optimises once").
 */
function stepsAlong(count: number, k: number, step: number, start: number, direction: number): Float64Array {
  const out = new Float64Array(count * k);
  for (let u = 0; u < count; u++) {
    for (let i = 0; i < k; i++) out[u * k + i] = start + (u + (i + 0.5) / k) * step * direction;
  }
  return out;
}

/** warpCrop's sampling for a box at any angle: each sample bilinear at its own position. */
function sampleTurned(img: RgbImage, out: Uint8Array, outW: number, outH: number, k: number, alongX: Float64Array, alongY: Float64Array, acrossX: Float64Array, acrossY: Float64Array): void {
  const { data, width, height } = img;
  const n = k * k;
  const maxX = width - 1;
  const maxY = height - 1;
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      let r = 0, gg = 0, b = 0;
      for (let j = 0; j < k; j++) {
        const cx = acrossX[v * k + j]!;
        const cy = acrossY[v * k + j]!;
        for (let i = 0; i < k; i++) {
          // Bilinear, the position clamped to the image.
          const x = Math.min(Math.max(alongX[u * k + i]! + cx - 0.5, 0), maxX);
          const y = Math.min(Math.max(alongY[u * k + i]! + cy - 0.5, 0), maxY);
          const x0 = Math.floor(x), y0 = Math.floor(y);
          const x1 = Math.min(x0 + 1, maxX), y1 = Math.min(y0 + 1, maxY);
          const fx = x - x0, fy = y - y0;
          const i00 = (y0 * width + x0) * 3, i01 = (y0 * width + x1) * 3;
          const i10 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
          r += bilinear(data, i00, i01, i10, i11, fx, fy);
          gg += bilinear(data, i00 + 1, i01 + 1, i10 + 1, i11 + 1, fx, fy);
          b += bilinear(data, i00 + 2, i01 + 2, i10 + 2, i11 + 2, fx, fy);
        }
      }
      const o = (v * outW + u) * 3;
      out[o] = r / n + 0.5;
      out[o + 1] = gg / n + 0.5;
      out[o + 2] = b / n + 0.5;
    }
  }
}

/** One channel between four pixels (the offsets of that channel in each), weighted fx across and fy down. */
function bilinear(data: Uint8Array, i00: number, i01: number, i10: number, i11: number, fx: number, fy: number): number {
  const top = data[i00]! + (data[i01]! - data[i00]!) * fx;
  const bottom = data[i10]! + (data[i11]! - data[i10]!) * fx;
  return top + (bottom - top) * fy;
}

/** Sample positions along one axis, clamped: the two pixels' offsets either side and the weight of the second. */
interface AxisSamples {
  lo: Int32Array;
  hi: Int32Array;
  frac: Float64Array;
}

function sampleAxis(positions: Float64Array, offset: number, max: number, stride: number): AxisSamples {
  const n = positions.length;
  const axis = { lo: new Int32Array(n), hi: new Int32Array(n), frac: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(offset + positions[i]! - 0.5, 0), max);
    const p0 = Math.floor(p);
    axis.lo[i] = p0 * stride;
    axis.hi[i] = Math.min(p0 + 1, max) * stride;
    axis.frac[i] = p - p0;
  }
  return axis;
}

/** warpCrop's sampling for an upright box: k x k bilinear samples a pixel from precomputed axes. */
function sampleUpright(data: Uint8Array, out: Uint8Array, outW: number, outH: number, k: number, cols: AxisSamples, rows: AxisSamples): void {
  const n = k * k;
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      let r = 0, gg = 0, b = 0;
      for (let j = 0; j < k; j++) {
        const rowLo = rows.lo[v * k + j]!, rowHi = rows.hi[v * k + j]!, fy = rows.frac[v * k + j]!;
        for (let i = 0; i < k; i++) {
          const colLo = cols.lo[u * k + i]!, colHi = cols.hi[u * k + i]!, fx = cols.frac[u * k + i]!;
          const i00 = rowLo + colLo, i01 = rowLo + colHi, i10 = rowHi + colLo, i11 = rowHi + colHi;
          r += bilinear(data, i00, i01, i10, i11, fx, fy);
          gg += bilinear(data, i00 + 1, i01 + 1, i10 + 1, i11 + 1, fx, fy);
          b += bilinear(data, i00 + 2, i01 + 2, i10 + 2, i11 + 2, fx, fy);
        }
      }
      const o = (v * outW + u) * 3;
      out[o] = r / n + 0.5;
      out[o + 1] = gg / n + 0.5;
      out[o + 2] = b / n + 0.5;
    }
  }
}

/** Turns a patch half a turn (for lines the angle classifier finds upside down). */
export function rotate180(img: RgbImage): RgbImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const j = (n - 1 - i) * 3;
    out[i * 3] = img.data[j]!;
    out[i * 3 + 1] = img.data[j + 1]!;
    out[i * 3 + 2] = img.data[j + 2]!;
  }
  return { data: out, width: img.width, height: img.height };
}

/** Luma of each pixel, 0..255. */
export function toGrey(img: RgbImage): Uint8Array {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (img.data[i * 3]! * 299 + img.data[i * 3 + 1]! * 587 + img.data[i * 3 + 2]! * 114) / 1000;
  }
  return out;
}

/**
 * A grey copy at most `maxWidth` wide, each pixel the mean luma of a whole f x f block (so thin
 * strokes keep their contrast), and how many of its pixels make one of the image's. In plain
 * JS: cheaper than a round trip through libvips for one pass over the page.
 */
export function greyBlocks(img: RgbImage, maxWidth: number): { data: Uint8Array; width: number; height: number; scale: number } {
  const f = Math.max(1, Math.ceil(img.width / maxWidth));
  const width = Math.floor(img.width / f);
  const height = Math.floor(img.height / f);
  const out = new Uint8Array(width * height);
  // Phone screenshots and desktop pages up to 1920 px take the first two: one loop each.
  if (f === 1) greyPixels(img.data, out);
  else if (f === 2) greyPairs(img.data, img.width, out, width, height);
  else greyAnyBlocks(img.data, img.width, out, width, height, f);
  return { data: out, width, height, scale: 1 / f };
}

/** Luma (299, 587, 114 thousandths) of each pixel: greyBlocks with blocks of one pixel. */
function greyPixels(src: Uint8Array, out: Uint8Array): void {
  for (let j = 0, i = 0; j < out.length; j++, i += 3) out[j] = (src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114) / 1000;
}

/** greyBlocks with 2 x 2 blocks: the same integer sums, so the same bytes. */
function greyPairs(src: Uint8Array, srcWidth: number, out: Uint8Array, width: number, height: number): void {
  const row = srcWidth * 3;
  for (let gy = 0; gy < height; gy++) {
    let i = gy * 2 * row;
    for (let gx = 0, o = gy * width; gx < width; gx++, o++, i += 6) {
      const k = i + row;
      const sum = src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114 + src[i + 3]! * 299 + src[i + 4]! * 587 + src[i + 5]! * 114
        + src[k]! * 299 + src[k + 1]! * 587 + src[k + 2]! * 114 + src[k + 3]! * 299 + src[k + 4]! * 587 + src[k + 5]! * 114;
      out[o] = sum / 4000;
    }
  }
}

function greyAnyBlocks(src: Uint8Array, srcWidth: number, out: Uint8Array, width: number, height: number, f: number): void {
  const sums = new Uint32Array(width);
  const div = f * f * 1000;
  for (let gy = 0; gy < height; gy++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let i = (gy * f + dy) * srcWidth * 3;
      for (let gx = 0; gx < width; gx++) {
        let acc = 0;
        for (let dx = 0; dx < f; dx++, i += 3) acc += src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114;
        sums[gx]! += acc;
      }
    }
    for (let gx = 0; gx < width; gx++) out[gy * width + gx] = sums[gx]! / div;
  }
}
