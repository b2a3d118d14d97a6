import unittest

from PIL import Image

from recibo_rec import render
from recibo_rec.sroie_probe import parse_boxes, stretched_contrast, to_model_height, unspaced_score


class SroieProbeTest(unittest.TestCase):
    def test_boxes_keep_commas_in_their_text_and_skip_empty_rows(self):
        csv = "10,20,110,22,109,40,9,38,TOTAL: 1,234.50\n5,5,50,5,50,15,5,15, \nbad row\n"
        self.assertEqual(parse_boxes(csv), [((9, 20, 110, 40), "TOTAL: 1,234.50")])

    def test_a_crop_is_resized_to_the_model_height_and_widened_on_request(self):
        crop = Image.new("RGB", (200, 40), "white")
        self.assertEqual(to_model_height(crop).size, (160, render.HEIGHT))
        self.assertEqual(to_model_height(crop, 1.3).size, (208, render.HEIGHT))

    def test_faint_ink_is_stretched_to_black_on_white(self):
        crop = Image.new("RGB", (50, 20), (230, 230, 230))
        crop.paste((150, 150, 200), (10, 5, 40, 15))
        levels = sorted({pixel[0] for pixel in stretched_contrast(crop).getdata()})
        self.assertEqual((levels[0], levels[-1]), (0, 255))

    def test_spaces_and_case_do_not_count(self):
        cer, exact = unspaced_score(["Total 6.00", "SUB TOTAL", "RM"], ["TOTAL 6.00", "SUBTOTAL", "RM1"])
        self.assertAlmostEqual(cer, 1 / (9 + 8 + 3))
        self.assertAlmostEqual(exact, 2 / 3)
