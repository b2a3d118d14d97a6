/**
 * npm run training:crops -- OUT_DIR [--receipts 400] [--seed 1] [--fonts training|held-out]
 *
 * Training crops for the recogniser cut where the app's own detector puts its boxes: renders
 * receipts with the fixture generator (Chromium), damages them as WhatsApp does, runs the
 * shipped detector as the `balanced` and `fast` profiles run it, and labels each box from the
 * words the page printed (label.ts). Each crop is saved with context around the box (half the
 * box height on every side) and the box's place in it, so training can jitter the box as the
 * detector's own variation would: OUT_DIR/images/*.png and OUT_DIR/labels.jsonl.
 *
 * `--fonts held-out` renders in Lato only, a family the recogniser never trains on, for the
 * benchmark's detector-crop set; `training` (the default) uses the generator's other fonts.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { PROFILES, type ProfileName } from '../../src-shared/ocr/profiles';
import { decodeImage } from '../../src-main/ocr/worker/decode';
import { detectPage } from '../../src-main/ocr/worker/detect-page';
import { loadManifest } from '../../src-main/ocr/worker/manifest';
import { ModelSet } from '../../src-main/ocr/worker/model-set';
import { cropGeometry, warpCrop, type CropGeometry } from '../../src-main/ocr/worker/pipeline/image';
import { appRoot, defaultModelsDir } from '../../src-main/paths';
import { chooseDegrade, composeReceipt, degrade, launchChromium, screenshot } from '../receipt-generator/compose';
import { FONTS, fontFaceCss } from '../receipt-generator/fonts';
import { int, pick, seeded } from '../receipt-generator/random';
import { STYLES } from '../receipt-generator/styles';
import { labelRegion } from './label';

const HELD_OUT_FAMILY = 'Lato';
const OWN_RECOGNIZER = 'recibo-rec-es';
/** Boxes around no word (icons, rules): a few per receipt teach the model to read them as nothing. */
const BLANKS_PER_RECEIPT = 2;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { receipts: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' }, fonts: { type: 'string', default: 'training' } },
});

/** The box grown by `pad` pixels on every side, in the same frame (along and across the text). */
function grown(g: CropGeometry, pad: number): CropGeometry {
  return {
    ...g,
    origin: { x: g.origin.x - pad * (g.along.x + g.across.x), y: g.origin.y - pad * (g.along.y + g.across.y) },
    width: g.width + 2 * pad,
    height: g.height + 2 * pad,
  };
}

async function main(): Promise<void> {
  const out = positionals[0];
  if (!out || !['training', 'held-out'].includes(opts.fonts)) throw new Error('usage: OUT_DIR [--receipts N] [--seed S] [--fonts training|held-out]');
  const root = appRoot();
  const families = FONTS.filter((f) => (opts.fonts === 'held-out') === (f.family === HELD_OUT_FAMILY));
  const fontCss = new Map(families.map((f) => [f.family, fontFaceCss(root, f.family, f.pkg)]));
  const manifest = await loadManifest(defaultModelsDir());
  const own = manifest.models[OWN_RECOGNIZER];
  if (own?.task !== 'recognize' || !('characters' in own.charset)) throw new Error(`${OWN_RECOGNIZER} is not in the manifest with its characters`);
  const charset = new Set(own.charset.characters);

  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'images'), { recursive: true });
  const models = await ModelSet.open(defaultModelsDir(), { intraOpThreads: 2 });
  const browser = await launchChromium();
  const rng = seeded(Number(opts.seed));
  const rows: string[] = [];
  const counts = { kept: 0, blank: 0, 'cut word': 0, 'two rows': 0, 'outside the charset': 0 };
  const receipts = Number(opts.receipts);
  try {
    for (let n = 0; n < receipts; n++) {
      const style = STYLES[n % STYLES.length]!;
      const family = pick(rng, families).family;
      const composed = composeReceipt(rng, style, pick(rng, ['light', 'dark'] as const), family, fontCss.get(family)!);
      const { png, words } = await screenshot(browser, composed);
      const { bytes } = await degrade(png, chooseDegrade(rng));
      const image = await decodeImage(bytes);
      const scale = image.width / (await sharp(png).metadata()).width!;
      const scaled = words.map((w) => ({ ...w, x0: w.x0 * scale, y0: w.y0 * scale, x1: w.x1 * scale, y1: w.y1 * scale }));
      const profile: ProfileName = n % 2 === 0 ? 'balanced' : 'fast';
      const { regions } = await detectPage(image, (await models.forProfile(profile)).detector, PROFILES[profile]);
      let blanks = 0;
      for (const region of regions) {
        const label = labelRegion(region.quad, scaled);
        if ('dropped' in label) {
          counts[label.dropped]++;
          continue;
        }
        if ([...label.text].some((c) => !charset.has(c))) {
          counts['outside the charset']++;
          continue;
        }
        if (label.text === '' && (blanks++ >= BLANKS_PER_RECEIPT || int(rng, 0, 1) === 0)) continue;
        const g = cropGeometry(region.quad);
        const pad = Math.max(2, 0.5 * g.height);
        const context = warpCrop(image, grown(g, pad), Math.round(g.width + 2 * pad), Math.round(g.height + 2 * pad));
        const file = `${String(rows.length).padStart(6, '0')}.png`;
        await sharp(context.data, { raw: { width: context.width, height: context.height, channels: 3 } }).png().toFile(path.join(out, 'images', file));
        const box = [pad, pad, pad + g.width, pad + g.height].map((v) => Math.round(v * 10) / 10);
        rows.push(JSON.stringify({ file, text: label.text, box, receipt: n, font: family, profile }));
        counts[label.text === '' ? 'blank' : 'kept']++;
      }
      if ((n + 1) % 50 === 0) console.log(`${n + 1}/${receipts} receipts, ${rows.length} crops`);
    }
  } finally {
    await browser.close();
    await models.dispose();
  }
  await writeFile(path.join(out, 'labels.jsonl'), `${rows.join('\n')}\n`);
  console.log(`${out}: ${rows.length} crops from ${receipts} receipts (${JSON.stringify(counts)})`);
}

main().catch((e: Error) => {
  console.error(`training:crops: ${e.message}`);
  process.exit(1);
});
