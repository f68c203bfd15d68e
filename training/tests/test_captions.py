"""Captions: vocabulary coverage, correct comparatives, constraints that hold, held-out phrasings kept out."""
from __future__ import annotations

import random
import re
import unittest
from collections import Counter
from pathlib import Path

import numpy as np

from training.atelier_data.captions import HELDOUT_FRAMES, write_caption_pair
from training.atelier_data.caption_templates import EXTRA_TOPICS, HELDOUT_TEMPLATE_IDS, TOPIC_TEMPLATES
from training.atelier_data.constraints import SatisfactionTable, satisfies
from training.atelier_data.fashion_iq import read_fashion_iq
from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import load_products
from training.atelier_data.triplets import candidate_targets
from training.tests.helpers import exported, world

VOCAB = Path(__file__).resolve().parents[3] / "shared" / "refinement-vocabulary.tsv"
# Words among the ~150 most used in shopper captions that the ontology can express (the rest are about
# buttons, text, pockets, ... which the catalogue has no attribute for).
EXPRESSIBLE = set("""is and has a with sleeves more black white color blue longer darker in shorter shirt the lighter red
less colored no long short pink graphic green solid grey logo neck print dress pattern sleeve different sleeved stripes
top straps yellow sleeveless dark colorful revealing gray purple light brown floral of brighter collar striped v t orange
fitted tank not neckline casual colors an patterned plain shoulder fitting tee strapless shiny skirt formal length plaid
tighter printed looser beige sexy patterns lace loose animal tan off navy gold tight fit without form higher teal dots
polka cream colour silver checkered halter knee collared flowing same but similar multi tshirt bright""".split())


def all_triplets(split: str):
    return read_fashion_iq(exported() / "fashion_iq", split).triplets


class CaptionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.onto = load_ontology()
        cls.products = {p.id: p for p in load_products(world())}
        cls.splits = {s: all_triplets(s) for s in ("train", "val", "test", "heldout")}

    def test_covers_shopper_vocabulary(self) -> None:
        if not VOCAB.exists():  # the fact sheet lives beside the spec, outside the repository
            self.skipTest(f"{VOCAB} not found")
        words = Counter(w for ts in self.splits.values() for t in ts for c in t.captions for w in re.findall(r"[a-z]+", c))
        top = [line.split("\t")[0] for line in VOCAB.read_text().splitlines() if line and not line.startswith("#")][1:151]
        wanted = [w for w in top if w in EXPRESSIBLE]
        missing = [w for w in wanted if w not in words]
        self.assertGreater(len(wanted), 80)
        self.assertGreaterEqual(1 - len(missing) / len(wanted), 0.85, f"missing: {missing}")

    def test_constraints_hold_for_target(self) -> None:
        for split, triplets in self.splits.items():
            self.assertTrue(triplets, split)
            for t in triplets:
                tgt = self.products[t.target]
                for caption, cons in zip(t.captions, t.constraints):
                    self.assertTrue(cons, caption)
                    self.assertTrue(satisfies(tgt, cons, self.onto), f"{caption} {cons} {tgt}")

    def test_satisfaction_table_agrees_with_satisfies(self) -> None:
        products = list(self.products.values())
        table = SatisfactionTable(products, self.onto)
        seen = 0
        for t in self.splits["train"][:150]:
            for cons in t.constraints:
                expected = np.array([satisfies(p, cons, self.onto) for p in products])
                np.testing.assert_array_equal(table.row(cons), expected, str(cons))
                seen += int(expected.sum())
        self.assertGreater(seen, 0)
        self.assertTrue(table.row({}).all())

    def test_comparatives_follow_the_ontology(self) -> None:
        checked = Counter()
        for triplets in self.splits.values():
            for t in triplets:
                src, tgt = self.products[t.candidate], self.products[t.target]
                for caption in t.captions:
                    words = re.findall(r"[a-z]+", caption)
                    if "darker" in words:
                        self.assertLess(self.onto.lightness(tgt.color), self.onto.lightness(src.color), caption)
                        checked["darker"] += 1
                    if "lighter" in words or "paler" in words:
                        self.assertGreater(self.onto.lightness(tgt.color), self.onto.lightness(src.color), caption)
                        checked["lighter"] += 1
                    for word, attr, sign in (("tighter", "fit", -1), ("looser", "fit", 1), ("formal", "formality", 1)):
                        if word in words and not (word == "formal" and "less" in words):
                            rank = self.onto.attributes[attr].rank
                            diff = rank(tgt.attributes[attr]) - rank(src.attributes[attr])
                            self.assertGreater(diff * sign, 0, caption)
                            checked[word] += 1
                    if "longer sleeves" in caption:
                        rank = self.onto.attributes["sleeve"].rank
                        self.assertGreater(rank(tgt.attributes["sleeve"]), rank(src.attributes["sleeve"]), caption)
                        checked["longer sleeves"] += 1
        self.assertGreater(checked["darker"], 0)
        self.assertGreater(checked["lighter"], 0)

    def test_pairs_differ_in_one_to_three_attributes_within_category(self) -> None:
        for triplets in self.splits.values():
            for t in triplets:
                src, tgt = self.products[t.candidate], self.products[t.target]
                self.assertEqual(src.category, tgt.category)
                self.assertTrue(1 <= len(t.changed) <= 3, t.changed)

    def test_heldout_phrasings_never_in_train(self) -> None:
        products = list(self.products.values())
        cands = candidate_targets(products, 3)
        rng = random.Random(0)
        pairs = [(p, t, d) for p in products for t, d in (cands[p.id][0] + cands[p.id][1])[:2]][:400]
        for heldout in (False, True):
            for src, tgt, diffs in pairs:
                made = write_caption_pair(src, tgt, diffs, self.onto, rng, heldout=heldout)
                if made is None:
                    continue
                for caption in made:
                    ids = set(caption.template_ids)
                    used_heldout = {i for i in ids if i in HELDOUT_TEMPLATE_IDS or i in HELDOUT_FRAMES or i == "combo.all_color"}
                    self.assertEqual(used_heldout == ids, heldout, (caption.text, ids)) if heldout else \
                        self.assertFalse(used_heldout, (caption.text, ids))
        for topic, templates in TOPIC_TEMPLATES.items():  # every difference can be phrased both ways
            if topic in EXTRA_TOPICS:
                continue
            self.assertTrue(any(t.heldout for t in templates) and any(not t.heldout for t in templates), topic)
        train_text = " | ".join(c for t in self.splits["train"] for c in t.captions)
        self.assertNotIn("make it", train_text)
        self.assertNotIn("i want one", train_text)

    def test_two_captions_per_pair(self) -> None:
        for t in self.splits["train"]:
            self.assertEqual(len(t.captions), 2)
            self.assertEqual(len(t.constraints), 2)


if __name__ == "__main__":
    unittest.main()
