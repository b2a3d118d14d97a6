"""Crops cut where the app's own detector puts its boxes, on receipts rendered by the fixture
generator (`npm run training:crops -- DIR`, tools/detector-crops/): the real boxes, margins and
neighbours the recogniser meets in the app, mixed into the rendered lines.

Each crop comes with context around its box (half the box height on every side), so every
draw jitters the box a little differently: a third of them shifted up to a quarter of the box
height, as the detector's boxes move with blur and scale.
"""
from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from .charset import CHARACTERS
from .render import to_height


@dataclass(frozen=True)
class DetectorCrop:
    png: bytes
    text: str
    #: The detector's box in the context image: x0, y0, x1, y1.
    box: tuple[float, float, float, float]


def load(folder: Path) -> list[DetectorCrop]:
    """Every crop of a folder written by the crop tool (PNG bytes kept compressed in memory)."""
    rows = []
    known = set(CHARACTERS)
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if any(c not in known for c in row["text"]):
            raise ValueError(f"{folder}: {row['file']} is labelled with characters outside the charset: {row['text']!r}")
        rows.append(DetectorCrop((folder / "images" / row["file"]).read_bytes(), row["text"], tuple(row["box"])))
    if not rows:
        raise ValueError(f"{folder} holds no crops")
    return rows


def jittered_box(box: tuple[float, float, float, float], size: tuple[int, int], r: random.Random) -> tuple[int, int, int, int]:
    """The box moved and resized as another run of the detector might have drawn it."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    shift = r.uniform(-0.25, 0.25) if r.random() < 0.33 else r.uniform(-0.05, 0.05)
    top = y0 + shift * h - h * r.uniform(-0.08, 0.15)
    bottom = y1 + shift * h + h * r.uniform(-0.08, 0.15)
    left = x0 - h * r.uniform(-0.05, 0.3)
    right = x1 + h * r.uniform(-0.05, 0.3)
    width, height = size
    return max(0, round(left)), max(0, round(top)), min(width, round(right)), min(height, round(bottom))


def sample(r: random.Random, crops: list[DetectorCrop]) -> tuple[np.ndarray, str]:
    crop = r.choice(crops)
    image = Image.open(io.BytesIO(crop.png)).convert("RGB")
    return to_height(image.crop(jittered_box(crop.box, image.size, r)), r), crop.text
