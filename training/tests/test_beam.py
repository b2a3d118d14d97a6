import unittest

import numpy as np

from recibo_rec import corpus, language_model as lmod, receipt_values
from recibo_rec.beam import beam_decode
from recibo_rec.charset import CHARACTERS
from recibo_rec.lm_probe import OPEN_LISTS, every_other_word


def frames(text: str, doubt: tuple[int, str, float] | None = None) -> np.ndarray:
    """One frame per character at 0.99 and a blank after it; `doubt` gives one character a second reading."""
    rows = []
    for i, ch in enumerate(text):
        row = np.full(len(CHARACTERS) + 1, 1e-9)
        row[0] = 0.01
        if doubt and doubt[0] == i:
            row[CHARACTERS.index(ch) + 1], row[CHARACTERS.index(doubt[1]) + 1] = 0.99 - doubt[2], doubt[2]
        else:
            row[CHARACTERS.index(ch) + 1] = 0.99
        blank = np.full(len(CHARACTERS) + 1, 1e-9)
        blank[0] = 1.0
        rows += [row, blank]
    return np.log(np.array(rows))


class BeamTest(unittest.TestCase):
    """The Python mirror of the app's beam search (ctc-beam.ts), for lm_probe."""

    @classmethod
    def setUpClass(cls):
        cls.model = lmod.LanguageModel(lmod.build(lmod.training_text(3000, "test")))

    def test_the_word_decides_where_the_pixels_leave_two_letters_close(self):
        close = frames("Nro. de camprobante", (9, "o", 0.4))
        self.assertEqual(beam_decode(close, self.model, weight=0.0, char_bonus=0.0), "Nro. de camprobante")
        self.assertEqual(beam_decode(close, self.model), "Nro. de comprobante")

    def test_a_reading_the_recogniser_does_not_give_is_never_tried(self):
        self.assertEqual(beam_decode(frames("Xqzj 7731 wkv"), self.model), "Xqzj 7731 wkv")

    def test_the_most_likely_text_not_the_most_likely_frames(self):
        a = CHARACTERS.index("a") + 1
        row = np.full(len(CHARACTERS) + 1, 1e-9)
        row[0], row[a] = 0.6, 0.4
        self.assertEqual(beam_decode(np.log(np.array([row, row])), self.model, weight=0.0, char_bonus=0.0), "a")


class EveryOtherWordTest(unittest.TestCase):
    def test_the_open_lists_lose_every_other_word_and_come_back(self):
        before = {name: receipt_values.words(name) for name in (*OPEN_LISTS, "banks")}
        with every_other_word() as left_out:
            for name in OPEN_LISTS:
                self.assertEqual(receipt_values.words(name), before[name][0::2])
            self.assertEqual(receipt_values.words("banks"), before["banks"])  # closed lists stay whole
            self.assertEqual(corpus.till_vocabulary(), before["till_words"][0::2] + before["english_words"][0::2])
            self.assertIn(before["spanish_words"][1].lower(), left_out)
            self.assertNotIn(before["spanish_words"][0].lower(), left_out)
        for name in OPEN_LISTS:
            self.assertEqual(receipt_values.words(name), before[name])


if __name__ == "__main__":
    unittest.main()
