"""Copies of detector inputs as scans and photos show pages: the student learns the teacher's
maps on rendered screens, and these keep it close to the teacher where the pages look worse
(grey paper, faded or blurred ink, noise, JPEG blocks, a slight enlargement's softness).
Every copy keeps its input's size, a multiple of 32, as the app's inputs are."""
from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    img = image.convert("RGB")
    w, h = img.size
    if rng.random() < 0.5:
        img = img.convert("L").convert("RGB")
    a = np.asarray(img).astype(np.float32)
    if rng.random() < 0.6:  # faded ink on tinted paper: contrast down, background off white
        contrast = rng.uniform(0.45, 0.9)
        paper = np.array([rng.uniform(200, 255), rng.uniform(195, 250), rng.uniform(180, 245)], dtype=np.float32)
        a = paper - (255 - a) * contrast * paper / 255
    if rng.random() < 0.5:
        a = a + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(2, 12), a.shape)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.2)))
    if rng.random() < 0.3:  # scanned smaller, enlarged back
        f = rng.uniform(0.55, 0.85)
        img = img.resize((max(8, round(w * f)), max(8, round(h * f))), Image.BILINEAR).resize((w, h), Image.BILINEAR)
    if rng.random() < 0.5:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(35, 85))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def augmented_copies(files: list[Path], count: int, out: Path, seed: int) -> list[Path]:
    """`count` degraded copies of inputs drawn from `files` (the training side only), written to
    `out` once and named after their input."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    made = []
    for n in range(count):
        source = rng.choice(files)
        path = out / f"{source.stem}-aug{n:05d}.png"
        if not path.exists():
            degrade(Image.open(source), random.Random(seed * 100003 + n)).save(path)
        made.append(path)
    return made
