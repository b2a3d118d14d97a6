/**
 * A phone screen photographed by another phone: the screenshot laid on a desk in Chromium with a
 * 3-D tilt and perspective, then moiré from the screen's pixel grid, focus blur and JPEG.
 */
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { ReceiptStyle } from '../page';
import { int, pick, type Rng } from '../random';

export interface PhotoShot {
  /** Degrees: in-plane rotation, and the tilts that make the perspective. */
  rotate: number;
  tiltX: number;
  tiltY: number;
  blur: number;
  quality: number;
}

const signed = (rng: Rng, max: number) => Math.round((rng() * 2 - 1) * max * 10) / 10;

export function choosePhotoShot(rng: Rng): PhotoShot {
  return { rotate: signed(rng, 8), tiltX: signed(rng, 10), tiltY: signed(rng, 10), blur: int(rng, 4, 12) / 10, quality: int(rng, 55, 82) };
}

/** Fine stripes at a slant: the beat between the screen's pixels and the camera's sensor. */
function moire(width: number, height: number, rng: Rng): Buffer {
  const period = int(rng, 30, 55) / 10;
  const angle = (int(rng, 5, 40) * Math.PI) / 180;
  const strength = int(rng, 10, 26);
  const buf = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = (1 + Math.sin((2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle))) / period)) / 2;
      const o = (y * width + x) * 4;
      buf[o + 3] = Math.round(v * strength);
    }
  }
  return buf;
}

export async function photograph(browser: Browser, png: Buffer, rng: Rng, shot: PhotoShot): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  const width = Math.min(meta.width!, 900);
  const height = Math.round((meta.height! * width) / meta.width!);
  const [cw, ch] = [Math.round(width * 1.3), Math.round(height * 1.2)];
  const desk = pick(rng, ['#6d5a48', '#3b3f45', '#8a8f96', '#2e2a26', '#a08c74']);
  const html = `<!doctype html><html><body style="margin:0;width:${cw}px;height:${ch}px;overflow:hidden;background:radial-gradient(circle at 30% 20%, #ffffff22, ${desk})">
    <img src="data:image/png;base64,${png.toString('base64')}" style="position:absolute;left:${(cw - width) / 2}px;top:${(ch - height) / 2}px;width:${width}px;
    transform: perspective(${int(rng, 1400, 2600)}px) rotateX(${shot.tiltX}deg) rotateY(${shot.tiltY}deg) rotate(${shot.rotate}deg);
    border-radius: 24px; box-shadow: 0 0 0 14px #111, 0 20px 40px #0008; filter: brightness(${int(rng, 85, 110) / 100}) contrast(${int(rng, 85, 105) / 100});"></body></html>`;
  const context = await browser.newContext({ viewport: { width: cw, height: ch }, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    await tab.setContent(html, { waitUntil: 'load' });
    const shotPng = await tab.screenshot({ type: 'png' });
    const overlay = moire(cw, ch, rng);
    return await sharp(shotPng)
      .composite([{ input: overlay, raw: { width: cw, height: ch, channels: 4 } }])
      .blur(shot.blur)
      .jpeg({ quality: shot.quality })
      .toBuffer();
  } finally {
    await context.close();
  }
}

/** A family photographed: the same receipt drawing, taken off the screen by a camera. */
export const photoOf = (base: ReceiptStyle, id: string): ReceiptStyle => ({ ...base, id, layout: `photo of ${base.layout}`, photo: true });
