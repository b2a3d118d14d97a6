import random
import tempfile
import unittest
from pathlib import Path

import numpy as np

from recibo_rec import fonts, make_eval
from recibo_rec.dataset import sample, sample_of_kind

from .support import ensure_fonts


class KindsTest(unittest.TestCase):
    """The evaluation sets say which kind of line each file is, and saying so draws the same lines."""

    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_a_line_drawn_with_its_kind_is_the_line_drawn_without(self):
        a, b = random.Random("kinds"), random.Random("kinds")
        for _ in range(12):
            image, text = sample(a, fonts.held_out_fonts(), 64, native=True)
            line = sample_of_kind(b, fonts.held_out_fonts(), 64, native=True)
            self.assertEqual(text, line.text)
            np.testing.assert_array_equal(image, line.image)
            self.assertIn(line.kind, ("screen", "printed"))

    def test_the_kind_is_the_one_drawn(self):
        r = random.Random(3)
        self.assertEqual({sample_of_kind(r, fonts.training_fonts(), 32, printed_share=1.0).kind for _ in range(6)}, {"printed"})
        self.assertEqual({sample_of_kind(r, fonts.training_fonts(), 32, printed_share=0.0).kind for _ in range(6)}, {"screen"})
        drawn = [sample_of_kind(r, fonts.training_fonts(), 32, icons=True) for _ in range(300)]
        self.assertTrue(all(line.text == "" for line in drawn if line.kind == "icon"))
        self.assertIn("icon", {line.kind for line in drawn})

    def test_a_box_in_place_holds_the_ink_and_a_shifted_one_cuts_it_by_the_shift_less_its_margin(self):
        held_out = fonts.held_out_fonts()
        # In place, only rounding the box to whole pixels can leave out a sliver of ink.
        in_place = [sample_of_kind(random.Random(seed), held_out, 32, 0.0, native=True).ink_cut for seed in range(20)]
        self.assertLess(max(in_place), 0.05)
        # Shifted 30% of the text height, the box's margin (0 to 0.4 of it) takes some back.
        shifted = [sample_of_kind(random.Random(seed), held_out, 32, 0.3, native=True).ink_cut for seed in range(20)]
        self.assertLessEqual(max(shifted), 0.35)
        self.assertGreater(max(shifted), 0.15)
        self.assertGreater(sum(shifted), 3 * sum(in_place))

    def test_kinds_tsv_and_ink_tsv_name_every_file_of_labels_tsv(self):
        with tempfile.TemporaryDirectory() as tmp:
            make_eval.write_set(Path(tmp), "heldout", 40, shifted=False)
            make_eval.write_set(Path(tmp), "shifted", 40, shifted=True)
            rows = lambda name, table: [line.split("\t") for line in (Path(tmp) / name / table).read_text(encoding="utf-8").splitlines()]  # noqa: E731
            labels, kinds, ink = rows("heldout", "labels.tsv"), rows("heldout", "kinds.tsv"), rows("heldout", "ink.tsv")
            shifted_ink = [float(cut) for _, cut in rows("shifted", "ink.tsv")]
        self.assertEqual([file for file, _ in labels], [file for file, _ in kinds])
        self.assertEqual([file for file, _ in labels], [file for file, _ in ink])
        # The held-out set's first 40 lines (its seed is its name) hold both kinds.
        self.assertEqual({kind for _, kind in kinds}, {"screen", "printed"})
        cuts = [float(cut) for _, cut in ink]
        self.assertTrue(all(0 <= cut <= 0.35 for cut in cuts + shifted_ink))
        # A third of the held-out boxes are shifted by up to 30% (render.py); every shifted one is.
        self.assertGreater(sum(cut > 0.05 for cut in shifted_ink), 2 * sum(cut > 0.05 for cut in cuts))


if __name__ == "__main__":
    unittest.main()
