/**
 * "fold-affine": an exact rewrite of PP-OCR's LCNetV3 graphs that makes them about a quarter
 * faster on CPU (figures in docs/benchmarks.md). Paddle2ONNX spells every learnable affine
 * block (x * s + c) and every hard-swish as separate element-wise nodes, which onnxruntime
 * neither fuses nor keeps in its blocked layout. Here:
 *  1. Conv -> Mul(s) -> Add(c)           => Conv with W*s, b*s + c
 *  2. Mul(s) -> Add(c) -> Conv(s)        => Conv with W*s; c joins the bias when the Conv has no
 *                                           padding, else stays as one Add(c/s) before it (zero
 *                                           padding must stay zero, so it cannot move inside)
 *  3. x * Clip(x + 3, 0, 6) / 6          => x * HardSigmoid(x; 1/6, 1/2), which onnxruntime fuses
 *                                           into the preceding Conv
 *  4. Add(c) -> Conv                     => a depthwise 1 x 1 Conv (weights 1, bias c) -> Conv.
 *                                           x * 1 + c rounds as x + c does, so it is exact; and
 *                                           onnxruntime keeps a Conv in its blocked layout, where
 *                                           around an Add it converts the tensor out and back in
 *                                           (the detector at 480 x 352: 0.92 of its time)
 * Only scalar constants are folded; anything else is left as it is.
 */
import { attribute, Graph, onnx, otherInput, type ModelProto, type NodeProto } from './onnx-graph';

export interface FoldReport {
  convAffine: number;
  affineConv: number;
  hardSwish: number;
  depthwiseShift: number;
}

export function foldAffine(model: ModelProto): FoldReport {
  const g = new Graph(model);
  const report = { convAffine: foldConvThenAffine(g), affineConv: foldAffineThenConv(g), hardSwish: replaceHardSwish(g), depthwiseShift: shiftsAsDepthwise(g) };
  g.commit();
  return report;
}

function foldConvThenAffine(g: Graph): number {
  let folded = 0;
  for (let again = true; again; ) {
    again = false;
    const users = g.consumers();
    for (const conv of g.nodes) {
      if (conv.opType !== 'Conv') continue;
      const out = conv.output![0]!;
      const mul = g.soleConsumer(users, out);
      if (mul?.opType !== 'Mul') continue;
      const s = g.scalar(otherInput(mul, out));
      const W = g.float(conv.input![1]);
      if (s === null || !W) continue;
      const next = g.soleConsumer(users, mul.output![0]!);
      const c = next?.opType === 'Add' ? g.scalar(otherInput(next, mul.output![0]!)) : null;
      const add = c !== null ? next : null;
      const oc = W.dims[0]!;
      const bias = g.float(conv.input![2]) ?? { dims: [oc], data: new Float32Array(oc) };
      const w = g.addFloat(conv.input![1]!, W.dims, W.data.map((v) => v * s));
      const b = g.addFloat(conv.input![2] || `${conv.name}_bias`, [oc], bias.data.map((v) => v * s + (c ?? 0)));
      conv.input = [conv.input![0]!, w, b];
      conv.output = [(add ?? mul).output![0]!];
      g.remove(...(add ? [mul, add] : [mul]));
      folded++;
      again = true;
      break;
    }
  }
  return folded;
}

function hasPadding(conv: NodeProto): boolean {
  const autoPad = attribute(conv, 'auto_pad')?.s;
  if (autoPad && new TextDecoder().decode(autoPad).startsWith('SAME')) return true;
  return (attribute(conv, 'pads')?.ints ?? []).some((v) => Number(v) !== 0);
}

function foldAffineThenConv(g: Graph): number {
  let folded = 0;
  for (let again = true; again; ) {
    again = false;
    const users = g.consumers();
    for (const mul of g.nodes) {
      if (mul.opType !== 'Mul') continue;
      const sName = mul.input!.find((i) => g.scalar(i) !== null);
      const y = sName ? otherInput(mul, sName) : null;
      const s = g.scalar(sName);
      if (!sName || !y || s === null || s === 0 || g.constants.has(y)) continue;
      const add = g.soleConsumer(users, mul.output![0]!);
      if (add?.opType !== 'Add') continue;
      const c = g.scalar(otherInput(add, mul.output![0]!));
      if (c === null) continue;
      const convs = users.get(add.output![0]!) ?? [];
      const allConvs = convs.length > 0 && convs.every((n) => n !== 'graph-output' && n.opType === 'Conv' && n.input![0] === add.output![0] && g.float(n.input![1]));
      if (!allConvs) continue;
      const padded = (convs as NodeProto[]).some(hasPadding);
      let feed = y;
      if (padded) {
        feed = g.freshName('shifted');
        const shift = g.addFloat('shift', [1], Float32Array.of(c / s));
        g.nodes.splice(g.nodes.indexOf(add), 0, onnx.NodeProto.create({ opType: 'Add', name: feed, input: [y, shift], output: [feed] }));
      }
      for (const conv of convs as NodeProto[]) {
        const W = g.float(conv.input![1])!;
        const oc = W.dims[0]!;
        const perOut = W.data.length / oc;
        const bias = Float32Array.from((g.float(conv.input![2]) ?? { data: new Float32Array(oc) }).data);
        if (!padded) {
          for (let o = 0; o < oc; o++) {
            let sum = 0;
            for (let k = 0; k < perOut; k++) sum += W.data[o * perOut + k]!;
            bias[o] = bias[o]! + c * sum;
          }
        }
        const w = g.addFloat(conv.input![1]!, W.dims, W.data.map((v) => v * s));
        const b = g.addFloat(conv.input![2] || `${conv.name}_bias`, [oc], bias);
        conv.input = [feed, w, b];
      }
      g.remove(mul, add);
      folded++;
      again = true;
      break;
    }
  }
  return folded;
}

function replaceHardSwish(g: Graph): number {
  const producer = new Map(g.nodes.map((n) => [n.output![0]!, n]));
  const users = g.consumers();
  const replaced = new Map<NodeProto, NodeProto[]>();
  const removed = new Set<NodeProto>();
  const clipBound = (clip: NodeProto, index: 1 | 2, attr: 'min' | 'max') =>
    clip.input![index] ? g.scalar(clip.input![index]) : (attribute(clip, attr)?.f ?? null);

  for (const div of g.nodes) {
    if (div.opType !== 'Div' || g.scalar(div.input![1]) !== 6) continue;
    const mul = producer.get(div.input![0]!);
    if (mul?.opType !== 'Mul') continue;
    const clip = mul.input!.map((i) => producer.get(i)).find((n) => n?.opType === 'Clip');
    if (!clip || clipBound(clip, 1, 'min') !== 0 || clipBound(clip, 2, 'max') !== 6) continue;
    const x = otherInput(mul, clip.output![0]!);
    const add3 = producer.get(clip.input![0]!);
    if (!x || add3?.opType !== 'Add' || g.scalar(otherInput(add3, x)) !== 3) continue;
    if ([add3, clip, mul].some((n) => (users.get(n.output![0]!) ?? []).length !== 1)) continue;
    const gate = g.freshName('hardsigmoid');
    replaced.set(div, [
      onnx.NodeProto.create({
        opType: 'HardSigmoid',
        name: gate,
        input: [x],
        output: [gate],
        attribute: [
          onnx.AttributeProto.create({ name: 'alpha', type: onnx.AttributeProto.AttributeType.FLOAT, f: 1 / 6 }),
          onnx.AttributeProto.create({ name: 'beta', type: onnx.AttributeProto.AttributeType.FLOAT, f: 0.5 }),
        ],
      }),
      onnx.NodeProto.create({ opType: 'Mul', name: div.output![0]!, input: [x, gate], output: [div.output![0]!] }),
    ]);
    removed.add(add3).add(clip).add(mul);
  }
  g.nodes = g.nodes.flatMap((n) => replaced.get(n) ?? (removed.has(n) ? [] : [n]));
  return replaced.size;
}

/** Input channels of a Conv: its weights' second dimension times its groups. */
const inputChannels = (g: Graph, conv: NodeProto) => (g.float(conv.input![1])?.dims[1] ?? 0) * Number(attribute(conv, 'group')?.i ?? 1);

/** Step 4: each Add of a scalar that only Convs read becomes a depthwise 1 x 1 Conv adding it. */
function shiftsAsDepthwise(g: Graph): number {
  const users = g.consumers();
  let replaced = 0;
  g.nodes = g.nodes.map((add) => {
    if (add.opType !== 'Add') return add;
    const cName = add.input!.find((i) => g.scalar(i) !== null);
    const x = cName ? otherInput(add, cName) : null;
    const c = g.scalar(cName);
    const convs = users.get(add.output![0]!) ?? [];
    if (!x || c === null || g.constants.has(x) || convs.length === 0) return add;
    if (!convs.every((n) => n !== 'graph-output' && n.opType === 'Conv' && n.input![0] === add.output![0])) return add;
    const channels = new Set((convs as NodeProto[]).map((n) => inputChannels(g, n)));
    const [ch] = channels;
    if (channels.size !== 1 || !ch) return add;
    const ones = g.addFloat(`${add.output![0]}_ones`, [ch, 1, 1, 1], new Float32Array(ch).fill(1));
    const bias = g.addFloat(`${add.output![0]}_shift`, [ch], new Float32Array(ch).fill(c));
    replaced++;
    return onnx.NodeProto.create({
      opType: 'Conv',
      name: add.name ?? add.output![0]!,
      input: [x, ones, bias],
      output: [add.output![0]!],
      attribute: [
        onnx.AttributeProto.create({ name: 'kernel_shape', type: onnx.AttributeProto.AttributeType.INTS, ints: [1, 1] }),
        onnx.AttributeProto.create({ name: 'group', type: onnx.AttributeProto.AttributeType.INT, i: ch }),
      ],
    });
  });
  return replaced;
}
