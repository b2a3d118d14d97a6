/**
 * Renders the receipt fixtures: every style in light and dark, several fonts and phone widths,
 * then the damage WhatsApp does (JPEG re-compression, downscaling). Writes the images and
 * their truth to fixtures/receipts/. Seeded: the same code renders the same receipts.
 *
 *   npm run fixtures:render        (needs Debian's chromium: apt-get install -y chromium)
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { appRoot } from '../../src-main/paths';
import { chooseDegrade, composeReceipt, degrade, launchChromium, screenshot } from './compose';
import { FONTS, fontFaceCss } from './fonts';
import type { Theme } from './page';
import { seeded } from './random';
import { STYLES } from './styles';

const SEED = 20250620;
const VARIANTS_PER_STYLE_AND_THEME = 6;

export async function renderFixtures(outDir: string): Promise<number> {
  const root = appRoot();
  const rng = seeded(SEED);
  const fontCss = new Map(FONTS.map((f) => [f.family, fontFaceCss(root, f.family, f.pkg)]));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  const truth: Record<string, unknown> = {};
  let n = 0;
  try {
    for (let variant = 0; variant < VARIANTS_PER_STYLE_AND_THEME; variant++) {
      for (const theme of ['light', 'dark'] as Theme[]) {
        for (const style of STYLES) {
          n++;
          const font = FONTS[(variant + STYLES.indexOf(style)) % FONTS.length]!.family;
          const composed = composeReceipt(rng, style, theme, font, fontCss.get(font)!);
          const { png } = await screenshot(browser, composed);
          const d = chooseDegrade(rng);
          const { bytes, ext } = await degrade(png, d);
          const name = `r${String(n).padStart(3, '0')}-${style.id}-${theme}.${ext}`;
          await writeFile(path.join(outDir, name), bytes);
          const meta = await sharp(bytes).metadata();
          const out = composed.out;
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
