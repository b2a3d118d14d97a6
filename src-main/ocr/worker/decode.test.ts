import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir';
import { LIMITS, OcrFailure, readImageFile } from '../../image/image-file';
import { decodeImage } from './decode';

const tmp = useTempDir();
const file = (name: string) => path.join(tmp.path, name);

/** Reads and decodes like the worker does; returns the failure code instead of throwing. */
async function load(name: string) {
  try {
    return await decodeImage((await readImageFile(file(name))).bytes);
  } catch (e) {
    if (e instanceof OcrFailure) return e.code;
    throw e;
  }
}

const pixel = (img: { data: Uint8Array; width: number }, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));

/** 60x40 image: red left half, blue right half. */
const halves = () =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: '#0000ff' } }).composite([
    { input: { create: { width: 30, height: 40, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
  ]);

describe('decoding what phones and WhatsApp produce', () => {
  it('applies EXIF orientation', async () => {
    // Orientation 6: the stored pixels must be turned 90 degrees clockwise to be upright.
    await writeFile(file('rotated.jpg'), await halves().jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer());
    const img = await load('rotated.jpg');
    if (typeof img === 'string') throw new Error(img);
    expect([img.width, img.height]).toEqual([40, 60]);
    expect(pixel(img, 20, 5)[0]).toBeGreaterThan(200); // red is now on top
    expect(pixel(img, 20, 55)[2]).toBeGreaterThan(200); // blue below
  });

  it('flattens transparency on white', async () => {
    await writeFile(file('alpha.png'), await sharp({ create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer());
    const img = await load('alpha.png');
    if (typeof img === 'string') throw new Error(img);
    expect(pixel(img, 10, 10)).toEqual([255, 255, 255]);
  });

  it('reads grey, 16-bit, CMYK and palette images as 8-bit RGB', async () => {
    const grey = sharp({ create: { width: 40, height: 40, channels: 3, background: '#808080' } });
    await writeFile(file('grey.png'), await grey.clone().toColourspace('b-w').png().toBuffer());
    await writeFile(file('deep.png'), await grey.clone().toColourspace('rgb16').png().toBuffer());
    await writeFile(file('cmyk.jpg'), await halves().toColourspace('cmyk').jpeg().toBuffer());
    await writeFile(file('palette.png'), await halves().png({ palette: true, colours: 4 }).toBuffer());
    for (const name of ['grey.png', 'deep.png']) {
      const img = await load(name);
      if (typeof img === 'string') throw new Error(`${name}: ${img}`);
      const [r, g, b] = pixel(img, 5, 5);
      expect(r).toBe(g);
      expect(g).toBe(b);
      expect(Math.abs(r! - 128)).toBeLessThanOrEqual(2);
    }
    for (const name of ['cmyk.jpg', 'palette.png']) {
      const img = await load(name);
      if (typeof img === 'string') throw new Error(`${name}: ${img}`);
      expect(img.data.length).toBe(60 * 40 * 3);
      // Red stays red and blue stays blue (CMYK cannot print pure sRGB blue: it comes back darker).
      const [r1, g1, b1] = pixel(img, 5, 20);
      const [r2, g2, b2] = pixel(img, 55, 20);
      expect(r1).toBeGreaterThan(180);
      expect(Math.max(g1!, b1!)).toBeLessThan(90);
      expect(b2).toBeGreaterThan(Math.max(r2!, g2!) + 50);
    }
  });

  it('reads the first frame of an animated GIF', async () => {
    const frame = (colour: string) => sharp({ create: { width: 40, height: 40, channels: 3, background: colour } }).png().toBuffer();
    await writeFile(file('anim.gif'), await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } }).gif().toBuffer());
    expect((await sharp(file('anim.gif')).metadata()).pages).toBe(2);
    const img = await load('anim.gif');
    if (typeof img === 'string') throw new Error(img);
    expect([img.width, img.height]).toEqual([40, 40]);
    expect(pixel(img, 20, 20)[0]).toBeGreaterThan(200);
  });
});

describe('bad input gets a clear error code', () => {
  it('NOT_FOUND and EMPTY_FILE', async () => {
    expect(await load('missing.png')).toBe('NOT_FOUND');
    await writeFile(file('empty.png'), '');
    expect(await load('empty.png')).toBe('EMPTY_FILE');
  });

  it('UNSUPPORTED_FORMAT, decided by content and not by name', async () => {
    await writeFile(file('drawing.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="50">1.250,75</text></svg>');
    await writeFile(file('receipt.jpg'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
    await writeFile(file('photo.png'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]));
    await writeFile(file('notes.png'), 'Referencia 0034 monto 1.250,75\n');
    for (const name of ['drawing.png', 'receipt.jpg', 'photo.png', 'notes.png']) expect(await load(name)).toBe('UNSUPPORTED_FORMAT');
  });

  it('CORRUPT_IMAGE for truncated PNG and JPEG', async () => {
    const noisy = sharp(Buffer.from(Array.from({ length: 200 * 200 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 200, height: 200, channels: 3 } });
    const png = await noisy.clone().png().toBuffer();
    const jpg = await noisy.clone().jpeg().toBuffer();
    await writeFile(file('cut.png'), png.subarray(0, png.length >> 1));
    await writeFile(file('cut.jpg'), jpg.subarray(0, jpg.length >> 1));
    expect(await load('cut.png')).toBe('CORRUPT_IMAGE');
    expect(await load('cut.jpg')).toBe('CORRUPT_IMAGE');
  });

  it('TOO_LARGE over 16 MB or 40 megapixels', async () => {
    // Noise does not compress: a 2,400 x 2,400 noise PNG is about 17 MB.
    const noise = Buffer.alloc(2400 * 2400 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 2400, height: 2400, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(big.length).toBeGreaterThan(LIMITS.maxFileBytes);
    await writeFile(file('heavy.png'), big);
    expect(await load('heavy.png')).toBe('TOO_LARGE');
    await writeFile(file('huge.png'), await sharp({ create: { width: 8000, height: 5200, channels: 3, background: '#fff' } }).png().toBuffer());
    expect(await load('huge.png')).toBe('TOO_LARGE');
  });

  it('TOO_SMALL under 32 pixels on a side', async () => {
    await writeFile(file('tiny.png'), await sharp({ create: { width: 200, height: 20, channels: 3, background: '#fff' } }).png().toBuffer());
    expect(await load('tiny.png')).toBe('TOO_SMALL');
  });
});
