import io
import json
import random
import tarfile
import tempfile
import unittest
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from recibo_rec import crops, fonts, pack
from recibo_rec.dataset import SyntheticLines
from recibo_rec.render import HEIGHT

from .support import ensure_fonts


def write_folder(folder: Path, rows: list[tuple[str, str]]) -> None:
    """A crop tool's folder: each text drawn in Roboto with half its box height of context."""
    (folder / "images").mkdir(parents=True)
    face = ImageFont.truetype(str(next(f.path for f in fonts.training_fonts() if f.path.name == "Roboto-Regular.ttf")), 28)
    lines = []
    for k, (text, _) in enumerate(rows):
        width = int(face.getlength(text or "x")) + 40
        image = Image.new("RGB", (width, 70), "white")
        ImageDraw.Draw(image).text((20, 50), text, font=face, anchor="ls", fill="black")
        image.save(folder / "images" / f"{k:06d}.png")
        lines.append(json.dumps({"file": f"{k:06d}.png", "text": text, "box": [18, 18, width - 18, 52]}))
    (folder / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


class DetectorCropsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_a_drawn_crop_is_a_line_of_the_model_height_with_its_label(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_folder(Path(tmp), [("Begoña Peña", ""), ("Ref. 004512", "")])
            loaded = crops.load(Path(tmp))
            self.assertEqual([c.text for c in loaded], ["Begoña Peña", "Ref. 004512"])
            r = random.Random(3)
            for _ in range(20):
                image, text = crops.sample(r, loaded)
                self.assertEqual(image.shape[0], HEIGHT)
                self.assertIn(text, ("Begoña Peña", "Ref. 004512"))
                self.assertLess(image.min(), 100, "the text's ink is in the crop")

    def test_jitter_stays_near_the_box_and_inside_the_context(self):
        r = random.Random(1)
        box = (30.0, 30.0, 330.0, 90.0)
        for _ in range(200):
            x0, y0, x1, y1 = crops.jittered_box(box, (360, 120), r)
            self.assertTrue(0 <= x0 < x1 <= 360 and 0 <= y0 < y1 <= 120)
            self.assertLessEqual(abs((y0 + y1) / 2 - 60), 0.25 * 60 + 0.15 * 60 + 1)
            self.assertLessEqual(x0, 30 + 0.05 * 60 + 1)

    def test_labels_outside_the_charset_are_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_folder(Path(tmp), [("Pago ✓", "")])
            with self.assertRaisesRegex(ValueError, "outside the charset"):
                crops.load(Path(tmp))

    def test_training_batches_draw_the_share_asked_for(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_folder(Path(tmp), [("Concepto", "")])
            loaded = crops.load(Path(tmp))
            stream = SyntheticLines(fonts.training_fonts(), seed=1, start_step=0, batch=8, max_chars_at=lambda step: 64,
                                    crops=loaded, crop_share=0.5)
            texts = [t for _, batch in zip(range(8), stream) for t in batch[4]]
            share = texts.count("Concepto") / len(texts)
            self.assertTrue(0.35 < share < 0.65, share)

    def test_packed_for_another_machine_they_load_with_their_labels_and_boxes(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder, out = Path(tmp) / "crops", Path(tmp) / "crops.tgz"
            write_folder(folder, [("Begoña Peña", ""), ("Ref. 004512", "")])
            self.assertEqual(pack.pack_crops(folder, out, quality=85), 2)
            unpacked = Path(tmp) / "unpacked"
            with tarfile.open(out) as archive:
                archive.extractall(unpacked)
            original, carried = crops.load(folder), crops.load(unpacked / "crops")
            self.assertEqual([(c.text, c.box) for c in carried], [(c.text, c.box) for c in original])
            for a, b in zip(original, carried):
                before = np.asarray(Image.open(io.BytesIO(a.png)).convert("L"), dtype=np.int16)
                after = np.asarray(Image.open(io.BytesIO(b.png)).convert("L"), dtype=np.int16)
                self.assertEqual(before.shape, after.shape)
                self.assertLess(np.abs(before - after).mean(), 4, "WebP keeps the pixels close")


if __name__ == "__main__":
    unittest.main()
