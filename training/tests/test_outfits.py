"""Stylist rules and the Polyvore export: compatible outfits obey every rule, incompatible ones break one."""
from __future__ import annotations

import json
import unittest

from training.atelier_data.ontology import load_ontology
from training.atelier_data.polyvore import read_polyvore
from training.atelier_data.products import Product, load_products
from training.atelier_data.stylist import check_outfit, is_well_formed
from training.tests.helpers import exported, world


def product(pid: str, category: str, color: str = "black", pattern: str = "solid", **attrs: str) -> Product:
    onto = load_ontology()
    base = {"formality": "casual", "season": "all_season", "style": "classic"}
    base.update(attrs)
    return Product(pid, category, onto.category_slot[category], color, pattern, base)


class StylistRuleTest(unittest.TestCase):
    def setUp(self) -> None:
        self.onto = load_ontology()

    def rules(self, *items: Product) -> set:
        return {v.rule for v in check_outfit(list(items), self.onto)}

    def test_evening_dress_never_with_sneakers(self) -> None:
        dress = product("d", "dress", formality="evening")
        self.assertIn("evening", self.rules(dress, product("s", "sneakers", formality="business"), product("b", "handbag", formality="evening")))
        self.assertEqual(self.rules(dress, product("h", "heels", formality="evening"), product("b", "handbag", formality="evening")), set())

    def test_athletic_needs_sneakers(self) -> None:
        top = product("t", "tshirt", formality="athletic")
        shorts = product("s", "shorts", formality="athletic")
        self.assertIn("athletic", self.rules(top, shorts, product("l", "loafers", formality="casual")))
        self.assertEqual(self.rules(top, shorts, product("k", "sneakers", formality="athletic")), set())

    def test_season_colour_pattern_rules(self) -> None:
        coat = product("c", "coat", season="winter", material="wool")
        self.assertIn("coat_weather", self.rules(coat, product("s", "sandals")))
        self.assertIn("coat_weather", self.rules(coat, product("s", "shorts")))
        self.assertIn("season", self.rules(product("a", "tank", season="summer"), product("b", "boots", season="winter")))
        self.assertIn("color_clash", self.rules(product("a", "blouse", "red"), product("b", "skirt", "pink")))
        self.assertIn("color_families", self.rules(product("a", "blouse", "blue"), product("b", "skirt", "green"), product("c", "heels", "yellow")))
        self.assertIn("patterns", self.rules(product("a", "blouse", pattern="floral"), product("b", "skirt", pattern="leopard")))
        self.assertIn("formality", self.rules(product("a", "blouse", formality="evening"), product("b", "jeans", formality="casual")))
        self.assertEqual(self.rules(product("a", "blouse", "white"), product("b", "jeans", "navy"), product("c", "loafers", "brown")), set())


class OutfitExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.onto = load_ontology()
        cls.products = {p.id: p for p in load_products(world())}
        cls.root = exported() / "polyvore"
        cls.splits = {s: read_polyvore(cls.root, s) for s in ("train", "val", "test")}

    def test_compatible_outfits_satisfy_all_rules(self) -> None:
        for split, data in self.splits.items():
            self.assertTrue(data.outfits, split)
            for ids in data.outfits.values():
                items = [self.products[i] for i in ids]
                self.assertTrue(is_well_formed(items), ids)
                self.assertEqual(check_outfit(items, self.onto), [], ids)
                if any(p.slot == "one_piece" and p.attributes["formality"] == "evening" for p in items):
                    self.assertNotIn("sneakers", [p.category for p in items])

    def test_incompatible_outfits_break_a_rule(self) -> None:
        for split, data in self.splits.items():
            rules = json.loads((self.root / f"compatibility_{split}.rules.json").read_text())
            self.assertEqual(len(rules), len(data.compatibility))
            negatives = 0
            for (label, ids), meta in zip(data.compatibility, rules):
                broken = {v.rule for v in check_outfit([self.products[i] for i in ids], self.onto)}
                self.assertEqual(label == 0, bool(broken), ids)
                if label == 0:
                    negatives += 1
                    self.assertEqual(sorted(broken), meta["violations"])
            self.assertGreater(negatives, 0)

    def test_fitb_answers_share_the_blank_category(self) -> None:
        questions = self.splits["train"].fitb
        self.assertTrue(questions)
        for q in questions:
            self.assertEqual(len(q.answers), 4)
            categories = {self.products[a].category for a in q.answers}
            self.assertEqual(len(categories), 1)
            right = self.products[q.answers[q.answer_index]]
            full = [self.products[i] for i in q.question] + [right]
            self.assertEqual(check_outfit(full, self.onto), [])
            for i, a in enumerate(q.answers):
                if i != q.answer_index:
                    self.assertTrue(check_outfit([self.products[x] for x in q.question] + [self.products[a]], self.onto))

    def test_metadata_has_every_item(self) -> None:
        meta = self.splits["train"].metadata
        for data in self.splits.values():
            for ids in data.outfits.values():
                for i in ids:
                    self.assertIn("semantic_category", meta[i])
                    self.assertIn("category_id", meta[i])


if __name__ == "__main__":
    unittest.main()
