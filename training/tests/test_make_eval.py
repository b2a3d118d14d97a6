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
            same_image, same_text, kind = sample_of_kind(b, fonts.held_out_fonts(), 64, native=True)
            self.assertEqual(text, same_text)
            np.testing.assert_array_equal(image, same_image)
            self.assertIn(kind, ("screen", "printed"))

    def test_the_kind_is_the_one_drawn(self):
        r = random.Random(3)
        self.assertEqual({sample_of_kind(r, fonts.training_fonts(), 32, printed_share=1.0)[2] for _ in range(6)}, {"printed"})
        self.assertEqual({sample_of_kind(r, fonts.training_fonts(), 32, printed_share=0.0)[2] for _ in range(6)}, {"screen"})
        drawn = [sample_of_kind(r, fonts.training_fonts(), 32, icons=True) for _ in range(300)]
        self.assertTrue(all(text == "" for _, text, kind in drawn if kind == "icon"))
        self.assertIn("icon", {kind for *_, kind in drawn})

    def test_kinds_tsv_names_every_file_of_labels_tsv(self):
        with tempfile.TemporaryDirectory() as tmp:
            make_eval.write_set(Path(tmp), "heldout", 40, shifted=False)
            rows = lambda name: [line.split("\t") for line in (Path(tmp) / "heldout" / name).read_text(encoding="utf-8").splitlines()]  # noqa: E731
            labels, kinds = rows("labels.tsv"), rows("kinds.tsv")
        self.assertEqual([file for file, _ in labels], [file for file, _ in kinds])
        # The held-out set's first 40 lines (its seed is its name) hold both kinds.
        self.assertEqual({kind for _, kind in kinds}, {"screen", "printed"})


if __name__ == "__main__":
    unittest.main()
