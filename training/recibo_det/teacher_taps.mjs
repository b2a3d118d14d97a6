// node training/recibo_det/teacher_taps.mjs MODEL LIST OUT_DIR  (run from the project root)
//
// The teacher's tensors distill.py trains on, computed by onnxruntime (the app's runtime; about
// 30 times faster than PyTorch's CPU build here): MODEL is the teacher with those tensors as
// extra outputs, LIST a file of detector-input PNGs, one path a line. For each input, OUT_DIR gets
// NAME.bin: a 4-byte little-endian header length, a JSON header ({name: [offset, shape]}), then
// the tensors as float32. Inputs are normalised as the app normalises the teacher's, from its
// entry in models/manifest.json (TEACHER_ID).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';

const [model, list, out] = process.argv.slice(2);
if (!model || !list || !out) {
  console.error('usage: teacher_taps.mjs MODEL LIST OUT_DIR');
  process.exit(2);
}
const TEACHER_ID = 'ppocrv4-det';
const { mean: MEAN, std: STD, order } = JSON.parse(readFileSync('models/manifest.json', 'utf8')).models[TEACHER_ID].normalisation;
const SOURCE_CHANNEL = order === 'BGR' ? [2, 1, 0] : [0, 1, 2];

mkdirSync(out, { recursive: true });
const session = await ort.InferenceSession.create(readFileSync(model), { graphOptimizationLevel: 'all', intraOpNumThreads: 2 });
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
for (const [n, file] of files.entries()) {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const plane = info.width * info.height;
  const x = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane; i++) x[c * plane + i] = (data[i * 3 + SOURCE_CHANNEL[c]] / 255 - MEAN[c]) / STD[c];
  }
  const result = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', x, [1, 3, info.height, info.width]) });
  const header = {};
  const parts = [];
  let offset = 0;
  for (const name of session.outputNames) {
    const t = result[name];
    header[name] = [offset, t.dims.map(Number)];
    parts.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    offset += t.data.byteLength;
  }
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  writeFileSync(path.join(out, `${path.parse(file).name}.bin`), Buffer.concat([size, json, ...parts]));
  if ((n + 1) % 500 === 0) console.log(`teacher outputs: ${n + 1}/${files.length}`);
}
