"""Training weights rebuilt from the exported ONNX model, so a new schedule can start from the
model committed in `models/` on any machine, without the run folder that trained it (run folders
are git-ignored and stay on the machine that made them).

The export folds every BatchNorm into the convolution before it (eval mode, constant folding), so
the ONNX file holds, for each convolution, a folded weight W' and bias b'. Unfolding them exactly
is impossible (the split between weight and normalisation is lost) and unnecessary: with the
convolution's weight set to W' and its BatchNorm set, from the statistics (mean m, variance v) of
W'x on real rendered lines, to running mean m, running variance v, scale sqrt(v + eps) and shift
m + b', the model computes W'x + b' exactly in eval mode, and in train mode the batch statistics
are close to m and v, so training continues from where the export left off instead of from a
model whose normalisation is suddenly wrong.
"""
from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnx import numpy_helper
from torch import nn

from .model import LineRecognizer


def _folded_convs(path: Path) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(weight, bias) of every Conv node, in graph order (the order of the model's modules)."""
    graph = onnx.load(str(path)).graph
    tensors = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    return [(tensors[node.input[1]], tensors[node.input[2]]) for node in graph.node if node.op_type == "Conv"]


def _conv_norm_pairs(model: LineRecognizer) -> list[tuple[nn.Module, nn.Module | None]]:
    """Every convolution with the BatchNorm that follows it (None for the classifier)."""
    modules = [m for m in model.modules() if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.BatchNorm1d, nn.BatchNorm2d))]
    pairs = []
    for k, module in enumerate(modules):
        if isinstance(module, (nn.Conv1d, nn.Conv2d)):
            following = modules[k + 1] if k + 1 < len(modules) else None
            pairs.append((module, following if isinstance(following, (nn.BatchNorm1d, nn.BatchNorm2d)) else None))
    return pairs


@torch.no_grad()
def recover(path: Path, calibration: torch.Tensor) -> LineRecognizer:
    """The model of an exported ONNX file, its BatchNorms calibrated on `calibration` ([N, 3, 32, W])."""
    model = LineRecognizer()
    pairs = _conv_norm_pairs(model)
    folded = _folded_convs(path)
    if len(folded) != len(pairs):
        raise ValueError(f"{path} has {len(folded)} convolutions; the model has {len(pairs)}: not this architecture")
    for (conv, norm), (weight, bias) in zip(pairs, folded):
        if conv.weight.shape != weight.shape:
            raise ValueError(f"{path}: a convolution weighs {tuple(weight.shape)}, the model's {tuple(conv.weight.shape)}")
        conv.weight.copy_(weight)
        if norm is None:
            conv.bias.copy_(bias)
            continue
        if conv.bias is not None:
            conv.bias.zero_()
        # Identity first (scale sqrt(1 - eps + eps) = 1), so the pass below sees the exact network.
        norm.running_mean.zero_()
        norm.running_var.fill_(1.0 - norm.eps)
        norm.weight.fill_(1.0)
        norm.bias.copy_(bias)

    statistics: dict[nn.Module, tuple[torch.Tensor, torch.Tensor]] = {}

    def keep(conv: nn.Module, _inputs, output: torch.Tensor) -> None:
        dims = [0, 2, 3] if output.dim() == 4 else [0, 2]
        statistics[conv] = (output.mean(dims), output.var(dims, unbiased=False))

    hooks = [conv.register_forward_hook(keep) for conv, norm in pairs if norm is not None]
    model.eval()(calibration)
    for hook in hooks:
        hook.remove()
    for conv, norm in pairs:
        if norm is None:
            continue
        mean, var = statistics[conv]
        shift = norm.bias.clone()
        norm.running_mean.copy_(mean)
        norm.running_var.copy_(var)
        norm.weight.copy_(torch.sqrt(var + norm.eps))
        norm.bias.copy_(mean + shift)
    return model
