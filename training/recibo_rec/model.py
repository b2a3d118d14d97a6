"""A compact, fully convolutional CTC line recogniser.

Why no LSTM: on the CPUs the app runs on (and the 2-core machine this was first trained on), a
bidirectional LSTM costs several times the whole convolutional backbone, in training and in
inference; a stack of 1-D convolutions over the frames, dilated to see a few characters either
side, reads printed receipt text as well. Input: RGB, HEIGHT = 32 px high, any width, normalised
(x / 255 - 0.5) / 0.5. Output: one frame per 4 pixels of width, NUM_CLASSES scores each.

`context` adds residual blocks of wider dilation after the head's three layers (ContextBlock),
so each frame sees whole words either side of it instead of about two letters.
"""
from __future__ import annotations

import torch
from torch import nn

from .charset import NUM_CLASSES

STRIDE = 4


def _conv(cin: int, cout: int, kernel=3, padding=1) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class ContextBlock(nn.Module):
    """x + out(relu(bn(conv(x)))), the convolution dilated `dilation` frames: a residual block that
    widens what each frame sees by `dilation` frames either side.

    Why: the head's three layers see about 100 px, two letters either side of a frame at 32 px,
    and many of the committed model's misses are letters a word around them decides
    (`camprobante`, `Bancanibe`, `condominlo`, `NASTER`, `CHANGH`). `out` starts at zero, so a
    model given new blocks (deepen.py) first computes exactly what it computed without them, and
    the blocks learn from there; a zero-initialised `out` still gets gradients, and `conv` gets
    them as soon as `out` moves."""

    def __init__(self, width: int, dilation: int):
        super().__init__()
        self.dilation = dilation
        self.conv = nn.Conv1d(width, width, 3, padding=dilation, dilation=dilation, bias=False)
        self.norm = nn.BatchNorm1d(width)
        self.out = nn.Conv1d(width, width, 1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.out(torch.relu(self.norm(self.conv(x))))


#: Where the context blocks go in the head: after its three layers, before dropout and the classes.
HEAD_LAYERS = 9


class LineRecognizer(nn.Module):
    def __init__(self, widths: tuple[int, int, int, int] = (16, 32, 64, 128), head: int = 192, classes: int = NUM_CLASSES,
                 context: tuple[int, ...] = ()):
        super().__init__()
        a, b, c, d = widths
        self.backbone = nn.Sequential(
            *_conv(3, a), nn.MaxPool2d(2),               # 16 x W/2
            *_conv(a, b), nn.MaxPool2d(2),               # 8 x W/4
            *_conv(b, c), *_conv(c, c), nn.MaxPool2d((2, 1)),  # 4 x W/4
            *_conv(c, d), *_conv(d, d), nn.MaxPool2d((2, 1)),  # 2 x W/4
            *_conv(d, d, kernel=(2, 3), padding=(0, 1)),       # 1 x W/4
        )
        self.head = nn.Sequential(
            nn.Conv1d(d, head, 3, padding=1), nn.BatchNorm1d(head), nn.ReLU(inplace=True),
            nn.Conv1d(head, head, 3, padding=2, dilation=2), nn.BatchNorm1d(head), nn.ReLU(inplace=True),
            nn.Conv1d(head, head, 3, padding=4, dilation=4), nn.BatchNorm1d(head), nn.ReLU(inplace=True),
            nn.Dropout(0.1),
            nn.Conv1d(head, classes, 1),
        )
        # Kept apart from `head` so the head's layers keep their names (and the committed model's
        # checkpoints and ONNX files their tensor names) whether a model has context blocks or not.
        self.context = nn.ModuleList(ContextBlock(head, d) for d in context)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """[N, 3, 32, W] -> logits [N, classes, W / 4]."""
        features = self.head[:HEAD_LAYERS](self.backbone(x).squeeze(2))
        for block in self.context:
            features = block(features)
        return self.head[HEAD_LAYERS:](features)


def architecture(model: LineRecognizer) -> dict:
    """What a checkpoint records so the model can be built again: its widths and head, and the
    dilations of its context blocks where it has any (a model without them records what the
    checkpoints before them recorded)."""
    convs = [m for m in model.backbone if isinstance(m, nn.Conv2d)]
    arch = {"widths": [convs[k].out_channels for k in (0, 1, 2, 4)], "head": model.head[0].out_channels}
    if len(model.context):
        arch["context"] = [block.dilation for block in model.context]
    return arch


def build(arch: dict | None) -> LineRecognizer:
    """A new model of the architecture `architecture` recorded (None: the default model)."""
    if not arch:
        return LineRecognizer()
    return LineRecognizer(tuple(arch["widths"]), arch["head"], context=tuple(arch.get("context", ())))


def from_checkpoint(state: dict) -> LineRecognizer:
    """The model a checkpoint holds, built to the architecture it records (checkpoints without one
    hold the default model)."""
    model = build(state.get("arch"))
    model.load_state_dict(state["model"])
    return model


class ExportedRecognizer(nn.Module):
    """What the app runs: probabilities laid out [N, frames, classes], as PP-OCRv4's are."""

    def __init__(self, model: LineRecognizer):
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x).softmax(1).permute(0, 2, 1)


def frames_for(width: int) -> int:
    """Output frames for an input this wide (each 2x2 pooling floors)."""
    return width // STRIDE
