import random
import unittest
from unittest import mock

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from recibo_rec import fonts
from recibo_rec.dataset import sample
from recibo_rec.page_damage import binarised_copy, scanned
from recibo_rec.render import HEIGHT, render_line
from recibo_rec.themes import Theme, theme
from recibo_rec.spacing import Spacing, pieces

from .support import UNDAMAGED, ensure_fonts


class RenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ensure_fonts()
        cls.font = next(f for f in fonts.training_fonts() if f.family == "Roboto")

    def test_a_line_is_an_rgb_crop_of_the_model_height(self):
        image = render_line("Begoña Peña", self.font, random.Random(1))
        self.assertEqual(image.dtype, np.uint8)
        self.assertEqual(image.shape[0], HEIGHT)
        self.assertEqual(image.shape[2], 3)
        self.assertGreater(image.shape[1], 3 * HEIGHT)
        self.assertGreater(int(image.max()) - int(image.min()), 60, "ink and background must differ")

    def test_scanned_paper_has_grain_and_keeps_its_tone(self):
        r = random.Random(8)
        paper = next(t for t in (theme(r) for _ in range(200)) if t.paper)
        self.assertGreater(min(paper.background), 150)
        blank = Image.new("RGB", (300, 60), paper.background)
        page = np.asarray(scanned(blank, paper, random.Random(1)), dtype=np.float32)
        self.assertGreater(page.std(), 2.0)
        self.assertLess(abs(page.mean() - np.mean(paper.background)), 4.0)
        # Thermal ink fades towards the paper in some pages, never darker than it was.
        inked = Image.new("RGB", (300, 60), paper.ink)
        means = [np.asarray(scanned(inked, paper, random.Random(seed)), dtype=np.float32).mean() for seed in range(10)]
        self.assertGreater(max(means), paper.ink[0] + 10)
        self.assertGreater(min(means), paper.ink[0] - 3)

    def test_a_black_and_white_copy_is_two_tones_larger_and_keeps_its_text(self):
        page = Image.new("RGB", (400, 80), (255, 255, 255))
        ImageDraw.Draw(page).text((20, 60), "Referencia: 490760890", font=ImageFont.truetype(str(self.font.path), 28), anchor="ls", fill=(20, 20, 20))
        ink = (np.asarray(page) < 128).mean()
        for seed in range(20):
            copy, scale = binarised_copy(page, Theme((255, 255, 255), (20, 20, 20)), random.Random(seed), 28)
            pixels = np.asarray(copy)
            self.assertEqual(set(np.unique(pixels)), {0, 255})
            self.assertEqual(copy.width, round(400 * scale))
            self.assertGreater(scale, 0.4 * 2)
            # The letters come out bolder or thinner, never gone.
            self.assertGreater((pixels == 0).mean(), 0.3 * ink, f"seed {seed}: the text must survive the threshold")

    def test_faded_ink_survives_a_black_and_white_copy(self):
        # Thermal paper fades: the ink on the page is far lighter than the theme's. The threshold
        # follows the page's own tones, so the line is not lost to a few specks.
        page = Image.new("RGB", (400, 80), (235, 235, 235))
        ImageDraw.Draw(page).text((20, 60), "TOTAL RM 29.70", font=ImageFont.truetype(str(self.font.path), 28), anchor="ls", fill=(185, 185, 185))
        ink = (np.asarray(page) < 210).mean()
        for seed in range(10):
            copy, _ = binarised_copy(page, Theme((235, 235, 235), (20, 20, 20), paper=True), random.Random(seed), 28)
            self.assertGreater((np.asarray(copy) == 0).mean(), 0.3 * ink, f"seed {seed}: the faded text must survive")
            self.assertLess((np.asarray(copy) == 0).mean(), 0.5, f"seed {seed}: the paper must stay paper")
        # Light ink on a dark screen is measured the other way round.
        dark = Image.new("RGB", (400, 80), (30, 30, 30))
        ImageDraw.Draw(dark).text((20, 60), "TOTAL RM 29.70", font=ImageFont.truetype(str(self.font.path), 28), anchor="ls", fill=(150, 150, 150))
        copy, _ = binarised_copy(dark, Theme((30, 30, 30), (240, 240, 240)), random.Random(1), 28)
        self.assertGreater((np.asarray(copy) == 255).mean(), 0.3 * (np.asarray(dark) > 90).mean())

    def test_same_seed_same_pixels(self):
        a = render_line("Pago Móvil", self.font, random.Random(4))
        b = render_line("Pago Móvil", self.font, random.Random(4))
        self.assertTrue(np.array_equal(a, b))

    def test_a_loose_box_is_two_to_three_text_heights_tall(self):
        from recibo_rec import render

        def box_over_ink(loose, seed):
            # Plain type, undamaged, no neighbours: every ink row is the line's own.
            with mock.patch.multiple(render, THERMAL_SHARE=0.0, LOOSE_BOX_SHARE=1.0, **UNDAMAGED):
                crop = render_line("TOTAL 9.00", self.font, random.Random(seed), shift=0.0, native=True,
                                   printed=True, training=loose).astype(float).mean(2)
            rows = np.nonzero(np.abs(crop - np.median(crop)).max(1) > 60)[0]
            return crop.shape[0] / (rows[-1] - rows[0] + 1)
        for seed in range(6):
            self.assertGreater(box_over_ink(True, seed), 1.75)
            self.assertLess(box_over_ink(True, seed), 3.3)
            self.assertLess(box_over_ink(False, seed), 1.85)

    def test_spaced_lines_widen_the_gaps_and_keep_the_letters(self):
        from recibo_rec import render

        def ink_columns(word_space, tracking):
            settings = dict(THERMAL_SHARE=0.0, LOOSE_BOX_SHARE=0.0, SPACED_SHARE=1.0, WORD_SPACE=(word_space, word_space),
                            PRINTED_TRACKING=(tracking, tracking), SCREEN_TRACKING=(tracking, tracking), BINARISED_SHARE=0.0)
            with mock.patch.multiple(render, **settings, **UNDAMAGED):
                crop = render_line("Pago Móvil 29.70", self.font, random.Random(5), shift=0.0, native=True,
                                   training=True).astype(float).mean(2)
            ink = np.abs(crop - np.median(crop)).max(0) > 60
            columns = np.nonzero(ink)[0]
            return columns[-1] - columns[0] + 1, ink.sum()
        plain, wide_words, tracked = ink_columns(1.0, 0.0), ink_columns(2.0, 0.0), ink_columns(1.0, 0.3)
        self.assertGreater(wide_words[0], plain[0] + 10, "two spaces, each a font's space wider")
        self.assertGreater(tracked[0], wide_words[0], "15 gaps of 0.3 em between letters")
        # The same letters: about as many inked columns (anti-aliasing moves a few).
        self.assertLess(abs(int(tracked[1]) - int(plain[1])), 0.15 * plain[1])

    def test_printed_training_lines_are_tracked_with_whole_word_spaces_and_screen_lines_are_not(self):
        from recibo_rec import render
        mono = next(f for f in fonts.training_fonts() if f.path.name == "DejaVuSansMono.ttf")

        def ink(text, printed, share, font=mono):
            settings = dict(THERMAL_SHARE=0.0, LOOSE_BOX_SHARE=0.0, PRINTED_SPACED_SHARE=share, PRINTED_TRACKING=(0.3, 0.3),
                            PRINTED_WORD_SPACE=(1.0, 1.0), BINARISED_SHARE=0.0, TRAILING_ICON_SHARE=0.0, DIGIT_GAP_SHARE=0.0)
            with mock.patch.multiple(render, **settings, **UNDAMAGED):
                crop = render_line(text, font, random.Random(4), shift=0.0, native=True, printed=printed,
                                   training=True).astype(float).mean(2)
            return crop, np.abs(crop - np.median(crop)).max(0) > 60

        def gaps(columns):
            """Widths of the runs of blank columns between the first and the last inked one."""
            inked = np.nonzero(columns)[0]
            runs, width = [], 0
            for c in columns[inked[0]: inked[-1] + 1]:
                if c:
                    if width:
                        runs.append(width)
                    width = 0
                else:
                    width += 1
            return sorted(runs)
        plain, tracked = ink("DESCRIPTION TOTAL", True, 0.0)[1], ink("DESCRIPTION TOTAL", True, 1.0)[1]
        self.assertGreater(np.nonzero(tracked)[0][-1] - np.nonzero(tracked)[0][0],
                           np.nonzero(plain)[0][-1] - np.nonzero(plain)[0][0] + 40, "15 gaps of 0.3 em")
        # Tracked, the word space is still the widest gap by far: a cell and the tracking.
        letter_gaps = gaps(tracked)
        self.assertGreater(letter_gaps[-1], 1.6 * letter_gaps[-2])
        # Screen lines keep their font's spacing, pixel for pixel, whatever the printed share.
        self.assertTrue(np.array_equal(ink("Pago Móvil", False, 0.0, self.font)[0], ink("Pago Móvil", False, 1.0, self.font)[0]))

    def test_spaces_beside_digits_narrow_and_the_others_stay_the_fonts(self):
        face = ImageFont.truetype(str(self.font.path), 30)
        space, narrow = face.getlength(" "), Spacing(0.0, 0.5, digit_gaps_only=True)
        placed, end = pieces(face, "Pago Móvil 51 83 2", narrow)
        self.assertEqual([p for _, p in placed], ["Pago", "Móvil", "51", "83", "2"])
        starts = dict((p, x) for x, p in placed)
        self.assertAlmostEqual(starts["Móvil"] - face.getlength("Pago"), space, "letters on both sides: the font's")
        self.assertAlmostEqual(starts["51"] - starts["Móvil"] - face.getlength("Móvil"), 0.5 * space, "a digit after it")
        self.assertAlmostEqual(starts["2"] - starts["83"] - face.getlength("83"), 0.5 * space)
        self.assertAlmostEqual(end, face.getlength("Pago Móvil 51 83 2") - 1.5 * space, delta=1.0)

    def test_training_narrows_digit_gaps_in_a_share_of_lines_only_where_they_are(self):
        from recibo_rec import render

        def ink_span(text, share, seed=3):
            settings = dict(THERMAL_SHARE=0.0, LOOSE_BOX_SHARE=0.0, DIGIT_GAP_SHARE=share, DIGIT_GAP=(0.4, 0.4),
                            BINARISED_SHARE=0.0, TRAILING_ICON_SHARE=0.0)
            with mock.patch.multiple(render, **settings, **UNDAMAGED):
                crop = render_line(text, self.font, random.Random(seed), shift=0.0, native=True,
                                   training=True).astype(float).mean(2)
            columns = np.nonzero(np.abs(crop - np.median(crop)).max(0) > 60)[0]
            return crop, columns[-1] - columns[0] + 1
        (_, wide), (_, narrow) = ink_span("51 83 2 22 93", 0.0), ink_span("51 83 2 22 93", 1.0)
        self.assertLess(narrow, wide - 8, "four spaces, each 0.6 of the font's narrower")
        # A line with no space beside a digit is drawn as before, pixel for pixel.
        self.assertTrue(np.array_equal(ink_span("Pago Móvil", 0.0)[0], ink_span("Pago Móvil", 1.0)[0]))

    def test_training_variations_never_change_the_evaluation_sets(self):
        from recibo_rec import dataset, render

        def stream():
            r = random.Random(21)
            return [sample(r, fonts.training_fonts(), 48)[0] for _ in range(12)]
        # Icons after every value, so that the boxes cut through them in training would show.
        with mock.patch.multiple(dataset, PRINTED_SHARE=0.5), mock.patch.multiple(render, TRAILING_ICON_SHARE=1.0):
            before = stream()
            with mock.patch.multiple(render, LOOSE_BOX_SHARE=1.0, LOOSE_MARGIN=(2.0, 3.0), SPACED_SHARE=1.0, ICON_CUT_SHARE=1.0,
                                     DIGIT_GAP_SHARE=1.0, PRINTED_SPACED_SHARE=1.0), \
                    mock.patch.multiple(dataset, PRINTED_NEIGHBOUR_SHARE=0.0, PRINTED_MARKS_SHARE=1.0, WIDE_HYPHEN_SHARE=1.0):
                after = stream()
        self.assertTrue(all(np.array_equal(a, b) for a, b in zip(before, after)))

    def test_a_shifted_box_moves_the_ink_vertically(self):
        def ink_row(shift):
            image = render_line("0102", self.font, random.Random(8), shift=shift, native=True).astype(float).mean(2)
            ink = np.abs(image - np.median(image))
            rows = ink.sum(1)
            return (rows * np.arange(len(rows))).sum() / rows.sum() / len(rows)
        # The box moves down, so the ink sits higher in the crop, and the other way round.
        self.assertLess(ink_row(0.3), ink_row(-0.3) - 0.15)

    def test_an_icon_after_a_value_is_inside_the_box(self):
        from recibo_rec import render

        def native(text, share):
            saved, render.TRAILING_ICON_SHARE = render.TRAILING_ICON_SHARE, share
            try:
                return render_line(text, self.font, random.Random(2), shift=0.0, native=True)
            finally:
                render.TRAILING_ICON_SHARE = saved
        plain, with_icon = native("004512345678", 0.0), native("004512345678", 1.0)
        # The box reaches past the text over the icon, whose ink is at the crop's right end
        # (widths in crop heights: the two lines may be damaged at different scales).
        aspect = lambda crop: crop.shape[1] / crop.shape[0]  # noqa: E731
        self.assertGreater(aspect(with_icon), aspect(plain) + 0.5)
        tail = with_icon[:, -int(0.6 * with_icon.shape[0]):].astype(float).mean(2)
        self.assertGreater(np.abs(tail - np.median(with_icon)).max(), 60)
        # A line ending in a sign (a label) never gets one.
        self.assertTrue(np.array_equal(native("Pago:", 0.0), native("Pago:", 1.0)))

    def test_a_box_cut_through_the_icon_keeps_a_sliver_of_it(self):
        from recibo_rec import render

        def last_ink_run(cut_share, seed):
            """(width of the rightmost run of ink columns, columns left after it): the run is the icon,
            whole or cut, set apart from the digits by a gap wider than any between two digits."""
            settings = dict(TRAILING_ICON_SHARE=1.0, ICON_CUT_SHARE=cut_share, LOOSE_BOX_SHARE=0.0, BINARISED_SHARE=0.0)
            with mock.patch.multiple(render, **settings, **UNDAMAGED):
                crop = render_line("004512345678", self.font, random.Random(seed), shift=0.0, native=True,
                                   training=True).astype(float).mean(2)
            columns = np.nonzero(np.abs(crop - np.median(crop)).max(0) > 60)[0]
            gaps = np.nonzero(np.diff(columns) > 0.15 * crop.shape[0])[0]
            start = columns[gaps[-1] + 1]
            return columns[-1] - start + 1, crop.shape[1] - 1 - columns[-1]
        for seed in range(4):
            (icon, _), (sliver, after) = last_ink_run(0.0, seed), last_ink_run(1.0, seed)
            self.assertLess(sliver, 0.6 * icon, "the box ends inside the icon")
            self.assertLessEqual(after, 2, "and right where it cuts it")


class IconTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_icons_are_drawn_and_labelled_as_nothing(self):
        r = random.Random(21)
        drawn = [sample(r, fonts.training_fonts(), 64, icons=True) for _ in range(400)]
        icons = [image for image, text in drawn if text == ""]
        self.assertGreater(len(icons), 3)
        self.assertTrue(all(int(i.max()) - int(i.min()) > 40 for i in icons), "an icon crop must show something")
        self.assertFalse(any(text == "" for _, text in [sample(r, fonts.training_fonts(), 64) for _ in range(200)]))


if __name__ == "__main__":
    unittest.main()
