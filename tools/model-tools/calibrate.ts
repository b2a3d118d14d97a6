/**
 * Activation ranges for quantize.ts: the model is run over calibration inputs with every tensor
 * to calibrate as an extra output. A range is the tensor's 0.001st to 99.999th percentile (from
 * an 8,192-bin histogram over its min-max), not its extremes: a handful of outlying values would
 * otherwise stretch the 256 steps over a span the rest never uses. Install-time and tool code,
 * never run by the engine.
 */
import { encodeModel, onnx, type ModelProto } from './onnx-graph';
import type { Ranges } from './quantize';
import { openProbe } from '../../src-main/ocr/worker/engine';
import type { Tensor } from '../../src-main/ocr/worker/pipeline/image';

const BINS = 8192;
const TAIL = 1e-5;

export async function calibrate(model: ModelProto, tensors: readonly string[], inputs: () => Iterable<Tensor>): Promise<Ranges> {
  const probe = onnx.ModelProto.decode(encodeModel(model));
  const outputs = new Set((probe.graph!.output ?? []).map((o) => o.name));
  for (const t of tensors) if (!outputs.has(t)) probe.graph!.output!.push(onnx.ValueInfoProto.create({ name: t, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } }));
  const inputName = model.graph!.input![0]!.name!;
  const session = await openProbe(encodeModel(probe), inputName, tensors.filter((t) => t !== inputName));
  const run = (input: Tensor) => session.run(input);
  const valuesOf = (result: Map<string, Float32Array>, input: Tensor, t: string) => (t === inputName ? input.data : result.get(t)!);
  try {
    const extremes = new Map(tensors.map((t) => [t, { min: Infinity, max: -Infinity }]));
    for (const input of inputs()) {
      const result = await run(input);
      for (const t of tensors) {
        const e = extremes.get(t)!;
        for (const v of valuesOf(result, input, t)) {
          if (v < e.min) e.min = v;
          if (v > e.max) e.max = v;
        }
      }
    }
    const histograms = new Map(tensors.map((t) => [t, new Float64Array(BINS)]));
    for (const input of inputs()) {
      const result = await run(input);
      for (const t of tensors) {
        const { min, max } = extremes.get(t)!;
        const h = histograms.get(t)!;
        const k = (BINS - 1) / (max - min || 1);
        for (const v of valuesOf(result, input, t)) h[Math.round((v - min) * k)]!++;
      }
    }
    return new Map(tensors.map((t) => [t, percentileRange(histograms.get(t)!, extremes.get(t)!)]));
  } finally {
    await session.release();
  }
}

/** The range between the TAIL and 1 - TAIL quantiles of a histogram over [min, max]. */
export function percentileRange(h: Float64Array, { min, max }: { min: number; max: number }): { min: number; max: number } {
  const total = h.reduce((a, b) => a + b, 0);
  const at = (bin: number) => min + (bin / (h.length - 1)) * (max - min);
  let seen = 0;
  let low = 0;
  for (; low < h.length - 1; low++) if ((seen += h[low]!) > total * TAIL) break;
  seen = 0;
  let high = h.length - 1;
  for (; high > 0; high--) if ((seen += h[high]!) > total * TAIL) break;
  return { min: min < 0 ? at(low) : min, max: at(high) };
}
