"""Tagger pipeline on a tiny rendered world: one short epoch, ONNX export checked in ONNX Runtime, metric schema."""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
import unittest
from pathlib import Path

import torch

from training.common.backbone import CHANNELS, GRID, Backbone
from training.common.features import checkpoint_view
from training.tagger import export, train
from training.tagger.model import Tagger, tagger_vocab
from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import nested_split, product_from_json, split_families, split_families_extending
from training.tests.fake_world import fake_products
from training.tests.rendered_world import rendered_world


class BackboneShapes(unittest.TestCase):
    def test_three_depths(self) -> None:
        low, mid, high = Backbone()(torch.zeros(2, 3, 128, 128))
        for name, t in zip(("low", "mid", "high"), (low, mid, high)):
            self.assertEqual(tuple(t.shape), (2, CHANNELS[name], GRID[name], GRID[name]))


class ExtendingSplit(unittest.TestCase):
    def test_base_families_keep_their_split(self) -> None:
        # The tagger v2 world is a larger export whose prefix is the base world; a base test family must stay test.
        products = [product_from_json(raw) for raw in fake_products(n_families_per_category=12)]
        base = products[: len(products) // 3]
        base_split = split_families(base, 1)
        extended = split_families_extending(products, base, 1)
        self.assertEqual({pid: extended[pid] for pid in base_split}, base_split)
        self.assertEqual(set(extended), {p.id for p in products})
        self.assertLessEqual({"train", "test"}, set(extended[p.id] for p in products[len(base):]))
        family_splits: dict = {}
        for p in products:
            family_splits.setdefault(p.family, set()).add(extended[p.id])
        self.assertTrue(all(len(s) == 1 for s in family_splits.values()))

    def test_a_chain_of_worlds_keeps_every_smaller_split(self) -> None:
        # The tagger v4 world extends the v3's first 30,000 products, which extend the 6,000-product world.
        raw = fake_products(n_families_per_category=12)
        products = [product_from_json(r) for r in raw]
        folder = Path(tempfile.mkdtemp(prefix="atelier-split-"))
        (folder / "products.jsonl").write_text("".join(json.dumps(r) + "\n" for r in raw))
        small, middle = len(products) // 4, len(products) // 2
        (folder / "small").mkdir()
        (folder / "small" / "products.jsonl").write_text("".join(json.dumps(r) + "\n" for r in raw[:small]))
        middle_split = nested_split(products[:middle], str(folder / "small"), 1)
        self.assertEqual(middle_split, split_families_extending(products[:middle], products[:small], 1))
        chained = nested_split(products, f"{folder / 'small'},{folder}:{middle}", 1)
        self.assertEqual({pid: chained[pid] for pid in middle_split}, middle_split)
        self.assertEqual(nested_split(products, "", 1), split_families(products, 1))


class TaggerPipeline(unittest.TestCase):
    def test_train_export_and_check(self) -> None:
        world = rendered_world()
        out = Path(tempfile.mkdtemp(prefix="atelier-tagger-"))
        with contextlib.redirect_stdout(io.StringIO()):
            metrics = train.main(["--world", str(world), "--out", str(out / "run"), "--epochs", "1", "--batch-size", "16", "--threads", "2"])
            diffs = export.main(["--checkpoint", str(out / "run/tagger.pt"), "--out", str(out / "model")])
        vocab = tagger_vocab(load_ontology())
        # Every field the tiny test split has examples of is scored; category, colour and pattern always are.
        self.assertLessEqual(set(metrics), set(vocab))
        self.assertLessEqual({"category", "color", "pattern"}, set(metrics))
        self.assertTrue(all(0.0 <= v <= 1.0 for v in metrics.values()))
        self.assertLess(max(diffs.values()), 1e-3)
        card = json.loads((out / "model/card.json").read_text())
        self.assertEqual([o["name"] for o in card["outputs"]], list(vocab))
        self.assertTrue((out / "model/tagger.onnx").stat().st_size > 100_000)

    def test_detail_view_reaches_the_card(self) -> None:
        # The tagger v3 reads the detail view; the app picks its preprocessing from the card, CSA-Net's training its
        # images from the checkpoint, so both must say which view the weights were trained on.
        world = rendered_world(view="detail")
        out = Path(tempfile.mkdtemp(prefix="atelier-tagger-detail-"))
        with contextlib.redirect_stdout(io.StringIO()):
            train.main(["--world", str(world), "--view", "detail", "--out", str(out / "run"), "--epochs", "1", "--batch-size", "16",
                        "--limit", "96", "--threads", "2"])
            export.main(["--checkpoint", str(out / "run/tagger.pt"), "--out", str(out / "model")])
        self.assertEqual(checkpoint_view(str(out / "run/tagger.pt")), "detail")
        self.assertEqual(checkpoint_view(None), "full")
        card = json.loads((out / "model/card.json").read_text())
        self.assertEqual(card["inputs"][0]["view"], "detail")
        self.assertIn("bounding box", card["inputs"][0]["preprocessing"])
        # Cropped to the product: the detail view of a piece differs from its whole flat, at the same size.
        full = rendered_world()
        pid = json.loads((full / "products.jsonl").read_text().splitlines()[0])["id"]
        self.assertNotEqual((full / "images" / f"{pid}.png").read_bytes(), (world / "images" / f"{pid}.png").read_bytes())
        with self.assertRaises(ValueError):
            train.main(["--world", str(world), "--view", "zoomed", "--out", str(out / "bad")])

    def test_deterministic_forward(self) -> None:
        torch.manual_seed(0)
        model = Tagger(tagger_vocab(load_ontology())).eval()
        x = torch.randn(3, 3, 128, 128)
        a, b = model(x), model(x)
        for name in a:
            self.assertTrue(torch.equal(a[name], b[name]))
            self.assertEqual(a[name].shape[0], 3)


if __name__ == "__main__":
    unittest.main()
