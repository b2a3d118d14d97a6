"""Endless stream of rendered lines for training, and fixed sets for evaluation."""
from __future__ import annotations

import random
from functools import partial
from typing import NamedTuple

import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info

from . import corpus, crops as detector_crops
from .charset import encode
from .fonts import Font
from .model import frames_for
from .render import draw_line, render_line


def to_tensor(image: np.ndarray) -> torch.Tensor:
    """HWC uint8 RGB -> CHW float, normalised as the manifest says: (x / 255 - 0.5) / 0.5."""
    return torch.from_numpy(image).permute(2, 0, 1).float().div_(127.5).sub_(1.0)


def fits_ctc(text: str, width: int) -> bool:
    """CTC needs a frame per character plus one blank between each pair of equal neighbours."""
    repeats = sum(1 for a, b in zip(text, text[1:]) if a == b)
    return frames_for(width) >= len(text) + repeats


# Icons the detector boxes on receipt screens (check marks, arrows, menus, stars). They are not
# text: the model learns to read them as nothing, and the app drops empty lines.
ICONS = "✓✔✗✕★☆♥●○■□▲▼◆→←↑↓⚠☰⋮"
ICON_SHARE = 0.03


def icon_sample(r: random.Random, fonts: tuple[Font, ...], native: bool) -> tuple[np.ndarray, str]:
    font = next(f for f in fonts if f.path.name == "DejaVuSans.ttf")
    glyphs = r.choice(ICONS) * r.choice((1, 1, 1, 2)) if r.random() < 0.9 else " ".join(r.sample(ICONS, 3))
    return render_line(glyphs, font, r, None, None, native), ""


#: Lines of printed till receipts on scanned paper (SROIE's kind of receipt), on top of the till
#: lines `corpus.line` mixes into app screens. Their type is a receipt printer's: monospaced,
#: condensed or plain sans, often as bitmap dots (render.THERMAL_SHARE).
PRINTED_SHARE = 0.12
#: Faces seen on printed receipts and not on banking apps' screens: a Courier (the typewriter face
#: of many till printers' drivers), a Times and italics. App-screen lines never use them.
#: The bitmap fonts (fonts.Font.sizes) are printer-only too: the type in a till printer's ROM.
BITMAP_FAMILIES = ("Fixed", "Terminus")
PRINTER_ONLY_FAMILIES = ("FreeMono", "FreeSerif", "Liberation Sans Italic") + BITMAP_FAMILIES
#: Printed lines in bitmap type, when the fonts have some: most till printers print their own
#: bitmap font (SROIE's receipts mostly are), which no outline font drawn without smoothing looks like.
BITMAP_SHARE = 0.4
#: Lines drawn between the lines above and below them, as a detector's box may take in their
#: ink; printed lines more often in training (till receipts are set close).
NEIGHBOUR_SHARE = 0.4
PRINTED_NEIGHBOUR_SHARE = 0.8
#: Printed training lines drawn from corpus.till_marks_line (hyphens, `*`, `@`: marks till
#: receipts print and the till lines had few of).
PRINTED_MARKS_SHARE = 0.3
#: Printed training lines whose hyphens are drawn with the font's en dash and still labelled `-`:
#: a till printer's hyphen fills its cell, as wide as a screen font's en dash, and the model had
#: learnt that a wide dash is `–` (30 of SROIE's hyphens read so through the pipeline).
WIDE_HYPHEN_SHARE = 0.5
PRINTER_FAMILIES = ("DejaVu Sans Mono", "Liberation Mono", "Fira Code", "Hack", "Roboto Condensed", "DejaVu Sans",
                    "FreeSans", "Liberation Sans", "Liberation Serif", "Noto Sans") + PRINTER_ONLY_FAMILIES


def printer_fonts(fonts: tuple[Font, ...]) -> tuple[Font, ...]:
    """The printer-like fonts among `fonts`, or all of them (the held-out families have none)."""
    return tuple(f for f in fonts if f.family in PRINTER_FAMILIES) or fonts


def screen_fonts(fonts: tuple[Font, ...]) -> tuple[Font, ...]:
    """The fonts among `fonts` that app screens use: all but the printer-only families."""
    return tuple(f for f in fonts if f.family not in PRINTER_ONLY_FAMILIES)


def sample(r: random.Random, fonts: tuple[Font, ...], max_chars: int, shift: float | None = None, native: bool = False,
           icons: bool = False, training: bool = False, printed_share: float | None = None) -> tuple[np.ndarray, str]:
    """One rendered line and its text; `training` is render_line's (the training stream only), and
    `printed_share` the share of printed till-receipt lines (None: PRINTED_SHARE, as the evaluation
    sets are drawn)."""
    line = sample_of_kind(r, fonts, max_chars, shift, native, icons, training, printed_share)
    return line.image, line.text


class Sample(NamedTuple):
    """A rendered line, its text, its kind and the share of its ink its box cuts (render.Line)."""

    image: np.ndarray
    text: str
    #: "screen" (an app screen's line), "printed" (a printed till receipt's) or "icon" (an icon alone).
    kind: str
    ink_cut: float


def sample_of_kind(r: random.Random, fonts: tuple[Font, ...], max_chars: int, shift: float | None = None,
                   native: bool = False, icons: bool = False, training: bool = False,
                   printed_share: float | None = None) -> Sample:
    """`sample`'s line and text, which kind of line it is and how much of its ink its box cuts.
    The benchmark scores the kinds apart (printed till lines are read much worse than screens'
    lines), and the lines whose box holds all their ink apart from the others."""
    if icons and r.random() < ICON_SHARE:
        return Sample(*icon_sample(r, fonts, native), "icon", 0.0)
    printed = r.random() < (PRINTED_SHARE if printed_share is None else printed_share)
    # marks=0 draws nothing from the generator, so the evaluation sets' streams stay as they were.
    generate = partial(corpus.printed_line, marks=PRINTED_MARKS_SHARE if training else 0.0) if printed else corpus.line
    candidates = printer_fonts(fonts) if printed else screen_fonts(fonts)
    bitmaps = tuple(f for f in candidates if f.sizes)
    if bitmaps:  # never for the held-out fonts, so their evaluation sets stay as they were
        candidates = bitmaps if r.random() < BITMAP_SHARE else tuple(f for f in candidates if not f.sizes)
    while True:
        text = corpus.line_with_max_length(r, max_chars, generate)
        font = r.choice(candidates)
        if any(c in font.missing for c in text):
            continue
        neighbours = None
        if r.random() < (PRINTED_NEIGHBOUR_SHARE if training and printed else NEIGHBOUR_SHARE):
            above, below = generate(r), generate(r)
            if not any(c in font.missing for c in above + below):
                neighbours = (above, below)
        drawn = text
        if training and printed and "-" in text and "–" not in font.missing and r.random() < WIDE_HYPHEN_SHARE:
            drawn = text.replace("-", "–")
        line = draw_line(drawn, font, r, neighbours, shift, native, printed, training)
        if native or fits_ctc(text, line.image.shape[1]):
            return Sample(line.image, text, "printed" if printed else "screen", line.ink_cut)


class SyntheticLines(IterableDataset):
    """Endless batches of rendered lines. Each worker draws from its own generator, seeded by
    (seed, start step, worker id), so a run resumed at step S sees the same stream as any other
    run resumed at S. `max_chars_at(step)` is the curriculum: short lines first.

    Batches are cut from a pool of `POOL_BATCHES` batches sorted by width: padding every line to
    the widest of a random batch of 32 spent 60% of the training compute on padding (measured:
    lines filled 40% of the padded width), and sorting lifts that to about 90%."""

    POOL_BATCHES = 8

    def __init__(self, fonts: tuple[Font, ...], seed: int, start_step: int, batch: int, max_chars_at,
                 crops: list[detector_crops.DetectorCrop] | None = None, crop_share: float = 0.0,
                 printed_share: float | None = None):
        self.fonts, self.seed, self.start_step, self.batch, self.max_chars_at = fonts, seed, start_step, batch, max_chars_at
        #: Crops cut by the app's detector (crops.py), drawn instead of a rendered line this often.
        self.crops, self.crop_share = crops, crop_share if crops else 0.0
        #: The share of rendered lines drawn from printed till receipts (None: PRINTED_SHARE).
        self.printed_share = printed_share

    def draw(self, r: random.Random, max_chars: int) -> tuple[np.ndarray, str]:
        while self.crop_share and r.random() < self.crop_share:
            image, text = detector_crops.sample(r, self.crops)
            if len(text) <= max_chars and fits_ctc(text, image.shape[1]):
                return image, text
        return sample(r, self.fonts, max_chars, icons=True, training=True, printed_share=self.printed_share)

    def __iter__(self):
        info = get_worker_info()
        worker = info.id if info else 0
        workers = info.num_workers if info else 1
        r = random.Random(f"{self.seed}:{self.start_step}:{worker}")
        produced = 0
        while True:
            # The curriculum follows the step these samples roughly belong to.
            step = self.start_step + produced * workers // self.batch
            pool = [self.draw(r, self.max_chars_at(step)) for _ in range(self.batch * self.POOL_BATCHES)]
            produced += len(pool)
            pool.sort(key=lambda item: item[0].shape[1])
            batches = [pool[k: k + self.batch] for k in range(0, len(pool), self.batch)]
            r.shuffle(batches)
            for batch in batches:
                yield collate([(to_tensor(image), torch.tensor(encode(text), dtype=torch.int64), text) for image, text in batch])


def collate(batch):
    """Right-pads images with 0 (mid-grey once normalised, as the app pads), concatenates targets."""
    images, targets, texts = zip(*batch)
    width = max(i.shape[2] for i in images)
    x = torch.zeros(len(images), 3, images[0].shape[1], width)
    for k, image in enumerate(images):
        x[k, :, :, : image.shape[2]] = image
    frames = torch.tensor([frames_for(i.shape[2]) for i in images], dtype=torch.int64)
    lengths = torch.tensor([len(t) for t in targets], dtype=torch.int64)
    # int64 targets: with int32 PyTorch picks cuDNN's CTC, which ignores zero_infinity.
    return x, torch.cat(targets), frames, lengths, list(texts)


def fixed_set(fonts: tuple[Font, ...], seed: int, count: int, max_chars: int = 64, shift: float | None = None):
    """A reproducible evaluation set: (image, text) pairs."""
    r = random.Random(f"eval:{seed}")
    return [sample(r, fonts, max_chars, shift) for _ in range(count)]
