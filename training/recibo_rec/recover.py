"""Training weights rebuilt from the exported ONNX model, so a new schedule can start from the
model committed in `models/` on any machine, without the run folder that trained it (run folders
are git-ignored and stay on the machine that made them).

The export keeps every BatchNorm as its own node (export.py), its initializers named after the
training weights (`model.backbone.1.running_mean`...), so the rebuild is exact: the same
weights, statistics included, that the checkpoint held. (Folding BatchNorm into the convolutions
at export lost the statistics; rebuilding them by calibration gave a network that read the same
in eval mode but differently in train mode, so training started from a shaken model. onnxruntime
folds them at load time, so the app runs the same graph either way.)
"""
from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnx import numpy_helper

from .model import LineRecognizer, build

#: The exported graph wraps the model (model.ExportedRecognizer), hence the prefix.
PREFIX = "model."


#: Convolutions in the recogniser's graph: seven in the backbone, four in the head (two more in
#: each context block).
CONVOLUTIONS = 11


def _graph(path: Path) -> tuple[dict[str, torch.Tensor], list[onnx.NodeProto]]:
    """Every initializer by name, and every name an Identity node gives one (the exporter keeps
    one copy of identical tensors, such as a fresh BatchNorm's ones and zeros, and names the
    others so); and the graph's nodes."""
    graph = onnx.load(str(path)).graph
    tensors = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Identity" and node.input[0] in tensors:
            tensors[node.output[0]] = tensors[node.input[0]]
    return tensors, list(graph.node)


def _context(nodes: list[onnx.NodeProto]) -> tuple[int, ...]:
    """The dilations of the model's context blocks (model.ContextBlock), in order: a dilation is
    not in any tensor's shape, so it is read off the Conv node that takes the block's weight."""
    dilations = {}
    for node in nodes:
        name = node.input[1] if node.op_type == "Conv" and len(node.input) > 1 else ""
        if name.startswith(f"{PREFIX}context.") and name.endswith(".conv.weight"):
            block = int(name[len(f"{PREFIX}context."):].split(".")[0])
            dilations[block] = next(a.ints[0] for a in node.attribute if a.name == "dilations")
    return tuple(dilations[k] for k in sorted(dilations))


def _architecture(tensors: dict[str, torch.Tensor], nodes: list[onnx.NodeProto], path: Path) -> dict:
    """The architecture of the model whose weights these are, as model.architecture records it."""
    names = [f"{PREFIX}backbone.{k}.weight" for k in (0, 4, 8, 15)] + [f"{PREFIX}head.0.weight"]
    if any(name not in tensors for name in names):
        operators = [node.op_type for node in nodes]
        if operators.count("Conv") == CONVOLUTIONS and "BatchNormalization" not in operators:
            raise ValueError(f"{path} was exported with BatchNorm folded into the convolutions (before export.py "
                             "kept it), so its statistics are lost: export it again from its checkpoint")
        raise ValueError(f"{path} is not this architecture: it lacks the recogniser's convolutions")
    *widths, head = (tensors[name].shape[0] for name in names)
    return {"widths": widths, "head": head, "context": list(_context(nodes))}


def recover(path: Path) -> LineRecognizer:
    """The model of an exported ONNX file, with exactly the weights it was exported with."""
    tensors, nodes = _graph(path)
    model = build(_architecture(tensors, nodes, path))
    state = model.state_dict()
    for key, value in state.items():
        if key.endswith("num_batches_tracked"):
            continue
        if PREFIX + key not in tensors:
            raise ValueError(f"{path} is not this architecture: it lacks {key}")
        if tensors[PREFIX + key].shape != value.shape:
            raise ValueError(f"{path}: {key} is {tuple(tensors[PREFIX + key].shape)}, the model's {tuple(value.shape)}")
        value.copy_(tensors[PREFIX + key])
    return model
