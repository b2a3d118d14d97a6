"""python3 -m recibo_rec.collect_fonts: copy the fonts into training/fonts/ and write their lock file."""
from .fonts import FONTS_DIR, collect

if __name__ == "__main__":
    lock = collect()
    for entry in lock["fonts"]:
        note = f" (no glyph for {entry['missing']!r})" if entry["missing"] else ""
        print(f"{entry['family']:<18} {entry['file']}{note}")
    print(f"{len(lock['fonts'])} fonts in {FONTS_DIR}; held out of training: {', '.join(lock['held_out'])}")
