import random
import unittest
from unittest import mock

import numpy as np
import torch
from PIL import Image, ImageFont

from recibo_rec import fonts
from recibo_rec.dataset import SyntheticLines, collate, fits_ctc, sample, to_tensor
from recibo_rec.model import frames_for
from recibo_rec.page_damage import dot_matrix
from recibo_rec.render import HEIGHT, render_line
from recibo_rec.themes import Theme

from .support import UNDAMAGED, ensure_fonts


class PrintedAndStreamTest(unittest.TestCase):
    """Printed till lines, the training stream's shares and its batches."""
    @classmethod
    def setUpClass(cls):
        ensure_fonts()
        cls.font = next(f for f in fonts.training_fonts() if f.family == "Roboto")

    def test_samples_leave_ctc_enough_frames(self):
        r = random.Random(11)
        for _ in range(50):
            image, text = sample(r, fonts.training_fonts(), 64)
            self.assertTrue(fits_ctc(text, image.shape[1]))
        self.assertFalse(fits_ctc("0000", 4 * 6))  # 4 characters and 3 blanks between them need 7 frames
        self.assertTrue(fits_ctc("0000", 4 * 7))

    def test_printer_only_faces_are_never_on_a_screen(self):
        from recibo_rec import dataset
        drawn = []
        real = dataset.draw_line

        def spy(text, font, r, neighbours, shift, native, printed=False, *rest):
            drawn.append((font.family, printed))
            return real(text, font, r, neighbours, shift, native, printed, *rest)

        with mock.patch.multiple(dataset, draw_line=spy, PRINTED_SHARE=0.5):
            r = random.Random(17)
            for _ in range(160):
                sample(r, fonts.training_fonts(), 32, icons=True)
        on_screens = {family for family, printed in drawn if not printed}
        on_paper = {family for family, printed in drawn if printed}
        self.assertFalse(on_screens & set(dataset.PRINTER_ONLY_FAMILIES), on_screens)
        self.assertTrue(on_paper & set(dataset.PRINTER_ONLY_FAMILIES), on_paper)
        self.assertGreater(len(on_screens), 8)

    def test_a_training_stream_sets_its_own_share_of_printed_lines(self):
        from recibo_rec import dataset
        drawn = []
        real = dataset.draw_line

        def spy(text, font, r, neighbours, shift, native, printed=False, *rest):
            if text[0] not in dataset.ICONS:  # an icon is never a printed line
                drawn.append(printed)
            return real(text, font, r, neighbours, shift, native, printed, *rest)

        with mock.patch.object(dataset, "draw_line", spy):
            for share in (1.0, 0.0):
                drawn.clear()
                stream = SyntheticLines(fonts.training_fonts(), seed=5, start_step=0, batch=8,
                                        max_chars_at=lambda step: 48, printed_share=share)
                r = random.Random(5)
                for _ in range(24):
                    stream.draw(r, 48)
                self.assertEqual(set(drawn), {share == 1.0}, f"printed share {share}")

    def test_printed_training_hyphens_are_drawn_wide_and_labelled_as_hyphens(self):
        from recibo_rec import dataset
        drawn = []
        real = dataset.draw_line

        def spy(text, font, r, neighbours, shift, native, printed=False, *rest):
            drawn.append((text, "–" in font.missing))
            return real(text, font, r, neighbours, shift, native, printed, *rest)

        with mock.patch.object(dataset, "draw_line", spy), mock.patch.multiple(dataset, PRINTED_MARKS_SHARE=1.0, WIDE_HYPHEN_SHARE=1.0):
            r = random.Random(33)
            pairs = []
            for _ in range(60):
                drawn.clear()  # a line too long for its frames is drawn again: the last drawing is the sample's
                label = dataset.sample_of_kind(r, fonts.training_fonts(), 48, training=True, printed_share=1.0).text
                text, no_en_dash = drawn[-1]
                pairs.append((label, text, no_en_dash))
        labels = [label for label, *_ in pairs]
        # A font without an en dash draws the hyphen it has.
        hyphenated = [(label, text) for label, text, no_en_dash in pairs if "-" in label and not no_en_dash]
        self.assertGreater(len(hyphenated), 10)
        self.assertTrue(all("–" not in label for label in labels), "the labels keep their hyphens")
        self.assertEqual([p for p in hyphenated if p[1] != p[0].replace("-", "–")], [])

    def test_printed_lines_are_on_paper_in_printer_type(self):
        from recibo_rec import dataset
        self.assertTrue(all(f.family in dataset.PRINTER_FAMILIES for f in dataset.printer_fonts(fonts.training_fonts())))
        self.assertGreater(len(dataset.printer_fonts(fonts.training_fonts())), 10)
        held_out = fonts.held_out_fonts()
        self.assertEqual(dataset.printer_fonts(held_out), held_out, "no held-out family is a printer's: all of them are used")
        saved, dataset.PRINTED_SHARE = dataset.PRINTED_SHARE, 1.0
        try:
            r = random.Random(13)
            drawn = [sample(r, fonts.training_fonts(), 64) for _ in range(40)]
        finally:
            dataset.PRINTED_SHARE = saved
        self.assertTrue(all(fits_ctc(text, image.shape[1]) for image, text in drawn))
        # Paper, never a dark screen: the crop's commonest tone is light.
        self.assertTrue(all(np.median(image) > 110 for image, _ in drawn), [np.median(i) for i, _ in drawn])
        self.assertGreater(sum(text == text.upper() for _, text in drawn), 25)

    def test_thermal_type_is_whole_dots_enlarged_with_hard_edges(self):
        from recibo_rec import render
        # Without the damage drawn after it, a thermal line is two tones only (paper and ink: no
        # anti-aliasing, enlarged without smoothing); a smooth printed line has many.
        courier = next(f for f in fonts.training_fonts() if f.path.name == "FreeMono.ttf")
        with mock.patch.multiple(render, THERMAL_SHARE=1.0, **UNDAMAGED):
            thermal = render_line("TOTAL 9.00", self.font, random.Random(3), shift=0.0, native=True, printed=True)
            hairline = render_line("TOTAL 9.00", courier, random.Random(3), shift=0.0, native=True, printed=True)
        with mock.patch.multiple(render, THERMAL_SHARE=0.0, **UNDAMAGED):
            smooth = render_line("TOTAL 9.00", self.font, random.Random(3), shift=0.0, native=True, printed=True)
        self.assertEqual(len(np.unique(thermal.reshape(-1, 3), axis=0)), 2)
        self.assertGreater(len(np.unique(smooth.reshape(-1, 3), axis=0)), 10)
        # A face thinner than a printer's dot is never drawn as dots: they would break its strokes.
        self.assertGreater(len(np.unique(hairline.reshape(-1, 3), axis=0)), 10)

    def test_bitmap_type_is_drawn_at_its_own_sizes_as_whole_dots(self):
        from recibo_rec import render
        terminus = next(f for f in fonts.training_fonts() if f.path.name == "terminus-normal.otb")
        sizes = []
        real = render.ImageFont.truetype

        def spy(path, size):
            sizes.append(size)
            return real(path, size)

        with mock.patch.object(render.ImageFont, "truetype", spy), mock.patch.multiple(render, THERMAL_SHARE=0.0, DOT_MATRIX_SHARE=0.0, **UNDAMAGED):
            lines = [render_line("TOTAL 9.00", terminus, random.Random(seed), shift=0.0, native=True, printed=True) for seed in range(12)]
        self.assertTrue(set(sizes) <= {s for s in terminus.sizes if s <= render.PRINTER_CELL}, sizes)
        self.assertGreater(len(set(sizes)), 2)
        self.assertTrue(all(len(np.unique(line.reshape(-1, 3), axis=0)) == 2 for line in lines), "no smoothing, even with THERMAL_SHARE 0")

    def test_a_share_of_printed_lines_is_in_bitmap_type(self):
        from recibo_rec import dataset
        drawn = []
        real = dataset.draw_line

        def spy(text, font, *rest):
            drawn.append(bool(font.sizes))
            return real(text, font, *rest)

        with mock.patch.multiple(dataset, draw_line=spy, PRINTED_SHARE=1.0):
            r = random.Random(23)
            for _ in range(150):
                sample(r, fonts.training_fonts(), 32)
        self.assertAlmostEqual(sum(drawn) / len(drawn), dataset.BITMAP_SHARE, delta=0.12)

    def test_a_dot_matrix_head_prints_round_dots_with_paper_between(self):
        from recibo_rec import render
        colours = Theme((200, 200, 200), (20, 20, 20), paper=True)
        solid = Image.new("RGB", (40, 40), colours.ink)
        dotted = np.asarray(dot_matrix(solid, colours, 4.0, 4.0))
        ink = dotted[..., 0] == 20
        self.assertTrue(ink[1:3, 1:3].all() and ink[9:11, 13:15].all(), "every cell keeps its middle")
        self.assertFalse(ink[0, 0] or ink[4, 4] or ink[8, 12], "cell corners are paper")
        self.assertAlmostEqual(ink.mean(), 0.75, delta=0.1)
        # Paper stays paper: only ink is cut into dots.
        page = Image.new("RGB", (40, 40), colours.background)
        self.assertTrue(np.array_equal(np.asarray(dot_matrix(page, colours, 4.0, 4.0)), np.asarray(page)))

    def test_some_till_rolls_print_blue_or_violet_always_readable(self):
        from recibo_rec.themes import luma as _luma, paper_theme
        themes = [paper_theme(random.Random(i)) for i in range(300)]
        coloured = [t for t in themes if t.ink[2] > t.ink[0] + 30]
        self.assertTrue(30 < len(coloured) < 100, len(coloured))
        self.assertTrue(all(t.paper and _luma(t.background) - _luma(t.ink) >= 55 for t in themes))

    def test_batches_are_cut_from_lines_of_similar_width(self):
        stream = iter(SyntheticLines(fonts.training_fonts(), seed=3, start_step=0, batch=8, max_chars_at=lambda step: 64))
        batches = [next(stream) for _ in range(SyntheticLines.POOL_BATCHES)]
        used = sum(int(frames.sum()) for _, _, frames, _, _ in batches)
        padded = sum(x.shape[0] * frames_for(x.shape[3]) for x, *_ in batches)
        self.assertGreater(used / padded, 0.75, "lines of a batch should fill most of its padded width")
        widest = [x.shape[3] for x, *_ in batches]
        self.assertNotEqual(widest, sorted(widest), "batches come in shuffled order, not narrowest first")

    def test_collate_pads_with_mid_grey_and_counts_frames(self):
        r = random.Random(12)
        items = []
        for _ in range(3):
            image, text = sample(r, fonts.training_fonts(), 20)
            items.append((to_tensor(image), torch.tensor([1] * len(text)), text))
        x, targets, frames, lengths, texts = collate(items)
        widest = max(i[0].shape[2] for i in items)
        self.assertEqual(tuple(x.shape), (3, 3, HEIGHT, widest))
        self.assertEqual(frames.tolist(), [frames_for(i[0].shape[2]) for i in items])
        self.assertEqual(int(lengths.sum()), len(targets))
        self.assertEqual(str(targets.dtype), "torch.int64")


if __name__ == "__main__":
    unittest.main()
