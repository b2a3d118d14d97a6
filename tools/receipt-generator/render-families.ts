/**
 * Renders receipts of every layout family (families/index.ts) with their truth and split, for
 * the field benchmark. Seeded: the same code and seed render the same receipts.
 *
 *   npm run fixtures:families -- [--out DIR] [--per-family 8] [--seed 20261203] [--family ID] [--split tuning|held-out]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { appRoot } from '../../src-main/paths';
import { chooseDegrade, composeReceipt, degrade, launchChromium, screenshot } from './compose';
import { FAMILIES, type Split } from './families';
import { choosePhotoShot, photograph } from './families/photo';
import { FONTS, fontFaceCss } from './fonts';
import type { ReceiptStyle, StyleOutput, Theme } from './page';
import { int, seeded, type Rng } from './random';

export const FAMILY_SEED = 20261203;

export interface FamilyReceipt {
  family: string;
  split: Split;
  layout: string;
  theme: Theme;
  font: string;
  width: number;
  height: number;
  degrade: string;
  fields: StyleOutput['truth'];
  printed: StyleOutput['printed'];
  lines: string[];
}

/** Phone screenshots get WhatsApp's damage; desktop pages and tall captures keep their size. */
async function finish(browser: Parameters<typeof photograph>[0], style: ReceiptStyle, png: Buffer, rng: Rng) {
  if (style.photo) {
    const shot = choosePhotoShot(rng);
    return { bytes: await photograph(browser, png, rng, shot), ext: 'jpg', label: `photo rot ${shot.rotate}° tilt ${shot.tiltX}/${shot.tiltY}° blur ${shot.blur}` };
  }
  const d = style.viewport ? { label: 'whatsapp', width: null, quality: int(rng, 65, 85) } : chooseDegrade(rng);
  return { ...(await degrade(png, d)), label: d.label };
}

/** FNV-1a of a family's id. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Which families to render: one by id, or one side of the split; all of them by default. */
export interface FamilyFilter {
  family?: string;
  split?: Split;
}

export async function renderFamilies(outDir: string, perFamily: number, seed: number, filter: FamilyFilter = {}): Promise<Record<string, FamilyReceipt>> {
  const root = appRoot();
  const fontCss = new Map(FONTS.map((f) => [f.family, fontFaceCss(root, f.family, f.pkg)]));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  const truth: Record<string, FamilyReceipt> = {};
  try {
    for (const { style, split } of FAMILIES) {
      if ((filter.family && style.id !== filter.family) || (filter.split && split !== filter.split)) continue;
      // One generator per family, seeded by its name: adding or moving a family leaves the
      // others' receipts as they were.
      const rng = seeded(seed ^ idHash(style.id));
      for (let i = 0; i < perFamily; i++) {
        const theme: Theme = i % 2 ? 'dark' : 'light';
        const font = FONTS[(i + idHash(style.id)) % FONTS.length]!.family;
        const composed = composeReceipt(rng, style, theme, font, fontCss.get(font)!);
        const { png } = await screenshot(browser, composed);
        const { bytes, ext, label } = await finish(browser, style, png, rng);
        const name = `${style.id}-${String(i + 1).padStart(2, '0')}-${theme}.${ext}`;
        await writeFile(path.join(outDir, name), bytes);
        const meta = await sharp(bytes).metadata();
        truth[name] = {
          family: style.id, split, layout: style.layout, theme, font, width: meta.width!, height: meta.height!, degrade: label,
          fields: composed.out.truth, printed: composed.out.printed, lines: composed.out.lines,
        };
      }
    }
  } finally {
    await browser.close();
  }
  await writeFile(path.join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}
