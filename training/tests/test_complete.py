"""CSA-Net pipeline on a tiny rendered world: quick training of both models on an (untrained) tagger checkpoint, so
with the tagger's readings, ONNX export checked in ONNX Runtime, the attention table against the network, metric
schema, determinism, the reader against the tagger's heads, and batched vs full-matrix Recall@K."""
from __future__ import annotations

import contextlib
import io
import json
import random
import tempfile
import unittest
from pathlib import Path

import torch

from training.complete import evaluate, export, train
from training.complete.data import collate
from training.complete.loss import outfit_ranking_loss
from training.atelier_data.ontology import load_ontology
from training.complete.model import CSANet
from training.tagger.model import Tagger, tagger_vocab
from training.tests.rendered_world import rendered_world


def random_tagger(folder: Path) -> Path:
    """An untrained tagger checkpoint in the committed one's format: a backbone with heads to read."""
    torch.manual_seed(3)
    vocab = tagger_vocab(load_ontology())
    path = folder / "tagger.pt"
    torch.save({"state_dict": Tagger(vocab).state_dict(), "vocab": vocab, "config": {"view": "full"}}, path)
    return path


@unittest.skipUnless(Path("/usr/bin/node").exists() or Path("/usr/local/bin/node").exists(), "node runs the ONNX check")
class CompletePipeline(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.world = rendered_world()
        cls.sets = cls.world.parent / "sets"
        cls.models = Path(tempfile.mkdtemp(prefix="atelier-csa-"))
        cls.tagger = str(random_tagger(cls.models))
        common = ["--world", str(cls.world), "--sets", str(cls.sets), "--eval-sets", str(cls.sets), "--models", str(cls.models),
                  "--backbone", cls.tagger, "--quick", "--threads", "1", "--batch-size", "16", "--negatives", "3"]
        with contextlib.redirect_stdout(io.StringIO()):
            cls.metrics = train.main(common)
            cls.diffs = export.main(["--models", str(cls.models), "--world", str(cls.world), "--backbone", cls.tagger])

    def test_metric_schema(self) -> None:
        self.assertEqual(set(self.metrics), {"csa", "baseline"})
        for scores in self.metrics.values():
            self.assertEqual(set(scores), {"fitb", "auc"})
            self.assertTrue(all(0.0 <= v <= 1.0 for v in scores.values()), scores)

    def test_evaluate_is_deterministic_and_matches_training(self) -> None:
        again = evaluate.evaluate(str(self.models), str(self.sets), str(self.world), backbone=self.tagger)
        self.assertEqual(again, self.metrics)

    def test_both_models_read_the_taggers_heads(self) -> None:
        saved = torch.load(self.tagger, map_location="cpu")
        features = torch.randn(5, 448)
        with torch.no_grad():
            tagger = Tagger(saved["vocab"]).eval()
            tagger.load_state_dict(saved["state_dict"])
            expected = torch.cat([torch.softmax(tagger.heads[name](features), -1) for name in saved["vocab"]], -1)
            for name in ("csa", "csa-baseline"):
                model, _ = evaluate.load_model(self.models / name / "weights.pt")
                self.assertEqual(model.reader.sizes, {k: len(v) for k, v in saved["vocab"].items()})
                self.assertTrue(torch.allclose(model.reader(features), expected, atol=1e-6))
                self.assertEqual(tuple(model.encoder_input(features).shape), (5, 448 + expected.shape[1]))
        card = json.loads((self.models / "csa/card.json").read_text())
        self.assertIn("readings", card["architecture"])

    def test_onnx_export(self) -> None:
        self.assertLess(max(self.diffs.values()), 1e-3)
        out = self.models / "csa"
        card = json.loads((out / "card.json").read_text())
        model, _ = evaluate.load_model(out / "weights.pt")
        self.assertEqual(card["outputs"][1]["shape"], ["batch", model.k, model.dim])
        self.assertTrue((out / "csa_item.onnx").stat().st_size > 1_000_000)  # the backbone is inside
        compat = json.loads((out / "compat.json").read_text())
        self.assertEqual({"scale", "bias"} & set(compat), {"scale", "bias"})

    def test_attention_table_equals_network(self) -> None:
        table = json.loads((self.models / "csa/attention.json").read_text())
        model, saved = evaluate.load_model(self.models / "csa/weights.pt")
        self.assertEqual(table["categories"], saved["categories"])
        self.assertEqual(len(table["categories"]), 26)
        weights = torch.tensor(table["weights"])  # (C, C, K)
        self.assertEqual(tuple(weights.shape), (26, 26, table["k"]))
        with torch.no_grad():
            for s, t in [(0, 15), (15, 0), (8, 20), (25, 25)]:
                expected = model.pair_weights(torch.tensor([s]), torch.tensor([t]))[0]
                self.assertTrue(torch.allclose(weights[s, t], expected, atol=1e-6))
        self.assertTrue(torch.allclose(weights.sum(-1), torch.ones(26, 26), atol=1e-5))


class CompleteMetrics(unittest.TestCase):
    def setUp(self) -> None:
        torch.manual_seed(0)
        self.model = CSANet(26, dim=8, k=3, hidden=16).eval()

    def test_batched_recall_equals_full_matrix(self) -> None:
        n = 60
        items = evaluate.ItemTable([f"p{i}" for i in range(n)], {f"p{i}": i for i in range(n)}, torch.randn(n, 448),
                                   torch.tensor([i % 4 for i in range(n)]), [f"c{i}" for i in range(26)], "random")
        emb = evaluate.embed_all(self.model, items)
        rng = random.Random(0)
        queries = [(rng.sample(range(n), 3), rng.randrange(n)) for _ in range(25)]
        queries = [([r for r in rest if r != target], target) for rest, target in queries]
        catalogue = list(range(n))
        batched = evaluate.recall_at_k(self.model, emb, items, queries, catalogue, ks=(1, 3, 5), candidate_batch=4)
        full = evaluate.recall_at_k(self.model, emb, items, queries, catalogue, ks=(1, 3, 5), candidate_batch=None)
        self.assertEqual(batched, full)
        # And by brute force: the rank of the target among its category by mean distance over the outfit items.
        hits = 0
        for rest, target in queries:
            pool = [c for c in catalogue if items.category[c] == items.category[target]]
            d = self.model.outfit_distance(emb[rest][None], items.category[rest][None], torch.ones(1, len(rest), dtype=torch.bool),
                                           emb[pool][None], items.category[target][None])[0]
            hits += int((d < d[pool.index(target)]).sum()) < 3
        self.assertAlmostEqual(full["recall@3"], hits / len(queries))

    def test_retrieve_ranks_by_aggregated_score(self) -> None:
        emb = torch.randn(20, 8)
        idx, scores = evaluate.retrieve(self.model, emb[:3], torch.tensor([0, 8, 15]), emb[3:], target_category=20, k=5, batch=4)
        self.assertEqual(len(idx), 5)
        self.assertTrue(bool((scores[:-1] >= scores[1:]).all()))

    def test_auc_matches_pairwise_count(self) -> None:
        labels = torch.tensor([1, 0, 1, 0, 1, 0])
        scores = torch.tensor([0.9, 0.1, 0.4, 0.4, 0.2, 0.8])
        pairs = [(p, q) for p in scores[labels == 1] for q in scores[labels == 0]]
        expected = sum(1.0 if p > q else 0.5 if p == q else 0.0 for p, q in pairs) / len(pairs)
        self.assertAlmostEqual(evaluate.auc(labels, scores), expected)

    def test_ranking_loss_and_shapes(self) -> None:
        batch = collate([([1, 2, 3], 4, [5, 6]), ([7], 8, [9, 10])])
        self.assertEqual(tuple(batch.outfit.shape), (2, 3))
        self.assertEqual(batch.outfit_mask.sum().item(), 4)
        loss = outfit_ranking_loss(torch.tensor([0.1, 0.5]), torch.tensor([[0.9, 0.2], [0.4, 1.0]]), margin=0.3)
        expected = (0 + 0.2 + 0.4 + 0) / 4
        self.assertAlmostEqual(float(loss), expected, places=6)
        pair = self.model.pair_distances(torch.randn(2, 4, 8), torch.randint(0, 26, (2, 4)))
        self.assertTrue(torch.allclose(pair, pair.transpose(1, 2)))


if __name__ == "__main__":
    unittest.main()


class PerceivedReference(unittest.TestCase):
    """training/complete/perceived.py: the stylist's rules on true attributes answer everything (so the reference's
    shortfall is the reading), and a reading replaces only the fields asked for."""

    @classmethod
    def setUpClass(cls) -> None:
        from training.atelier_data.ontology import load_ontology
        from training.atelier_data.products import load_products
        from training.complete.data import load_splits
        cls.world = rendered_world()
        cls.split = load_splits(cls.world.parent / "sets", ("test",))["test"]
        cls.products = {p.id: p for p in load_products(cls.world)}
        cls.onto = load_ontology()

    def test_true_attributes_answer_every_question(self) -> None:
        from training.complete.perceived import rule_scores
        self.assertGreater(len(self.split.fitb), 0)
        self.assertEqual(rule_scores(self.split, self.products, lambda p: p, self.onto), {"fitb": 1.0, "auc": 1.0})

    def test_reading_replaces_only_the_named_fields(self) -> None:
        from training.complete.perceived import perceived
        product = next(p for p in self.products.values() if "material" in p.attributes and "heel" not in p.attributes)
        readings = {product.id: {"category": "coat", "color": "red", "pattern": "floral", "material": "silk", "heel": "high"}}
        seen = perceived(readings, ["color", "material", "heel"])(product)
        self.assertEqual((seen.category, seen.color, seen.pattern), (product.category, "red", product.pattern))
        self.assertEqual(seen.attributes["material"], "silk")
        self.assertNotIn("heel", seen.attributes)  # a field that does not apply stays absent
        everything = perceived(readings)(product)
        self.assertEqual((everything.category, everything.pattern), ("coat", "floral"))
