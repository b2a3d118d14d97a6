/**
 * int8 quantisation of a convolutional recogniser (Conv, BatchNormalization, Relu, MaxPool,
 * Squeeze), as onnxruntime runs it fastest on x86: weights int8 per output channel (symmetric, 7 bits),
 * activations uint8 per tensor, written as QuantizeLinear/DequantizeLinear pairs that
 * onnxruntime fuses into QLinearConv and uint8 MaxPool. Steps:
 *  1. every BatchNormalization after a Conv goes into its weights and bias (exact);
 *  2. a Relu after a Conv goes: the Conv's output is quantised with zero point 0 over the Relu's
 *     range, which clamps at zero exactly as the Relu did;
 *  3. the graph input and each Conv output get a Q/DQ pair with the calibrated range; MaxPool and
 *     Squeeze pass their input's pair on (onnxruntime then runs them on uint8).
 * The last Conv (the class scores) keeps a float output: its range is wide (about -150 to 20 on
 * receipt lines) and the softmax after it wants more than 256 steps.
 * `activations` lists the tensors to calibrate; `quantize` takes their ranges (calibrate.ts).
 */
import { attribute, Graph, onnx, type ModelProto, type NodeProto } from './onnx-graph';

const DT = onnx.TensorProto.DataType;
const SUPPORTED = new Set(['Conv', 'BatchNormalization', 'Relu', 'MaxPool', 'Squeeze', 'Softmax', 'Transpose', 'Constant']);

export type Ranges = ReadonlyMap<string, { min: number; max: number }>;

/** Folds each BatchNormalization into the Conv before it (step 1); throws on an op it does not handle. */
export function foldBatchNorms(model: ModelProto): ModelProto {
  const g = new Graph(model);
  const unsupported = [...new Set(g.nodes.map((n) => n.opType!).filter((op) => !SUPPORTED.has(op)))];
  if (unsupported.length > 0) throw new Error(`quantize handles Conv/BatchNormalization/Relu/MaxPool/Squeeze graphs; this one has ${unsupported.join(', ')}`);
  const producer = new Map(g.nodes.flatMap((n) => (n.output ?? []).map((o) => [o, n] as const)));
  const users = g.consumers();
  for (const bn of g.nodes.filter((n) => n.opType === 'BatchNormalization')) {
    const conv = producer.get(bn.input![0]!);
    if (conv?.opType !== 'Conv' || g.soleConsumer(users, conv.output![0]!) !== bn) throw new Error(`BatchNormalization ${bn.name} does not follow a Conv of its own`);
    const [gamma, beta, mean, variance] = bn.input!.slice(1).map((k) => g.float(k)!);
    const W = g.float(conv.input![1])!;
    const out = W.dims[0]!;
    const per = W.data.length / out;
    const bias = g.float(conv.input![2]) ?? { dims: [out], data: new Float32Array(out) };
    const eps = attribute(bn, 'epsilon')?.f ?? 1e-5;
    const w = new Float32Array(W.data.length);
    const b = new Float32Array(out);
    for (let c = 0; c < out; c++) {
      const k = gamma!.data[c]! / Math.sqrt(variance!.data[c]! + eps);
      for (let i = 0; i < per; i++) w[c * per + i] = W.data[c * per + i]! * k;
      b[c] = beta!.data[c]! + (bias.data[c]! - mean!.data[c]!) * k;
    }
    conv.input = [conv.input![0]!, g.addFloat(conv.input![1]!, W.dims, w), g.addFloat(`${conv.name}_bias`, [out], b)];
    conv.output = [bn.output![0]!];
    g.remove(bn);
  }
  return g.commit();
}

/** The tensors whose ranges `quantize` needs: the graph input and every Conv, Relu and MaxPool output. */
export function activations(model: ModelProto): string[] {
  const names = (model.graph!.node ?? []).filter((n) => ['Conv', 'Relu', 'MaxPool'].includes(n.opType!)).map((n) => n.output![0]!);
  return [model.graph!.input![0]!.name!, ...names];
}

/** Steps 2 and 3 on a model whose BatchNormalizations are folded; `ranges` from calibrate.ts. */
export function quantize(model: ModelProto, ranges: Ranges): ModelProto {
  const g = new Graph(model);
  const users = g.consumers();
  for (const relu of g.nodes.filter((n) => n.opType === 'Relu')) {
    const conv = g.nodes.find((n) => n.output?.[0] === relu.input![0]);
    if (conv?.opType !== 'Conv' || g.soleConsumer(users, conv.output![0]!) !== relu) continue;
    conv.output = [relu.output![0]!];
    g.remove(relu);
  }
  const convs = g.nodes.filter((n) => n.opType === 'Conv');
  const lastConv = convs[convs.length - 1];
  const params = new Map<string, { scale: number; zeroPoint: number; dequantized: string }>();
  const out: NodeProto[] = [];
  const pair = (tensor: string, scale: number, zeroPoint: number) => {
    const s = g.addFloat(`${tensor}_scale`, [], Float32Array.of(scale));
    const z = g.addRaw(`${tensor}_zero`, [], DT.UINT8, Uint8Array.of(zeroPoint));
    const q = g.freshName(`${tensor}_q`);
    const dq = g.freshName(`${tensor}_dq`);
    out.push(onnx.NodeProto.create({ opType: 'QuantizeLinear', name: q, input: [tensor, s, z], output: [q] }));
    out.push(onnx.NodeProto.create({ opType: 'DequantizeLinear', name: dq, input: [q, s, z], output: [dq] }));
    params.set(tensor, { scale, zeroPoint, dequantized: dq });
  };
  const calibrated = (tensor: string) => {
    const r = ranges.get(tensor);
    if (!r) throw new Error(`no calibrated range for ${tensor}`);
    const [lo, hi] = [Math.min(r.min, 0), Math.max(r.max, 0)];
    const scale = (hi - lo) / 255 || 1;
    return { scale, zeroPoint: Math.min(255, Math.max(0, Math.round(-lo / scale))) };
  };
  const input = model.graph!.input![0]!.name!;
  const inputParams = calibrated(input);
  pair(input, inputParams.scale, inputParams.zeroPoint);
  for (const n of g.nodes) {
    const x = params.get(n.input![0]!);
    if (x) n.input![0] = x.dequantized;
    if (n.opType === 'Conv') {
      if (!x) throw new Error(`Conv ${n.name} reads a tensor that is not quantised`);
      quantizeWeights(g, n, x.scale, out);
      out.push(n);
      if (n !== lastConv) {
        const p = calibrated(n.output![0]!);
        pair(n.output![0]!, p.scale, p.zeroPoint);
      }
    } else if ((n.opType === 'MaxPool' || n.opType === 'Squeeze') && x) {
      out.push(n);
      pair(n.output![0]!, x.scale, x.zeroPoint);
    } else out.push(n);
  }
  g.nodes = out;
  for (const o of model.opsetImport ?? []) if (!o.domain && Number(o.version) < 13) o.version = 13; // per-channel DequantizeLinear
  return g.commit();
}

/**
 * The largest weight step: 7 bits, not 8. On x86 without VNNI (AVX2 only: many operators'
 * machines) onnxruntime multiplies uint8 activations by int8 weights with vpmaddubsw, which adds
 * two products into a saturating int16: 255 x 127 x 2 overflows it and the recogniser misreads
 * (559 of 1,296 fixture lines read differently from the float model on an AMD EPYC without VNNI);
 * 255 x 63 x 2 does not. onnxruntime's own quantiser calls this reduce_range.
 */
const WEIGHT_LIMIT = 63;

/** A Conv's weights as int8 per output channel and its bias as int32 at input scale x weight scale. */
function quantizeWeights(g: Graph, conv: NodeProto, inputScale: number, out: NodeProto[]): void {
  const W = g.float(conv.input![1])!;
  const channels = W.dims[0]!;
  const per = W.data.length / channels;
  const bias = g.float(conv.input![2]) ?? { dims: [channels], data: new Float32Array(channels) };
  const wq = new Int8Array(W.data.length);
  const ws = new Float32Array(channels);
  const bq = new Int32Array(channels);
  const bs = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let largest = 0;
    for (let i = 0; i < per; i++) largest = Math.max(largest, Math.abs(W.data[c * per + i]!));
    ws[c] = largest / WEIGHT_LIMIT || 1e-8;
    for (let i = 0; i < per; i++) wq[c * per + i] = Math.round(W.data[c * per + i]! / ws[c]!);
    bs[c] = inputScale * ws[c]!;
    bq[c] = Math.round(bias.data[c]! / bs[c]!);
  }
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const perChannel = [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }];
  const dequantize = (base: string, values: string, scales: Float32Array, zeroType: number, zeroBytes: number) => {
    const name = g.freshName(base);
    const scale = g.addFloat(`${base}_scale`, [channels], scales);
    const zero = g.addRaw(`${base}_zero`, [channels], zeroType, new Uint8Array(channels * zeroBytes));
    out.push(onnx.NodeProto.create({ opType: 'DequantizeLinear', name, input: [values, scale, zero], output: [name], attribute: perChannel }));
    return name;
  };
  const w = dequantize(`${conv.name}_w`, g.addRaw(`${conv.name}_wq`, W.dims, DT.INT8, bytes(wq)), ws, DT.INT8, 1);
  const b = dequantize(`${conv.name}_b`, g.addRaw(`${conv.name}_bq`, [channels], DT.INT32, bytes(bq)), bs, DT.INT32, 4);
  conv.input = [conv.input![0]!, w, b];
}
