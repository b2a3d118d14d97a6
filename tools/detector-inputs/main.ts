/**
 * npm run training:det-inputs -- OUT_DIR [--per-family 24] [--seed 7]
 *
 * The pages a distilled detector learns from (training/recibo_det/): receipts of the tuning
 * layout families only (never the held-out ones, which measure the fields), rendered with a seed
 * of their own (not the field benchmark's), and every input the app's detector is given on
 * them, as `detectPage` gives it for the `balanced` and `fast` profiles: first passes, second
 * passes and the close passes over small-text bands. Each input is written as the 8-bit RGB
 * image it was normalised from (OUT_DIR/inputs/*.png); the teacher's probability maps are
 * computed from them at training time.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { PROFILES, type ProfileName } from '../../src-shared/ocr/profiles';
import { decodeImage } from '../../src-main/ocr/worker/decode';
import { detectPage } from '../../src-main/ocr/worker/detect-page';
import { openModel } from '../../src-main/ocr/worker/engine';
import { loadManifest } from '../../src-main/ocr/worker/manifest';
import { readVerified } from '../../src-main/ocr/worker/model-files';
import type { Normalisation, Tensor } from '../../src-main/ocr/worker/pipeline/image';
import { defaultModelsDir } from '../../src-main/paths';
import { renderFamilies } from '../receipt-generator/render-families';

const PROFILES_RECORDED: readonly ProfileName[] = ['balanced', 'fast'];
/** The teacher: the detector these profiles ran before the distilled one replaced it. Its inputs are recorded whatever the profiles run now. */
const TEACHER = 'ppocrv4-det';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'per-family': { type: 'string', default: '24' }, seed: { type: 'string', default: '7' } },
});

/** The 8-bit RGB image a normalised NCHW tensor was made from (imageToTensor, inverted). */
function tensorToRgb(t: Tensor, norm: Normalisation): { data: Uint8Array; width: number; height: number } {
  const [, , height, width] = t.dims as [number, number, number, number];
  const plane = width * height;
  const out = new Uint8Array(plane * 3);
  const src = norm.order === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  for (let c = 0; c < 3; c++) {
    const std = norm.std[c]!;
    const mean = norm.mean[c]!;
    for (let i = 0; i < plane; i++) out[i * 3 + src[c]!] = Math.max(0, Math.min(255, Math.round((t.data[c * plane + i]! * std + mean) * 255)));
  }
  return { data: out, width, height };
}

async function main(): Promise<void> {
  const out = positionals[0];
  if (!out) throw new Error('usage: OUT_DIR [--per-family N] [--seed S]');
  const pages = path.join(out, 'pages');
  const inputs = path.join(out, 'inputs');
  await rm(inputs, { recursive: true, force: true });
  await mkdir(inputs, { recursive: true });
  await renderFamilies(pages, Number(opts['per-family']), Number(opts.seed), { split: 'tuning' });

  const modelsDir = defaultModelsDir();
  const teacher = (await loadManifest(modelsDir)).models[TEACHER];
  if (teacher?.task !== 'detect') throw new Error(`${TEACHER} is not a detector in the manifest`);
  const session = await openModel(await readVerified(modelsDir, teacher.file, teacher.sha256), TEACHER, teacher.input.name, teacher.output, { intraOpThreads: 2 });
  let written = 0;
  const recording = (profile: ProfileName, page: string) => ({
    id: TEACHER,
    normalisation: teacher.normalisation,
    multipleOf: teacher.input.multipleOf,
    run: async (t: Tensor) => {
      const rgb = tensorToRgb(t, teacher.normalisation);
      const name = `${page}-${profile}-${String(written++).padStart(6, '0')}.png`;
      await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } }).png().toFile(path.join(inputs, name));
      return session.run(t);
    },
  });
  try {
    const files = (await readdir(pages)).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort();
    for (const [n, file] of files.entries()) {
      const image = await decodeImage(await readFile(path.join(pages, file)));
      for (const profile of PROFILES_RECORDED) await detectPage(image, recording(profile, path.parse(file).name), PROFILES[profile]);
      if ((n + 1) % 50 === 0) console.log(`${n + 1}/${files.length} pages, ${written} inputs`);
    }
  } finally {
    await session.release();
  }
  console.log(`${inputs}: ${written} detector inputs`);
}

main().catch((e: Error) => {
  console.error(`training:det-inputs: ${e.message}`);
  process.exit(1);
});
