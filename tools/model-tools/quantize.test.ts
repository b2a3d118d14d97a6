/**
 * quantize.ts and calibrate.ts on a small network of the recogniser's shape (Conv, BatchNorm,
 * Relu, MaxPool, Squeeze, a last Conv to class scores, Softmax), built here: folding is exact,
 * the quantised graph reads as onnxruntime fuses it, and its outputs stay within int8 rounding
 * of the float model's.
 */
import { describe, expect, it } from 'vitest';
import { calibrate, percentileRange } from './calibrate';
import { openModel } from '../../src-main/ocr/worker/engine';
import { decodeModel, encodeModel, onnx, type AttributeProto } from './onnx-graph';
import { activations, foldBatchNorms, quantize } from './quantize';

const FLOAT = onnx.TensorProto.DataType.FLOAT;

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
}

function tinyRecognizer(): Uint8Array {
  const r = random(7);
  const t = (name: string, dims: number[], fill: () => number) => {
    const data = Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, fill);
    return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer) });
  };
  const node = (opType: string, input: string[], output: string, attribute: AttributeProto[] = []) => onnx.NodeProto.create({ opType, name: output, input, output: [output], attribute });
  const ints = (name: string, v: number[]) => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: v });
  const graph = onnx.GraphProto.create({
    name: 'tiny',
    input: [onnx.ValueInfoProto.create({ name: 'x', type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: 3 }, { dimValue: 2 }, { dimParam: 'W' }] } } } })],
    output: [onnx.ValueInfoProto.create({ name: 'probabilities', type: { tensorType: { elemType: FLOAT } } })],
    initializer: [
      t('w1', [4, 3, 3, 3], r), t('g', [4], () => 1 + r() / 2), t('b', [4], () => r() / 4), t('m', [4], () => r() / 4), t('v', [4], () => 1 + r() / 2),
      t('w2', [5, 4, 1], r), t('b2', [5], r),
      onnx.TensorProto.create({ name: 'axes', dims: [1], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(new BigInt64Array([2n]).buffer) }),
    ],
    node: [
      node('Conv', ['x', 'w1'], 'c1', [ints('pads', [1, 1, 1, 1]), ints('kernel_shape', [3, 3])]),
      node('BatchNormalization', ['c1', 'g', 'b', 'm', 'v'], 'n1'),
      node('Relu', ['n1'], 'r1'),
      node('MaxPool', ['r1'], 'p1', [ints('kernel_shape', [2, 1]), ints('strides', [2, 1])]),
      node('Squeeze', ['p1', 'axes'], 's1'),
      node('Conv', ['s1', 'w2', 'b2'], 'c2', [ints('kernel_shape', [1])]),
      node('Softmax', ['c2'], 'probabilities', [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 }]),
    ],
  });
  return onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 7, opsetImport: [{ domain: '', version: 13 }], graph })).finish();
}

async function run(model: Uint8Array, x: Float32Array, width: number): Promise<Float32Array> {
  const session = await openModel(model, 'tiny', 'x', 'probabilities', { intraOpThreads: 1 });
  const out = await session.run({ data: x, dims: [1, 3, 2, width] });
  await session.release();
  return out.data;
}

describe('int8 quantisation of a convolutional recogniser', () => {
  const r = random(11);
  const inputs = Array.from({ length: 6 }, () => Float32Array.from({ length: 3 * 2 * 40 }, r));

  it('folds BatchNormalization into the Conv exactly', async () => {
    const bytes = tinyRecognizer();
    const folded = foldBatchNorms(decodeModel(bytes));
    expect(folded.graph!.node!.map((n) => n.opType)).not.toContain('BatchNormalization');
    const [a, b] = [await run(bytes, inputs[0]!, 40), await run(encodeModel(folded), inputs[0]!, 40)];
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 5);
  });

  it('quantises every Conv input and removes the Relu, keeping the class scores float, within rounding of the float model', async () => {
    const bytes = tinyRecognizer();
    const folded = foldBatchNorms(decodeModel(bytes));
    const tensors = activations(folded);
    expect(tensors).toEqual(['x', 'n1', 'r1', 'p1', 'c2']);
    const ranges = await calibrate(folded, tensors, () => inputs.map((data) => ({ data, dims: [1, 3, 2, 40] })));
    expect(ranges.get('r1')!.min).toBe(0);
    const quantised = quantize(foldBatchNorms(decodeModel(bytes)), ranges);
    const ops = quantised.graph!.node!.map((n) => n.opType);
    expect(ops).not.toContain('Relu');
    expect(ops.filter((op) => op === 'QuantizeLinear')).toHaveLength(4); // x, the first Conv, MaxPool, Squeeze
    expect(quantised.graph!.initializer!.some((t) => t.dataType === onnx.TensorProto.DataType.INT8)).toBe(true);
    const [a, b] = [await run(bytes, inputs[1]!, 40), await run(encodeModel(quantised), inputs[1]!, 40)];
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(0.05);
  });

  it('refuses a graph with an operator it does not quantise', () => {
    const model = decodeModel(tinyRecognizer());
    model.graph!.node![2]!.opType = 'Sigmoid';
    expect(() => foldBatchNorms(model)).toThrow(/this one has Sigmoid/);
  });

  it('takes a range from the histogram without its outlying tails', () => {
    const h = new Float64Array(101);
    h[50] = 1_000_000;
    h[100] = 1; // one outlier at the top
    expect(percentileRange(h, { min: 0, max: 100 })).toEqual({ min: 0, max: 50 });
    h[0] = 100; // a hundred at the bottom: more than the tail, kept
    expect(percentileRange(h, { min: -10, max: 100 }).min).toBe(-10);
  });
});
