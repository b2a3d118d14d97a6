/**
 * Renders the receipt fixtures: every style in light and dark, several fonts and phone widths,
 * then the damage WhatsApp does (JPEG re-compression, downscaling). Writes the images and
 * their truth to fixtures/receipts/. Seeded: the same code renders the same receipts.
 *
 *   npm run fixtures:render        (needs Debian's chromium: apt-get install -y chromium)
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { appRoot } from '../../src-main/paths';
import { randomPayment } from './data';
import { FONTS, fontFaceCss } from './fonts';
import { page as pageHtml, type Theme } from './page';
import { int, pick, seeded } from './random';
import { STYLES } from './styles';

const SEED = 20250620;
const VARIANTS_PER_STYLE_AND_THEME = 6;

interface Degrade {
  label: string;
  /** Output width in pixels, or null to keep the rendered size. */
  width: number | null;
  /** JPEG quality, or null for a lossless PNG. */
  quality: number | null;
}

function chooseDegrade(rng: () => number): Degrade {
  const roll = rng();
  if (roll < 0.15) return { label: 'png', width: null, quality: null };
  if (roll < 0.55) return { label: 'whatsapp', width: null, quality: int(rng, 60, 85) };
  if (roll < 0.9) return { label: 'whatsapp-downscaled', width: pick(rng, [720, 600, 540, 480]), quality: int(rng, 55, 80) };
  return { label: 'whatsapp-thumbnail', width: pick(rng, [360, 320]), quality: int(rng, 55, 70) };
}

async function degrade(png: Buffer, d: Degrade): Promise<{ bytes: Buffer; ext: string }> {
  let img = sharp(png);
  if (d.width) img = img.resize({ width: d.width, kernel: 'lanczos3' });
  if (d.quality === null) return { bytes: await img.png().toBuffer(), ext: 'png' };
  return { bytes: await img.jpeg({ quality: d.quality, chromaSubsampling: '4:2:0', mozjpeg: false }).toBuffer(), ext: 'jpg' };
}

export async function renderFixtures(outDir: string): Promise<number> {
  const root = appRoot();
  const rng = seeded(SEED);
  const fontCss = new Map(FONTS.map((f) => [f.family, fontFaceCss(root, f.family, f.pkg)]));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const truth: Record<string, unknown> = {};
  let n = 0;
  try {
    for (let variant = 0; variant < VARIANTS_PER_STYLE_AND_THEME; variant++) {
      for (const theme of ['light', 'dark'] as Theme[]) {
        for (const style of STYLES) {
          n++;
          const p = randomPayment(rng, style.currency);
          if (style.bank) {
            p.payerBank = style.bank;
            p.payerAccount = `${style.bank}${p.payerAccount.slice(4)}`;
          }
          const font = FONTS[(variant + STYLES.indexOf(style)) % FONTS.length]!.family;
          const widthCss = pick(rng, [360, 375, 390, 412]);
          const dpr = pick(rng, [2, 2.625, 3]);
          const out = style.render({ p, theme, rng });
          const statusTime = `${int(rng, 1, 12)}:${String(int(rng, 0, 59)).padStart(2, '0')}`;
          const html = pageHtml({ ...out, css: `${fontCss.get(font)}\n${out.css}` }, theme, font, statusTime, int(rng, 5, 100), widthCss);
          const context = await browser.newContext({ viewport: { width: widthCss, height: 800 }, deviceScaleFactor: dpr });
          const tab = await context.newPage();
          await tab.setContent(html, { waitUntil: 'load' });
          // Screenshots wait for the web fonts: a fallback font would make the truth's font a lie.
          await tab.evaluate('document.fonts.ready.then(() => true)');
          const png = await tab.locator('#screen').screenshot({ type: 'png' });
          await context.close();
          const d = chooseDegrade(rng);
          const { bytes, ext } = await degrade(png, d);
          const name = `r${String(n).padStart(3, '0')}-${style.id}-${theme}.${ext}`;
          await writeFile(path.join(outDir, name), bytes);
          const meta = await sharp(bytes).metadata();
          truth[name] = {
            style: style.id, layout: style.layout, theme, font, width: meta.width, height: meta.height, degrade: d.label,
            jpegQuality: d.quality, fields: out.truth, printed: out.printed, lines: out.lines,
          };
        }
      }
    }
  } finally {
    await browser.close();
  }
  await writeFile(path.join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return n;
}

const outDir = path.join(appRoot(), 'fixtures', 'receipts');
renderFixtures(outDir).then((n) => console.log(`Rendered ${n} receipts into ${path.relative(process.cwd(), outDir)}/`));
