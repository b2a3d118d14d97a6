import { describe, expect, it } from 'vitest';
import { openModel } from '../../src-main/ocr/worker/engine';
import { foldAffine } from './fold-affine';
import { decodeModel, encodeModel, onnx, type AttributeProto, type ModelProto, type NodeProto } from './onnx-graph';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const tensor = (name: string, dims: number[], values: number[]) => onnx.TensorProto.create({ name, dims, dataType: FLOAT, floatData: values });
const seeded = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.5);
const attr = {
  ints: (name: string, ints: number[]) => onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INTS, ints }),
  int: (name: string, i: number) => onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i }),
  float: (name: string, f: number) => onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f }),
};

/**
 * A small LCNet-like graph as Paddle2ONNX writes it: weights in Constant nodes, constants
 * first in Mul and Add, hard-swish spelled out with an opset-9 Clip.
 *   conv1(pad) -> *1.7 +0.3 -> hswish -> *0.8 -0.2 -> depthwise conv2(pad) -> *1.1 +0.05
 *   -> hswish -> *0.9 +0.1 -> conv3 (1x1, no pad) -> y
 */
function buildModel(): ModelProto {
  const nodes: NodeProto[] = [];
  const constant = (name: string, dims: number[], values: number[]) =>
    nodes.push(onnx.NodeProto.create({ opType: 'Constant', output: [name], attribute: [onnx.AttributeProto.create({ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: tensor(name, dims, values) })] }));
  const node = (opType: string, input: string[], output: string, attribute: AttributeProto[] = []) => nodes.push(onnx.NodeProto.create({ opType, input, output: [output], name: output, attribute }));
  const hswish = (x: string, out: string) => {
    node('Add', [x, 'three'], `${out}_a`);
    node('Clip', [`${out}_a`], `${out}_c`, [attr.float('min', 0), attr.float('max', 6)]);
    node('Mul', [x, `${out}_c`], `${out}_m`);
    node('Div', [`${out}_m`, 'six'], out);
  };
  constant('three', [1], [3]);
  constant('six', [1], [6]);
  constant('w1', [4, 2, 3, 3], seeded(72, 1));
  constant('b1', [4], seeded(4, 2));
  constant('w2', [4, 1, 3, 3], seeded(36, 3));
  constant('b2', [4], seeded(4, 4));
  constant('w3', [3, 4, 1, 1], seeded(12, 5));
  for (const [n, v] of [['s1', 1.7], ['c1', 0.3], ['s2', 0.8], ['c2', -0.2], ['s3', 1.1], ['c3', 0.05], ['s4', 0.9], ['c4', 0.1]] as const) constant(n, [1], [v]);
  node('Conv', ['x', 'w1', 'b1'], 'conv1', [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [1, 1, 1, 1])]);
  node('Mul', ['s1', 'conv1'], 'm1');
  node('Add', ['m1', 'c1'], 'a1');
  hswish('a1', 'h1');
  node('Mul', ['s2', 'h1'], 'm2');
  node('Add', ['m2', 'c2'], 'a2');
  node('Conv', ['a2', 'w2', 'b2'], 'conv2', [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [1, 1, 1, 1]), attr.int('group', 4)]);
  node('Mul', ['s3', 'conv2'], 'm3');
  node('Add', ['m3', 'c3'], 'a3');
  hswish('a3', 'h2');
  node('Mul', ['s4', 'h2'], 'm4');
  node('Add', ['m4', 'c4'], 'a4');
  node('Conv', ['a4', 'w3'], 'y', [attr.ints('kernel_shape', [1, 1])]);
  const info = (name: string, dims: number[]) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
  return onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 9 }],
    graph: onnx.GraphProto.create({ name: 'lcnet-like', node: nodes, input: [info('x', [1, 2, 6, 6])], output: [info('y', [1, 3, 6, 6])] }),
  });
}

const x = Float32Array.from(seeded(72, 9).map((v) => v * 6));
const run = async (bytes: Uint8Array) => {
  const m = await openModel(bytes, 'test model', 'x', 'y', { intraOpThreads: 1 });
  const out = await m.run({ data: x, dims: [1, 2, 6, 6] });
  await m.release();
  return out.data;
};

/** x + 0.37 -> padded conv (2 -> 16 channels): a shift left where folding would not be exact. */
function shiftedConvModel(): ModelProto {
  const info = (name: string, dims: number[]) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
  return onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: onnx.GraphProto.create({
      name: 'shifted',
      node: [
        onnx.NodeProto.create({ opType: 'Add', name: 'shifted', input: ['x', 'c'], output: ['shifted'] }),
        onnx.NodeProto.create({ opType: 'Conv', name: 'y', input: ['shifted', 'w'], output: ['y'], attribute: [attr.ints('kernel_shape', [3, 3]), attr.ints('pads', [1, 1, 1, 1])] }),
      ],
      initializer: [tensor('c', [1], [0.37]), tensor('w', [16, 2, 3, 3], seeded(288, 6))],
      input: [info('x', [1, 2, 6, 6])],
      output: [info('y', [1, 16, 6, 6])],
    }),
  });
}

describe('fold-affine', () => {
  it('turns a shift before a convolution into a depthwise 1 x 1 convolution, bit for bit', async () => {
    const original = encodeModel(shiftedConvModel());
    const rewritten = decodeModel(original);
    expect(foldAffine(rewritten)).toEqual({ convAffine: 0, affineConv: 0, hardSwish: 0, depthwiseShift: 1 });
    const shift = rewritten.graph!.node![0]!;
    expect(shift.opType).toBe('Conv');
    expect(shift.attribute!.find((a) => a.name === 'group')!.i).toBe(2);
    const [before, after] = [await run(original), await run(encodeModel(rewritten))];
    expect(Array.from(after)).toEqual(Array.from(before));
  });


  it('folds affine blocks and hard-swish without changing what the model computes', async () => {
    const original = encodeModel(buildModel());
    const folded = decodeModel(original);
    expect(foldAffine(folded)).toEqual({ convAffine: 2, affineConv: 2, hardSwish: 2, depthwiseShift: 1 });

    const ops = folded.graph!.node!.map((n) => n.opType);
    expect(ops.filter((o) => o === 'Div' || o === 'Clip' || o === 'Constant')).toEqual([]);
    // What must stay: two x * HardSigmoid(x), and one shift before the padded depthwise conv,
    // itself a depthwise 1 x 1 Conv.
    expect(ops.filter((o) => o === 'HardSigmoid')).toHaveLength(2);
    expect(ops.filter((o) => o === 'Mul')).toHaveLength(2);
    expect(ops.filter((o) => o === 'Add')).toHaveLength(0);
    expect(ops.filter((o) => o === 'Conv')).toHaveLength(4);

    const [before, after] = [await run(original), await run(encodeModel(folded))];
    expect(after.length).toBe(before.length);
    let maxDiff = 0;
    for (let i = 0; i < before.length; i++) maxDiff = Math.max(maxDiff, Math.abs(before[i]! - after[i]!));
    expect(maxDiff).toBeLessThan(1e-5);
  });
});
