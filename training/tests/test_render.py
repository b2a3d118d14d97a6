import json
import os
import random
import tempfile
import unittest
from pathlib import Path
from unittest import mock

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFont

from recibo_rec import fonts
from recibo_rec.dataset import SyntheticLines, collate, fits_ctc, sample, to_tensor
from recibo_rec.model import frames_for
from recibo_rec.render import HEIGHT, Theme, _binarised_copy, _scanned, render_line, theme
from recibo_rec.spacing import Spacing, pieces

from .support import ensure_fonts

#: Patches for recibo_rec.render that leave a line as drawn: no WhatsApp damage, no scanner.
UNDAMAGED = {"_whatsapp_damage": lambda page, r, size: (page, 1.0), "_scanned": lambda page, colours, r: page}


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
        page = np.asarray(_scanned(blank, paper, random.Random(1)), dtype=np.float32)
        self.assertGreater(page.std(), 2.0)
        self.assertLess(abs(page.mean() - np.mean(paper.background)), 4.0)
        # Thermal ink fades towards the paper in some pages, never darker than it was.
        inked = Image.new("RGB", (300, 60), paper.ink)
        means = [np.asarray(_scanned(inked, paper, random.Random(seed)), dtype=np.float32).mean() for seed in range(10)]
        self.assertGreater(max(means), paper.ink[0] + 10)
        self.assertGreater(min(means), paper.ink[0] - 3)

    def test_a_black_and_white_copy_is_two_tones_larger_and_keeps_its_text(self):
        page = Image.new("RGB", (400, 80), (255, 255, 255))
        ImageDraw.Draw(page).text((20, 60), "Referencia: 490760890", font=ImageFont.truetype(str(self.font.path), 28), anchor="ls", fill=(20, 20, 20))
        ink = (np.asarray(page) < 128).mean()
        for seed in range(20):
            copy, scale = _binarised_copy(page, Theme((255, 255, 255), (20, 20, 20)), random.Random(seed), 28)
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
            copy, _ = _binarised_copy(page, Theme((235, 235, 235), (20, 20, 20), paper=True), random.Random(seed), 28)
            self.assertGreater((np.asarray(copy) == 0).mean(), 0.3 * ink, f"seed {seed}: the faded text must survive")
            self.assertLess((np.asarray(copy) == 0).mean(), 0.5, f"seed {seed}: the paper must stay paper")
        # Light ink on a dark screen is measured the other way round.
        dark = Image.new("RGB", (400, 80), (30, 30, 30))
        ImageDraw.Draw(dark).text((20, 60), "TOTAL RM 29.70", font=ImageFont.truetype(str(self.font.path), 28), anchor="ls", fill=(150, 150, 150))
        copy, _ = _binarised_copy(dark, Theme((30, 30, 30), (240, 240, 240)), random.Random(1), 28)
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
        dotted = np.asarray(render._dot_matrix(solid, colours, 4.0, 4.0))
        ink = dotted[..., 0] == 20
        self.assertTrue(ink[1:3, 1:3].all() and ink[9:11, 13:15].all(), "every cell keeps its middle")
        self.assertFalse(ink[0, 0] or ink[4, 4] or ink[8, 12], "cell corners are paper")
        self.assertAlmostEqual(ink.mean(), 0.75, delta=0.1)
        # Paper stays paper: only ink is cut into dots.
        page = Image.new("RGB", (40, 40), colours.background)
        self.assertTrue(np.array_equal(np.asarray(render._dot_matrix(page, colours, 4.0, 4.0)), np.asarray(page)))

    def test_some_till_rolls_print_blue_or_violet_always_readable(self):
        from recibo_rec.render import _luma, paper_theme
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
