"""VAL (training/refine): tokenisation and typo correction, metrics, the composer's pooled shortcut, and the real
train -> evaluate -> export path on a tiny generated world with the ONNX Runtime check."""
from __future__ import annotations

import atexit
import contextlib
import io
import json
import shutil
import tempfile
import unittest
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import load_products
from training.export_datasets import main as export_datasets
from training.refine import evaluate as evaluate_mod
from training.refine import export as export_mod
from training.refine import train as train_mod
from training.refine.data import side_information
from training.refine.loss import attribute_loss
from training.refine.metrics import attribute_precision, precision_by_key, ranks_and_top, recall_at
from training.refine.model import KINDS, ModelConfig, RefineModel, score
from training.refine.vocab import PAD, UNK, Vocab, build_vocab, edit_distance, load_vocab
from training.tests.fake_world import write_fake_world
from training.tests.test_outfits import product

QUICK = ["--epochs", "1", "--batch-size", "32", "--width", "32", "--word-dim", "16", "--text-dim", "32", "--qk-dim", "16",
         "--eval-every", "1", "--backbone", "random", "--threads", "1"]


@lru_cache(maxsize=1)
def tiny_world() -> Path:
    """A fake world with flat-coloured 128 px images (colour and pattern visible), and its exported data sets."""
    from torchvision.io import write_png

    root = Path(tempfile.mkdtemp(prefix="atelier-refine-test-"))
    atexit.register(shutil.rmtree, root, True)
    world = write_fake_world(root / "world", n_families_per_category=2)
    (world / "images").mkdir()
    for p in load_products(world):
        rgb = torch.tensor([zlib.crc32(f"{p.color}{i}".encode()) % 256 for i in range(3)], dtype=torch.uint8)
        image = torch.full((3, 128, 128), 245, dtype=torch.uint8)
        image[:, 24:104, 32:96] = rgb[:, None, None]
        if p.pattern != "solid":
            image[:, 24:104:8, 32:96] = 20
        write_png(image, str(world / "images" / f"{p.id}.png"))
    with contextlib.redirect_stdout(io.StringIO()):
        export_datasets(["--world", str(world), "--out", str(root / "sets"), "--seed", "3", "--n-triplets", "700", "--n-outfits", "20"])
    return root


def run_quiet(fn, argv):
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(argv)


class VocabTest(unittest.TestCase):
    vocab = build_vocab(["is darker with long sleeves", "is darker and longer", "has a floral print", "is black",
                         "is black and longer with sleeves", "has a floral print and a v-neck"], min_count=1, max_len=8)

    def test_ids_follow_frequency_and_rules_round_trip(self) -> None:
        self.assertEqual(self.vocab.words["is"], 2)  # the most frequent word
        with tempfile.TemporaryDirectory() as tmp:
            self.vocab.save(Path(tmp) / "vocab.json")
            raw = json.loads((Path(tmp) / "vocab.json").read_text())
            self.assertEqual({k: raw[k] for k in ("lowercase", "split", "pad", "unk", "maxLen")},
                             {"lowercase": True, "split": "[^a-z0-9]+", "pad": 0, "unk": 1, "maxLen": 8})
            self.assertEqual(load_vocab(Path(tmp) / "vocab.json").words, self.vocab.words)

    def test_typos_map_to_the_closest_word(self) -> None:
        w = self.vocab.words
        v = Vocab(dict(w), 8)
        self.assertEqual(v.word_id("darkr"), w["darker"])  # deletion, distance 1
        self.assertEqual(v.word_id("DARKER"), UNK)  # word_id sees tokens, which are already lowercase
        self.assertEqual(v.encode("DARKER!")[0], w["darker"])
        self.assertEqual(v.word_id("sleves"), w["sleeves"])
        self.assertEqual(v.word_id("lnoger"), w["longer"])  # two adjacent letters swapped: one edit
        self.assertEqual(v.word_id("florl"), w["floral"])
        self.assertEqual(v.word_id("slveees"), w["sleeves"])  # 7 letters: distance 2 allowed
        self.assertEqual(v.word_id("purple"), UNK)  # nothing close
        self.assertEqual(v.word_id("ix"), UNK)  # too short to correct
        self.assertEqual(edit_distance("abcd", "abdc", 3), 1)
        self.assertEqual(edit_distance("kitten", "sitting", 5), 3)

    def test_encode_pads_truncates_and_never_empty(self) -> None:
        tokens, lengths = self.vocab.encode_batch(["is darker", "", "is black " * 10])
        self.assertEqual(tokens.shape, (3, 8))
        self.assertEqual(lengths.tolist(), [2, 1, 8])
        self.assertEqual(tokens[1].tolist(), [UNK] + [PAD] * 7)
        self.assertEqual(tokens[0, 2:].tolist(), [PAD] * 6)


class MetricsTest(unittest.TestCase):
    def test_batched_recall_equals_full_matrix(self) -> None:
        g = torch.Generator().manual_seed(0)
        n_q, n_g, d = 37, 23, 8
        queries = [torch.nn.functional.normalize(torch.randn(n_q, d, generator=g), dim=1) for _ in range(3)]
        gallery = [torch.nn.functional.normalize(torch.randn(n_g, d, generator=g), dim=1) for _ in range(3)]
        targets = torch.randint(0, n_g, (n_q,), generator=g)
        exclude = (targets + 1 + torch.randint(0, n_g - 1, (n_q,), generator=g)) % n_g
        ranks, tops = ranks_and_top(queries, gallery, targets, exclude, top=10, batch=5)
        full = score(queries, gallery)
        full[torch.arange(n_q), exclude] = float("-inf")
        order = full.argsort(dim=1, descending=True)
        full_ranks = (order == targets[:, None]).float().argmax(dim=1)
        self.assertTrue(torch.equal(ranks, full_ranks))
        self.assertTrue(torch.equal(tops, order[:, :10]))
        for k in (1, 5, 10):
            self.assertAlmostEqual(recall_at(ranks, k), float(np.mean([t in order[i, :k].tolist() for i, t in enumerate(targets.tolist())])))

    def test_precision_by_key_scores_each_condition_alone(self) -> None:
        onto = load_ontology()
        items = {"a": product("a", "dress", "black", sleeve="long"), "b": product("b", "dress", "black", sleeve="sleeveless"),
                 "c": product("c", "dress", "red", sleeve="long"), "d": product("d", "dress", "red", sleeve="sleeveless")}
        ids = list(items)
        tops = torch.tensor([[0, 1, 2, 3], [0, 2, 1, 3]])
        asks = [{"color": "black", "sleeve": "long"}, {"color": "red", "color#1": "!black"}]
        by_key = precision_by_key(tops, ids, asks, items, onto)
        # Query 1: black in a and b, long in a and c; query 2: each red condition holds for c and d ('#n' keys fold in).
        self.assertEqual(by_key, {"color": [0.5, 0.5, 0.5], "sleeve": [0.5]})
        # Both conditions at once hold only for a: attr@10 is stricter than every key alone.
        self.assertEqual(attribute_precision(tops, ids, asks[:1], items, onto), [0.25])


class AttributeLossTest(unittest.TestCase):
    def test_rewards_satisfying_candidates_above_the_rest(self) -> None:
        positive = torch.tensor([[True, True, False, False], [True, False, False, False]])
        good = torch.tensor([[5.0, 5.0, -5.0, -5.0], [5.0, -5.0, -5.0, -5.0]])
        bad = torch.tensor([[5.0, -5.0, 5.0, -5.0], [-5.0, 5.0, -5.0, -5.0]])
        self.assertLess(float(attribute_loss(good, positive)), 0.01)
        self.assertGreater(float(attribute_loss(bad, positive)), 3.0)

    def test_rows_without_both_kinds_are_skipped(self) -> None:
        scores = torch.randn(2, 3, requires_grad=True)
        loss = attribute_loss(scores, torch.tensor([[True, True, True], [True, False, False]]))
        loss.backward()
        self.assertEqual(float(scores.grad[0].abs().sum()), 0.0)  # all satisfy: nothing to rank
        self.assertGreater(float(scores.grad[1].abs().sum()), 0.0)
        none = attribute_loss(scores, torch.ones(2, 3, dtype=torch.bool))
        self.assertEqual(float(none), 0.0)


class ModelTest(unittest.TestCase):
    def test_pooled_composition_equals_pooled_map_and_shapes(self) -> None:
        torch.manual_seed(0)
        model = RefineModel(ModelConfig(50, width=32, word_dim=8, text_dim=16, qk_dim=16)).eval()
        maps = [torch.rand(3, 64, 16, 16), torch.rand(3, 128, 8, 8), torch.rand(3, 256, 4, 4)]
        tokens = torch.randint(2, 50, (3, 6))
        lengths = torch.tensor([6, 3, 1])
        t = model.text(tokens, lengths)
        for proj, comp, m in zip(model.project, model.compose, maps):
            x = proj(m)
            self.assertLess(float((comp.composed_map(x, t).mean(dim=(2, 3)) - comp(x, t)).abs().max()), 1e-5)
        out = model(maps, tokens, lengths)
        self.assertEqual([tuple(q.shape) for q in out], [(3, 32)] * 3)
        self.assertTrue(torch.allclose(out[0].norm(dim=1), torch.ones(3), atol=1e-5))
        # Padding after a caption's length changes nothing.
        padded = torch.cat([tokens, torch.full((3, 4), PAD)], dim=1)
        self.assertTrue(all(torch.allclose(a, b, atol=1e-6) for a, b in zip(out, model(maps, padded, lengths))))
        pooled = [m.mean(dim=(2, 3)) for m in maps]
        self.assertTrue(all(torch.allclose(a, b, atol=1e-5) for a, b in zip(model.targets(maps), model.targets_from_pooled(pooled))))
        # The score (a 1x1 convolution in training) is the sum of the depths' dot products, gradients included.
        gallery = [g.detach().requires_grad_() for g in model.targets_from_pooled(pooled)]
        queries = [q.detach().requires_grad_() for q in out]
        fast, plain = score(queries, gallery), sum(q @ g.T for q, g in zip(queries, gallery))
        self.assertTrue(torch.allclose(fast, plain, atol=1e-6))
        grads = [torch.autograd.grad(s.pow(2).sum(), [*queries, *gallery]) for s in (fast, plain)]
        self.assertTrue(all(torch.allclose(a, b, atol=1e-5) for a, b in zip(*grads)))

    def test_side_information_uses_shopper_words(self) -> None:
        p = load_products(tiny_world() / "world")[0]
        text = side_information(p)
        self.assertIn(text.split(" ")[0], {"black", "charcoal", "gray", "silver", "white", "ivory", "beige", "camel", "brown", "khaki",
                                           "olive", "green", "mint", "teal", "navy", "blue", "light", "purple", "lavender", "burgundy",
                                           "red", "pink", "blush", "coral", "orange", "mustard", "yellow", "gold"})


class PipelineTest(unittest.TestCase):
    def test_bad_settings_are_refused_before_any_work(self) -> None:
        for args, words in ((["--count", "-1"], "--count"), (["--attr-pool", "slots"], "--attr-pool")):
            with self.subTest(args=args), self.assertRaises(SystemExit) as refused:
                train_mod.main(["--world", "/nonexistent", *args])
            self.assertIn(words, str(refused.exception.code))

    def test_train_evaluate_export(self) -> None:
        root = tiny_world()
        models = root / "models"
        args = ["--world", str(root / "world"), "--sets", str(root / "sets"), "--out", str(models / "val"),
                "--baselines-out", str(models / "val-baselines")] + QUICK
        results = run_quiet(train_mod.main, args)
        self.assertEqual(set(results), set(KINDS))
        for name in ("weights.pt", "vocab.json", "training.json"):
            self.assertTrue((models / "val" / name).exists(), name)
        for kind in KINDS[1:]:
            self.assertTrue((models / "val-baselines" / f"{kind}.pt").exists(), kind)
        # Same seed, same weights.
        again = run_quiet(train_mod.main, args[:-len(QUICK)] + QUICK + ["--kinds", "val", "--out", str(root / "again")])
        first = torch.load(models / "val" / "weights.pt")["state_dict"]
        self.assertTrue(all(torch.equal(first[k], again["val"]["state_dict"][k]) for k in first))

        with contextlib.redirect_stdout(io.StringIO()):
            metrics = evaluate_mod.evaluate(models, root / "sets", root / "world", backbone="random")
        self.assertEqual(set(metrics), {"val", "tirg", "concat", "image_only", "text_only", "heldout_phrasing"})
        for m in metrics.values():
            self.assertTrue({"r10", "r50", "attr10"} <= set(m))
            self.assertTrue(all(0.0 <= m[k] <= 1.0 for k in ("r10", "r50", "attr10")))
            self.assertGreaterEqual(m["r50"], m["r10"])
        # With a gallery world that adds no new families, the catalogue gallery is the split's own: same ranking. (The
        # tiny world has too few families for a test split, so this compares on the training split.)
        with contextlib.redirect_stdout(io.StringIO()):
            own = evaluate_mod.evaluate(models, root / "sets", root / "world", backbone="random", split="train")
            same = evaluate_mod.evaluate(models, root / "sets", root / "world", backbone="random", split="train", gallery_world=root / "world")
        train_gallery = sum(len(json.loads(f.read_text())) for f in (root / "sets" / "fashion_iq" / "image_splits").glob("split.*.train.json"))
        for kind in KINDS:
            self.assertGreater(own[kind]["queries"], 0)
            self.assertEqual(same[kind]["catalogue_r10"], own[kind]["r10"], kind)
            self.assertEqual(same[kind]["catalogue_size"], train_gallery)
            self.assertAlmostEqual(same[kind]["attr10"], own[kind]["attr10"], places=4)
            self.assertEqual(same[kind]["split_attr10"], own[kind]["attr10"])
            # Per attribute asked: the share of the catalogue top 10 that meets that one condition.
            met = {k: v for k, v in same[kind].items() if k.startswith("met10_")}
            self.assertTrue(met and all(0.0 <= v <= 1.0 for v in met.values()), kind)

        metrics_file = root / "metrics.json"
        metrics_file.write_text(json.dumps(metrics))
        diffs = run_quiet(export_mod.main, ["--models", str(models), "--sets", str(root / "sets"), "--world", str(root / "world"),
                                            "--backbone", "random", "--metrics", str(metrics_file)])
        self.assertLess(max(max(d.values()) for d in diffs.values()), 1e-3)
        card = json.loads((models / "val" / "card.json").read_text())
        self.assertEqual(card["version"], export_mod.VERSION)
        # The app feeds the encoder the view the card names: a random backbone has no training view, so whole flats.
        self.assertEqual(card["inputs"][0]["view"], "full")
        self.assertEqual(card["metrics"], metrics)
        by_key = export_mod.card_markdown({**card, "metrics": {"evaluation": same}})
        self.assertIn("| color |", by_key.split("By request")[1])
        self.assertEqual(card["onnx"]["files"]["val_composer.onnx"]["outputs"]["query_low"]["shape"], ["B", 32])
        for name in ("val_encoder.onnx", "val_composer.onnx", "card.md"):
            self.assertTrue((models / "val" / name).exists(), name)


if __name__ == "__main__":
    unittest.main()
