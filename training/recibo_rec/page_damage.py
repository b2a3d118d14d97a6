"""What happens to a page between the app that drew it and the operator's screen: WhatsApp's
downscaling and JPEG, black-and-white copies, scanned paper's grain and faded ink, a thermal
printer's enlarged bitmap type and a dot-matrix head's dots (render.py applies them)."""
from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image

from .themes import Theme, luma


def stretched(page: Image.Image, sx: float, sy: float, resample=Image.Resampling.BILINEAR) -> Image.Image:
    """The page resized by `sx` across and `sy` down."""
    if sx == 1.0 and sy == 1.0:
        return page
    return page.resize((max(1, round(page.width * sx)), max(1, round(page.height * sy))), resample)


def dot_matrix(page: Image.Image, colours: Theme, cell_w: float, cell_h: float) -> Image.Image:
    """`page`'s ink, enlarged bitmap type whose dots are `cell_w` by `cell_h`, kept only inside a
    round dot in each cell: the rest of the cell is paper, as a dot-matrix head prints."""
    pixels = np.array(page)
    fx = ((np.arange(page.width) + 0.5) / cell_w) % 1 - 0.5
    fy = ((np.arange(page.height) + 0.5) / cell_h) % 1 - 0.5
    between_dots = fy[:, None] ** 2 + fx[None, :] ** 2 > 0.48 ** 2
    ink = np.any(pixels != np.asarray(colours.background, dtype=np.uint8), axis=2)
    pixels[ink & between_dots] = colours.background
    return Image.fromarray(pixels)


def stretched_box(box: tuple[int, int, int, int], sx: float, sy: float) -> tuple[int, int, int, int]:
    return (int(box[0] * sx), int(box[1] * sy), int(box[2] * sx) + 1, int(box[3] * sy) + 1)


def scanned(page: Image.Image, colours: Theme, r: random.Random) -> Image.Image:
    """Paper grain, and thermal ink that fades towards the paper in broad patches."""
    rng = np.random.default_rng(r.getrandbits(32))
    pixels = np.asarray(page, dtype=np.float32)
    if r.random() < 0.5:
        patches = Image.fromarray(rng.uniform(0, 140, size=(2, max(2, page.width // 60))).astype(np.uint8))
        fade = np.asarray(patches.resize(page.size, Image.Resampling.BILINEAR), dtype=np.float32)[..., None] / 255
        pixels += (np.asarray(colours.background, dtype=np.float32) - pixels) * fade
    pixels += rng.normal(0, r.uniform(3, 14), size=pixels.shape[:2])[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def whatsapp_damage(page: Image.Image, r: random.Random, size: int) -> tuple[Image.Image, float]:
    """Downscale (sometimes back up) and JPEG-compress; returns the page and its scale. The
    smallest copies bring a font of `size` px down to about 7 px, as in the degraded copies
    operators forward (a 240-px-wide screenshot)."""
    scale = 1.0
    if r.random() < 0.6:
        factor = r.uniform(max(0.25, 7 / size), 0.9)
        small = stretched(page, factor, factor)
        if r.random() < 0.5:
            page = small.resize(page.size, Image.Resampling.BILINEAR)
        else:
            page, scale = small, factor
    if r.random() < 0.75:
        page = jpeg(page, r.randint(50, 85))
    return page, scale


def jpeg(page: Image.Image, quality: int) -> Image.Image:
    """The page after a JPEG round trip at `quality`."""
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=quality)
    return Image.open(buffer).convert("RGB")


def binarised_copy(page: Image.Image, colours: Theme, r: random.Random, size: int) -> tuple[Image.Image, float]:
    """A copy forwarded through a black-and-white filter, as some operators receive them: shrunk,
    JPEG-compressed, enlarged two to four times and thresholded, so the letters come out jagged,
    thinner or bolder with the threshold, and the compression's ringing turns into dots around
    them. Returns the page and its scale."""
    factor = r.uniform(max(0.4, 10 / size), 0.9)
    small = jpeg(stretched(page, factor, factor), r.randint(30, 70)).convert("L")
    scale = factor * r.uniform(2.0, 4.0)
    big = small.resize((max(1, round(page.width * scale)), max(1, round(page.height * scale))), Image.Resampling.BILINEAR)
    # Between the background and the ink, nearer the background (bolder letters) or halfway
    # (thinner); nearer the ink, the thin strokes of small shrunk text would vanish. Both tones are
    # measured on the page, as the filter does: the theme's ink may have faded (scanned thermal
    # paper), and a threshold from its nominal tone then dropped whole lines to a few specks.
    levels = np.asarray(small, dtype=np.float32)
    paper = float(np.median(levels))  # the background is most of the page
    dark_ink = luma(colours.ink) < luma(colours.background)
    ink = float(np.percentile(levels, 1 if dark_ink else 99))
    threshold = paper + (ink - paper) * r.uniform(0.15, 0.5)
    return big.point(lambda v: 255 if v > threshold else 0).convert("RGB"), scale
