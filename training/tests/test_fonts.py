import json
import os
import tempfile
import unittest
from pathlib import Path

import numpy as np

from recibo_rec import fonts

from .support import ensure_fonts


class FontsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_held_out_families_never_train(self):
        train = {f.family for f in fonts.training_fonts()}
        held = {f.family for f in fonts.held_out_fonts()}
        self.assertEqual(held, set(fonts.HELD_OUT))
        self.assertFalse(train & held)
        self.assertGreaterEqual(len(train), 12)

    def test_the_npm_screen_families_write_every_character(self):
        more = [f for f in fonts.training_fonts() if f.family in fonts.MORE_SCREEN_FAMILIES]
        self.assertEqual({f.family for f in more}, set(fonts.MORE_SCREEN_FAMILIES))
        self.assertEqual(len(more), sum(len(weights) for _, weights in fonts.MORE_SCREEN_FAMILIES.values()))
        self.assertEqual([f.path.name for f in more if f.missing], [])

    def test_a_folder_collected_for_other_sources_is_refused(self):
        lock = json.loads(fonts.LOCK_FILE.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as folder:
            for entry in lock["fonts"]:
                os.symlink(fonts.FONTS_DIR / entry["file"], Path(folder) / entry["file"])
            lock["fonts"] = [e for e in lock["fonts"] if e["family"] != "Poppins"]
            (Path(folder) / fonts.LOCK_FILE.name).write_text(json.dumps(lock), encoding="utf-8")
            with self.assertRaisesRegex(ValueError, "3 not collected.*collect the fonts again"):
                fonts.load(Path(folder))

    def test_missing_glyphs_are_found(self):
        dejavu = next(f for f in fonts.load() if f.family == "DejaVu Sans")
        self.assertEqual(fonts.missing_characters(dejavu.path), frozenset())

    def test_bitmap_fonts_know_their_sizes_and_gaps(self):
        by_file = {f.path.name: f for f in fonts.load()}
        self.assertEqual(by_file["12x24.pcf.gz"].sizes, (24,))
        self.assertEqual(by_file["12x24.pcf.gz"].missing, frozenset("•–€"))
        self.assertEqual(by_file["7x14B.pcf.gz"].missing, frozenset())
        self.assertIn(16, by_file["terminus-bold.otb"].sizes)
        self.assertEqual(by_file["DejaVuSans.ttf"].sizes, ())
        self.assertFalse(any(f.sizes for f in fonts.held_out_fonts()), "held-out sets must not change with BITMAP_SHARE")


if __name__ == "__main__":
    unittest.main()
