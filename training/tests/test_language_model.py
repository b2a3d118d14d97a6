import json
import math
import tempfile
import unittest
from pathlib import Path

from recibo_rec import language_model as lmod
from recibo_rec.charset import CHARACTERS


class LanguageModelTest(unittest.TestCase):
    """The character model the app's beam search reads (src-main/ocr/worker/pipeline/recognition/char-lm.ts)."""

    @classmethod
    def setUpClass(cls):
        cls.lines = lmod.training_text(3000, "test")
        cls.stored = lmod.build(cls.lines)
        cls.model = lmod.LanguageModel(json.loads(json.dumps(cls.stored)))

    def total(self, text: str) -> float:
        """Probability of every class after `text`: each folded class once, a digit for ten."""
        classes = {lmod.fold(c): c for c in CHARACTERS}
        return sum(math.exp(self.model.logp(text, c)) * (10 if c.isdigit() else 1) for c in classes.values()) \
            + math.exp(self.model.logp(text, lmod.EOS))

    def test_every_context_gives_a_distribution(self):
        for text in ["", "Nro. de compro", "TOTAL: Bs. 1", "Begoña Pe", "zzqx", "0414-", "•" * 9]:
            self.assertAlmostEqual(self.total(text), 1.0, places=5, msg=text)

    def test_case_and_digits_are_folded_and_accents_kept(self):
        self.assertEqual(self.model.logp("REFERENCIA", "S"), self.model.logp("referencia", "s"))
        self.assertEqual(self.model.logp("Bs. 12", "7"), self.model.logp("Bs. 98", "3"))
        self.assertNotEqual(self.model.logp("cumplea", "ñ"), self.model.logp("cumplea", "n"))
        self.assertEqual(lmod.fold("Ñ"), "ñ")
        self.assertTrue(set(lmod.fold(c) for c in CHARACTERS) <= set(lmod.ALPHABET))

    def test_it_learns_the_corpus_words(self):
        self.assertGreater(self.model.logp("Nro. de compro", "b"), self.model.logp("Nro. de compro", "v") + math.log(50))
        self.assertGreater(self.model.logp("Tel", "é"), self.model.logp("Tel", "a"))

    def test_the_floor_bounds_what_the_text_can_cost(self):
        least = min(self.model.logp("zzqx", c) + (math.log(10) if c.isdigit() else 0) for c in CHARACTERS)
        self.assertGreaterEqual(least, math.log(lmod.FLOOR / len(lmod.ALPHABET)) - 1e-9)

    def test_rare_long_ngrams_are_dropped_and_the_build_is_repeatable(self):
        loose = lmod.build(self.lines, min_count=1)
        self.assertLess(self.stored["ngrams"]["count"], loose["ngrams"]["count"])
        self.assertEqual(json.dumps(lmod.build(self.lines)), json.dumps(self.stored))

    def test_the_table_codes_are_unique_and_ascending(self):
        keys = lmod.read_table(self.stored["ngrams"])
        self.assertEqual(len(keys), self.stored["ngrams"]["count"])
        self.assertEqual(lmod.code("ab"), lmod.code("a") + (len(lmod.ALPHABET) + 2) * lmod.code("b"))
        self.assertLess(lmod.code(lmod.BOS * 5 + lmod.EOS), 2 ** 53)

    def test_main_writes_the_file_and_the_recognisers_manifest_block(self):
        with tempfile.TemporaryDirectory() as tmp:
            out, manifest = Path(tmp) / "lm.bin", Path(tmp) / "manifest.json"
            manifest.write_text(json.dumps({"models": {"recibo-rec-es": {"file": "x.onnx", "languageModel": {"weight": 0.5}}}}))
            lmod.main(["--out", str(out), "--manifest", str(manifest), "--lines", "500"])
            block = json.loads(manifest.read_text())["models"]["recibo-rec-es"]["languageModel"]
            self.assertEqual(block["file"], "lm.bin")
            self.assertEqual(block["weight"], 0.5)  # an entry's own options are kept
            self.assertEqual(block["beamWidth"], lmod.DECODING["beamWidth"])
            self.assertEqual(lmod.decode(out.read_bytes())["format"], "recibo-char-lm")

    def test_the_file_holds_the_model_as_built(self):
        data = lmod.encode(self.stored)
        self.assertEqual(data[:8], b"RECIBOLM")
        self.assertEqual((12 + int.from_bytes(data[8:12], "little")) % 8, 0)  # the float64 keys start aligned
        self.assertEqual(lmod.decode(data), self.stored)
        with self.assertRaisesRegex(ValueError, "header describes"):
            lmod.decode(data[:-4])


class CommittedModelTest(unittest.TestCase):
    def test_the_recipe_rebuilds_the_committed_file_byte_for_byte(self):
        manifest = json.loads((lmod.ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
        block = manifest["models"][lmod.MODEL_ID]["languageModel"]
        committed = (lmod.ROOT / "models" / block["file"]).read_bytes()
        recipe = lmod.decode(committed)["corpus"]
        self.assertEqual(recipe["printedShare"], lmod.PRINTED_SHARE)
        self.assertEqual(recipe["printedMarksShare"], lmod.PRINTED_MARKS_SHARE)
        self.assertEqual(lmod.model_file(recipe["lines"], recipe["seed"]), committed)


if __name__ == "__main__":
    unittest.main()
