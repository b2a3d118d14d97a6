import json
import random
import unittest
from collections import Counter
from pathlib import Path

from recibo_rec import corpus
from recibo_rec.charset import BLANK, CHARACTERS, NUM_CLASSES, covers, encode, greedy_decode
from recibo_rec.metrics import edit_distance, score

MANIFEST = Path(__file__).resolve().parents[2] / "models" / "manifest.json"


class CharsetTest(unittest.TestCase):
    def test_spanish_receipt_characters_are_classes(self):
        for text in ["Begoña Peña", "IÑAKI ORDÓÑEZ", "¿Necesitas ayuda?", "¡Listo!", "0102••••5071", "0102****5071", "Bs. 1.250,75", "€ 10,00 | –"]:
            self.assertTrue(covers(text), text)
        self.assertFalse(covers("✓ 中"))
        self.assertEqual(NUM_CLASSES, len(CHARACTERS) + 1)

    def test_encode_rejects_what_the_model_cannot_write(self):
        self.assertEqual(encode("0 "), [CHARACTERS.index("0") + 1, CHARACTERS.index(" ") + 1])
        with self.assertRaisesRegex(ValueError, "not in the recogniser's character set"):
            encode("✓")

    def test_greedy_decoding_collapses_repeats_and_needs_a_blank_between_doubles(self):
        star = CHARACTERS.index("*") + 1
        self.assertEqual(greedy_decode([BLANK, star, star, BLANK, star, BLANK]), "**")
        self.assertEqual(greedy_decode([star, star, star]), "*")

    def test_the_app_manifest_carries_this_exact_charset(self):
        entry = json.loads(MANIFEST.read_text(encoding="utf-8"))["models"].get("recibo-rec-es")
        if entry is None:
            self.skipTest("models/manifest.json has no recibo-rec-es entry yet (no model exported)")
        self.assertEqual(entry["charset"]["characters"], CHARACTERS)
        self.assertEqual(entry["classes"], {"blank": BLANK, "charsetOffset": 1, "appendSpace": False})


class CorpusTest(unittest.TestCase):
    def test_same_seed_same_lines(self):
        r1, r2 = random.Random(9), random.Random(9)
        self.assertEqual([corpus.line(r1) for _ in range(200)], [corpus.line(r2) for _ in range(200)])

    def test_lines_cover_the_charset_and_the_receipt_forms(self):
        r = random.Random(1)
        lines = [corpus.line(r) for _ in range(20000)]
        seen = Counter("".join(lines))
        rare = [c for c in CHARACTERS if seen[c] < 20]
        self.assertEqual(rare, [], f"characters the corpus almost never writes: {rare}")
        joined = "\n".join(lines)
        for pattern in ["Pago Móvil", "Teléfono", "ñ", "¿", "Bs.", "•", "****", " - BANCO"]:
            self.assertIn(pattern, joined)
        self.assertTrue(all(line == line.strip() and "  " not in line and line for line in lines))

    def test_no_space_before_a_labels_colon(self):
        # "Canal :" and "Canal:" look alike in proportional fonts: the label-only form is "Canal:".
        r = random.Random(4)
        labels = {text.upper() for text in corpus.LABELS}
        lines = [corpus.line(r) for _ in range(5000)]
        self.assertFalse([line for line in lines if line.endswith(" :") and line[:-2].upper() in labels])

    def test_till_receipt_lines_for_scanned_paper(self):
        r = random.Random(5)
        lines = [corpus.till_line(r) for _ in range(400)]
        self.assertTrue(all(covers(line) for line in lines))
        self.assertGreater(sum(line == line.upper() for line in lines), 300)
        self.assertTrue(any(line.startswith("TOTAL") for line in lines))
        self.assertGreater(sum(any(ch.isdigit() for ch in line) and "." in line for line in lines), 150)

    def test_printed_receipt_lines_name_the_shop_items_and_totals(self):
        r = random.Random(6)
        lines = [corpus.printed_line(r) for _ in range(1000)]
        self.assertTrue(all(covers(line) and line == line.strip() and "  " not in line for line in lines))
        self.assertTrue(any(line.startswith("NO.") and line.endswith(",") for line in lines), "addresses")
        self.assertTrue(any(len(line.split()[0]) == 13 and line.split()[0].isdigit() for line in lines), "items under a barcode")
        self.assertTrue(any(line.startswith("Rounding Adjustment") for line in lines), "mixed-case totals")
        self.assertTrue(any(line.endswith((" LTD", " INC", " C.A.")) for line in lines), "the shop's name")
        self.assertGreater(sum(line == line.upper() for line in lines), 700)

    def test_till_marks_lines_print_hyphens_asterisks_and_rates_never_an_en_dash(self):
        r = random.Random(30)
        lines = [corpus.printed_line(r, marks=1.0) for _ in range(600)]
        self.assertTrue(all(covers(line) and line == line.strip() and "  " not in line for line in lines))
        self.assertFalse([line for line in lines if "–" in line], "a printed line has no en dash")
        self.assertGreater(sum(any(len(w) > 2 and "-" in w.strip("-") and not w.replace("-", "").isdigit() for w in line.split())
                               for line in lines), 60, "hyphenated words")
        self.assertGreater(sum(" - " in line for line in lines), 60, "a hyphen between spaces")
        self.assertGreater(sum(any(c.isdigit() for c in line) and "*" in line for line in lines), 60, "a quantity or a tax code after a price's *")
        self.assertTrue(any("@" in line and line.endswith("%") for line in lines))

    def test_printed_lines_without_marks_are_the_evaluation_sets_lines(self):
        a, b = random.Random(31), random.Random(31)
        self.assertEqual([corpus.printed_line(a) for _ in range(200)], [corpus.printed_line(b, marks=0.0) for _ in range(200)])
        r = random.Random(32)
        some = [corpus.printed_line(r, marks=0.3) for _ in range(400)]
        self.assertGreater(sum(" - " in line or "*" in line for line in some), 20)

    def test_masked_accounts_have_long_runs_of_stars(self):
        r = random.Random(7)
        accounts = [corpus.masked_account(r) for _ in range(500)]
        self.assertTrue(any("*" * 14 in a for a in accounts))
        self.assertTrue(any("•" * 14 in a for a in accounts))

    def test_curriculum_length_limit(self):
        r = random.Random(3)
        self.assertTrue(all(len(corpus.line_with_max_length(r, 12)) <= 12 for _ in range(500)))
        self.assertTrue(all(len(corpus.line_with_max_length(r, 12, corpus.printed_line)) <= 12 for _ in range(500)))

    def test_amounts_in_venezuelan_and_dollar_forms(self):
        r = random.Random(2)
        amounts = [corpus.amount(r) for _ in range(500)]
        self.assertTrue(any("." in a and "," in a and a.index(".") < a.index(",") for a in amounts))
        self.assertTrue(any(a.startswith("-$") for a in amounts))


class MetricsTest(unittest.TestCase):
    def test_cer_and_exact(self):
        self.assertEqual(edit_distance("Peña", "Pena"), 1)
        self.assertEqual(edit_distance("", "abc"), 3)
        result = score(["Pena", "Móvil"], ["Peña", "Móvil"])
        self.assertAlmostEqual(result["cer"], 1 / 9)
        self.assertEqual(result["exact"], 0.5)


if __name__ == "__main__":
    unittest.main()
