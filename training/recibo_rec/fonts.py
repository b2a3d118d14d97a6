"""The fonts lines are rendered in, and which families are held out of training for evaluation.

`collect` copies them from Debian's font packages and the project's @fontsource dev dependencies
(Montserrat, which the rendered receipt fixtures use, and twenty more sans families of app
screens) into `training/fonts/`, with a lock file of sha256 sums, so the folder can travel to a
machine that has neither. Regular, medium, semi-bold and bold weights and a light one: app screens
are not italic. The twenty (`MORE_SCREEN_FAMILIES`) are there because a wider model reads lines
in the fonts it trained on markedly better than in the held-out ones (`python3 -m
recibo_rec.font_gap`): it learns the fonts it sees, so it must see many. The printed till receipts
(`dataset.PRINTER_FAMILIES`) also come in the typewriter and newspaper faces of receipt printers'
drivers (Courier, Times) and sometimes in italics: families only those lines use
(`dataset.PRINTER_ONLY_FAMILIES`), and in the bitmap type of their own ROMs: X11's fixed cells
and Terminus, fonts of whole pixels at a few sizes (`Font.sizes`), as a thermal head prints them.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .charset import CHARACTERS

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
LOCK_FILE = FONTS_DIR / "fonts.lock.json"
DEBIAN = Path("/usr/share/fonts")
FONTSOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "@fontsource"


def _fontsource(package: str, weights: tuple[int, ...]) -> tuple[str, list[str]]:
    """An @fontsource package's Latin files (Latin-1, `•`, `–` and `€`) in these weights."""
    return f"@fontsource/{package}", [f"{package}/files/{package}-latin-{w}-normal.woff2" for w in weights]


LIGHT_REGULAR_BOLD = (300, 400, 700)
#: Sans families of app screens from npm (family -> package, weights), light, regular and bold.
MORE_SCREEN_FAMILIES: dict[str, tuple[str, tuple[int, ...]]] = {
    name: (name.lower().replace(" ", "-"), LIGHT_REGULAR_BOLD)
    for name in ("Poppins", "Nunito Sans", "Source Sans 3", "Work Sans", "Rubik", "Ubuntu", "Raleway", "Mulish",
                 "Manrope", "DM Sans", "IBM Plex Sans", "Barlow", "Fira Sans", "Karla", "Titillium Web", "Public Sans",
                 "Quicksand", "Red Hat Display", "Figtree")
} | {"PT Sans": ("pt-sans", (400, 700))}

# family -> (Debian package or npm package, source files relative to their root)
SOURCES: dict[str, tuple[str, list[str]]] = {
    "Roboto": ("fonts-roboto-unhinted", [f"truetype/roboto/unhinted/RobotoTTF/Roboto-{w}.ttf" for w in ("Light", "Regular", "Medium", "Bold", "Black")]),
    "Roboto Condensed": ("fonts-roboto-unhinted", [f"truetype/roboto/unhinted/RobotoCondensed-{w}.ttf" for w in ("Regular", "Medium", "Bold")]),
    "Inter": ("fonts-inter", [f"opentype/inter/Inter-{w}.otf" for w in ("Light", "Regular", "Medium", "SemiBold", "Bold", "ExtraBold")]),
    "Open Sans": ("fonts-open-sans", [f"truetype/open-sans/OpenSans-{w}.ttf" for w in ("Light", "Regular", "Semibold", "Bold", "CondBold")]),
    "Noto Sans": ("fonts-noto-core", [f"truetype/noto/NotoSans-{w}.ttf" for w in ("Regular", "Bold")]),
    "DejaVu Sans": ("fonts-dejavu-core", ["truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf", "truetype/dejavu/DejaVuSansCondensed.ttf"]),
    "DejaVu Sans Mono": ("fonts-dejavu-core", ["truetype/dejavu/DejaVuSansMono.ttf", "truetype/dejavu/DejaVuSansMono-Bold.ttf"]),
    "Liberation Sans": ("fonts-liberation2", [f"truetype/liberation2/LiberationSans-{w}.ttf" for w in ("Regular", "Bold")]),
    "Liberation Serif": ("fonts-liberation2", [f"truetype/liberation2/LiberationSerif-{w}.ttf" for w in ("Regular", "Bold")]),
    "Liberation Mono": ("fonts-liberation2", [f"truetype/liberation2/LiberationMono-{w}.ttf" for w in ("Regular", "Bold")]),
    "Cantarell": ("fonts-cantarell", [f"opentype/cantarell/Cantarell-{w}.otf" for w in ("Light", "Regular", "Bold")]),
    "FreeSans": ("fonts-freefont-ttf", ["truetype/freefont/FreeSans.ttf", "truetype/freefont/FreeSansBold.ttf"]),
    # Printed receipts only (dataset.PRINTER_ONLY_FAMILIES): a Courier, a Times and italics.
    "FreeMono": ("fonts-freefont-ttf", ["truetype/freefont/FreeMono.ttf", "truetype/freefont/FreeMonoBold.ttf"]),
    "FreeSerif": ("fonts-freefont-ttf", ["truetype/freefont/FreeSerif.ttf", "truetype/freefont/FreeSerifBold.ttf"]),
    "Liberation Sans Italic": ("fonts-liberation2", [f"truetype/liberation2/LiberationSans-{w}.ttf" for w in ("Italic", "BoldItalic")]),
    # Bitmap type (dataset.BITMAP_FAMILIES): fixed cells from 6x13 to 12x24, drawn only at their sizes.
    "Fixed": ("xfonts-base", [f"X11/misc/{cell}.pcf.gz" for cell in ("6x13", "6x13B", "7x14", "7x14B", "8x13", "8x13B", "9x15",
                                                                      "9x15B", "9x18", "9x18B", "10x20", "12x24")]),
    "Terminus": ("fonts-terminus-otb", ["opentype/terminus/terminus-normal.otb", "opentype/terminus/terminus-bold.otb"]),
    "Fira Code": ("fonts-firacode", [f"truetype/firacode/FiraCode-{w}.ttf" for w in ("Regular", "Medium", "Bold")]),
    "Hack": ("fonts-hack", ["truetype/hack/Hack-Regular.ttf", "truetype/hack/Hack-Bold.ttf"]),
    "League Spartan": ("fonts-league-spartan", [f"opentype/league-spartan/LeagueSpartan-{w}.otf" for w in ("Regular", "SemiBold", "Bold")]),
    "Montserrat": _fontsource("montserrat", (400, 500, 600, 700)),
    **{name: _fontsource(package, weights) for name, (package, weights) in MORE_SCREEN_FAMILIES.items()},
    # Held out (below): never rendered for training.
    "Lato": ("fonts-lato", [f"truetype/lato/Lato-{w}.ttf" for w in ("Light", "Regular", "Medium", "Semibold", "Bold")]),
    "Carlito": ("fonts-crosextra-carlito", ["truetype/crosextra/Carlito-Regular.ttf", "truetype/crosextra/Carlito-Bold.ttf"]),
    "Cabin": ("fonts-cabin", [f"opentype/cabin/Cabin-{w}.otf" for w in ("Regular", "Medium", "SemiBold", "Bold")]),
}
HELD_OUT = ("Lato", "Carlito", "Cabin")


@dataclass(frozen=True)
class Font:
    family: str
    path: Path
    #: Characters of the charset this file has no glyph for: lines with them use another font.
    missing: frozenset[str]
    #: A bitmap font's pixel sizes (it can be drawn at no other); empty for an outline font.
    sizes: tuple[int, ...] = ()


def _source_root(package: str) -> Path:
    return FONTSOURCE if package.startswith("@fontsource/") else DEBIAN


def _glyph_mask(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    image = Image.new("L", (48, 48))
    ImageDraw.Draw(image).text((8, 4), ch, font=font, fill=255)
    return np.asarray(image).tobytes()


def bitmap_sizes(path: Path) -> tuple[int, ...]:
    """The pixel sizes a bitmap font has strikes for; () for an outline font, which draws at any."""
    if path.suffix not in (".otb", ".gz", ".pcf", ".bdf"):
        return ()
    sizes = []
    for size in range(6, 49):
        try:
            ImageFont.truetype(str(path), size)
        except OSError:  # FreeType: "invalid pixel size"
            continue
        sizes.append(size)
    return tuple(sizes)


def missing_characters(path: Path, sizes: tuple[int, ...] | None = None) -> frozenset[str]:
    """Characters drawn as the font's 'missing glyph' box (compared with a private-use code point);
    `sizes` is the file's `bitmap_sizes`, when the caller has them already."""
    sizes = bitmap_sizes(path) if sizes is None else sizes
    font = ImageFont.truetype(str(path), max(sizes, default=32))
    notdef = _glyph_mask(font, "\ue000")
    return frozenset(c for c in CHARACTERS if c != " " and _glyph_mask(font, c) == notdef)


def collect(dest: Path = FONTS_DIR) -> dict:
    """Copies every font in SOURCES into `dest` and writes the lock file; returns its content."""
    dest.mkdir(parents=True, exist_ok=True)
    entries = []
    for family, (package, files) in SOURCES.items():
        for rel in files:
            source = _source_root(package) / rel
            if not source.exists():
                raise FileNotFoundError(f"{source} is missing: install {package} (see training/README.md)")
            target = dest / source.name
            shutil.copyfile(source, target)
            sizes = bitmap_sizes(target)
            entries.append({
                "family": family, "file": target.name, "package": package,
                "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
                "missing": "".join(sorted(missing_characters(target, sizes))),
                "sizes": list(sizes),
            })
    lock = {"held_out": list(HELD_OUT), "fonts": entries}
    (dest / LOCK_FILE.name).write_text(json.dumps(lock, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return lock


@lru_cache(maxsize=None)
def load(dest: Path = FONTS_DIR) -> tuple[Font, ...]:
    lock_file = dest / LOCK_FILE.name
    if not lock_file.exists():
        raise FileNotFoundError(f"{lock_file} is missing: run `python3 -m recibo_rec.collect_fonts` first (training/README.md)")
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    # A folder collected for an older SOURCES (one carried to a training machine, say) would
    # train on another set of fonts without a word: refused instead.
    wanted = {(family, Path(rel).name) for family, (_, files) in SOURCES.items() for rel in files}
    found = {(entry["family"], entry["file"]) for entry in lock["fonts"]}
    if found != wanted:
        raise ValueError(f"{lock_file} lists {len(found)} fonts where SOURCES now names {len(wanted)} "
                         f"({len(wanted - found)} not collected, {len(found - wanted)} no longer named): collect the fonts again "
                         "(python3 -m recibo_rec.collect_fonts, from training/)")
    fonts = []
    for entry in lock["fonts"]:
        path = dest / entry["file"]
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"] or "sizes" not in entry:
            raise ValueError(f"{path} does not match its entry in {lock_file}: collect the fonts again")
        fonts.append(Font(entry["family"], path, frozenset(entry["missing"]), tuple(entry["sizes"])))
    return tuple(fonts)


def training_fonts() -> tuple[Font, ...]:
    return tuple(f for f in load() if f.family not in HELD_OUT)


def held_out_fonts() -> tuple[Font, ...]:
    return tuple(f for f in load() if f.family in HELD_OUT)
