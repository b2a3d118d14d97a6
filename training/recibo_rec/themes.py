"""The colours a line is drawn in: light and dark app themes, brand headers, the grey pill, and
scanned till paper, the ink always readable on its ground (render.py draws with them)."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    background: tuple[int, int, int]
    ink: tuple[int, int, int]
    #: Scanned paper (till receipts): the page gets grain and the ink fades in places.
    paper: bool = False


def luma(c: tuple[int, int, int]) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


BRAND = [(0, 84, 166), (0, 122, 61), (196, 30, 58), (0, 150, 136), (245, 124, 0), (94, 53, 177), (0, 71, 133), (33, 150, 243)]


#: Till rolls that print blue or violet instead of black.
COLOURED_INK_SHARE = 0.2


def paper_theme(r: random.Random) -> Theme:
    """A scanned till receipt: greyish, slightly warm paper, dark grey ink or, on some rolls, blue
    to violet ink (always at least 55 levels of luma from the paper)."""
    grey = r.randint(175, 240)
    paper = (grey, grey - r.randint(0, 8), grey - r.randint(0, 16))
    if r.random() < COLOURED_INK_SHARE:
        return Theme(paper, (r.randint(40, 110), r.randint(40, 100), r.randint(130, 200)), paper=True)
    return Theme(paper, tuple([r.randint(10, 90)] * 3), paper=True)  # type: ignore[arg-type]


def theme(r: random.Random) -> Theme:
    """Light, dark, grey label, coloured header, pill or scanned paper; the ink always readable on
    its ground."""
    while True:
        kind = r.random()
        if kind < 0.12:
            return paper_theme(r)
        if kind < 0.45:  # light page, dark or grey text
            bg = tuple([r.randint(235, 255)] * 3)
            ink = tuple([r.randint(0, 70)] * 3) if r.random() < 0.6 else tuple([r.randint(90, 150)] * 3)
            if r.random() < 0.15:
                ink = r.choice(BRAND)
        elif kind < 0.75:  # dark theme
            bg = tuple([r.randint(0, 45)] * 3)
            ink = tuple([r.randint(200, 255)] * 3) if r.random() < 0.6 else tuple([r.randint(130, 185)] * 3)
        elif kind < 0.9:  # coloured header or button, white text
            bg = r.choice(BRAND)
            ink = tuple([r.randint(235, 255)] * 3)
        else:  # grey pill (the BDV amount)
            bg = tuple([r.randint(210, 235)] * 3)
            ink = tuple([r.randint(0, 80)] * 3)
        jitter = lambda c: tuple(max(0, min(255, v + r.randint(-6, 6))) for v in c)  # noqa: E731
        bg, ink = jitter(bg), jitter(ink)
        if abs(luma(bg) - luma(ink)) >= 70:
            return Theme(bg, ink)  # type: ignore[arg-type]
