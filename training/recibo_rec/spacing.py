"""Sets a line otherwise than its font spaces it: extra room between letters (printers' tracked
type), and word spaces narrower or wider than the font's own, on every space or only on those
beside a digit (apps that set digit groups and times with a thin space)."""
from __future__ import annotations

from typing import NamedTuple

from PIL import ImageDraw, ImageFont


class Spacing(NamedTuple):
    #: Extra pixels after every letter; with any, the line is set letter by letter.
    tracking: float
    #: A word space's width against the font's own.
    word: float
    #: Only the spaces with a digit on either side take `word`; the others stay the font's.
    digit_gaps_only: bool = False


def _beside_digit(before: str, after: str) -> bool:
    return before[-1:].isdigit() or after[:1].isdigit()


def has_digit_gap(text: str) -> bool:
    """Whether some space in `text` has a digit on either side."""
    words = text.split(" ")
    return any(_beside_digit(before, after) for before, after in zip(words, words[1:]))


def pieces(face: ImageFont.FreeTypeFont, text: str, spacing: Spacing) -> tuple[list[tuple[float, str]], float]:
    """Where each piece of `text` starts from the line's left, and where the pen ends. Without
    tracking the words are drawn whole, so the font's kerning inside them stays."""
    space = face.getlength(" ")
    placed: list[tuple[float, str]] = []
    x = 0.0
    if spacing.tracking:
        for c in text:
            if c != " ":
                placed.append((x, c))
            x += (space * spacing.word if c == " " else face.getlength(c)) + spacing.tracking
        return placed, x
    words = text.split(" ")
    for i, word in enumerate(words):
        if word:
            placed.append((x, word))
            x += face.getlength(word)
        if i + 1 < len(words):
            scaled = not spacing.digit_gaps_only or _beside_digit(word, words[i + 1])
            x += space * (spacing.word if scaled else 1.0)
    return placed, x


def text_length(face: ImageFont.FreeTypeFont, text: str, spacing: Spacing | None) -> float:
    return face.getlength(text) if spacing is None else pieces(face, text, spacing)[1]


def draw_text(draw: ImageDraw.ImageDraw, left: float, baseline: float, text: str, face: ImageFont.FreeTypeFont, fill,
              spacing: Spacing | None) -> None:
    """`text` from (left, baseline), as the font sets it or with `spacing`."""
    if spacing is None:
        draw.text((left, baseline), text, font=face, anchor="ls", fill=fill)
        return
    for x, piece in pieces(face, text, spacing)[0]:
        draw.text((left + x, baseline), piece, font=face, anchor="ls", fill=fill)
