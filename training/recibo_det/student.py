"""The lighter detector: PP-OCRv4's with its three costliest convolutions made separable.

At the app's input sizes (a 480 x 352 page) two 3 x 3 convolutions from 96 to 24 channels at a
quarter of the input's resolution (the neck's last and the head's first) and a third at an eighth
are 0.49 of the detector's 0.95 GMAC. Each becomes a 1 x 1 convolution to 24 channels and a
depthwise 3 x 3 on them (2,520 instead of 20,736 multiply-adds a pixel). Everything after the
backbone (the neck and the head, about 0.2 M weights) is then trained to give the teacher's
probability map (distill.py); the backbone stays as it is.
"""
from __future__ import annotations

import torch
from torch import nn

from .graph import OnnxGraph, downstream

# Output names of the convolutions replaced, and of the neck's first nodes (the lateral 1 x 1
# convolutions on the four backbone stages), in PP-OCRv4's mobile detector.
SEPARABLE = ("conv2d_491.tmp_0", "conv2d_494.tmp_0", "conv2d_497.tmp_0")
NECK_INPUTS = ("conv2d_469.tmp_0", "conv2d_470.tmp_0", "conv2d_471.tmp_0", "conv2d_472.tmp_0")
# The map before its sigmoid: what the loss compares.
LOGITS = "p2o.ConvTranspose.3"


class Separable(nn.Module):
    """1 x 1 from `cin` to `cout` channels, then a depthwise k x k with the original's bias.
    Starts as the best rank-one factorisation of each output channel's (cin x k x k) kernel."""

    def __init__(self, weight: torch.Tensor, bias: torch.Tensor | None):
        super().__init__()
        cout, cin, kh, kw = weight.shape
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=False)
        self.depthwise = nn.Conv2d(cout, cout, (kh, kw), padding=(kh // 2, kw // 2), groups=cout, bias=bias is not None)
        with torch.no_grad():
            for o in range(cout):
                u, s, vt = torch.linalg.svd(weight[o].reshape(cin, kh * kw), full_matrices=False)
                root = s[0].sqrt()
                self.pointwise.weight[o, :, 0, 0] = u[:, 0] * root
                self.depthwise.weight[o, 0] = (vt[0] * root).reshape(kh, kw)
            if bias is not None:
                self.depthwise.bias.copy_(bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.depthwise(self.pointwise(x))


def trainable_weights(graph: OnnxGraph, neck_inputs: tuple[str, ...] = NECK_INPUTS) -> frozenset[str]:
    """Weights and biases of the convolutions and BatchNorm scales after the backbone (not
    BatchNorm's running statistics, which stay what they were)."""
    names = set()
    for node in downstream(graph.nodes, neck_inputs):
        if node.op_type in ("Conv", "ConvTranspose"):
            names.update(i for i in node.input[1:] if i)
        elif node.op_type == "BatchNormalization":
            names.update(node.input[1:3])
    return frozenset(n for n in names if n in graph.constants)


def build_student(model, separable: tuple[str, ...] = SEPARABLE, neck_inputs: tuple[str, ...] = NECK_INPUTS) -> OnnxGraph:
    """The teacher's neck and head with `separable` replaced, trainable; it is `given` the
    backbone's outputs (`inputs_from_before()`), which it shares with the teacher."""
    probe = OnnxGraph(model)
    replace = {}
    for name in separable:
        node = probe.node(name)
        weight = probe.constants[node.input[1]]
        bias = probe.constants[node.input[2]] if len(node.input) > 2 and node.input[2] else None
        replace[name] = Separable(weight, bias)
    trainable = trainable_weights(probe, neck_inputs)
    # The replaced convolutions' own weights are not used any more.
    unused = {i for name in separable for i in probe.node(name).input[1:]}
    return OnnxGraph(model, replace=replace, trainable=trainable - unused, start=neck_inputs)
