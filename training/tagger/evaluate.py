"""Evaluates a tagger checkpoint (default: the committed models/tagger/weights.pt) on a world's test split:
accuracy per field, and optionally the confusion matrix of one field.

  /usr/bin/python3 -m training.tagger.evaluate [--world training/data/world] [--confusion pattern]
  /usr/bin/python3 -m training.tagger.evaluate --world training/data/world-tagger --split-world training/data/world

With --split-world the test split is the tagger v2's (the smaller world's families keep their split there).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from training.atelier_data.products import Product, by_split, load_products, nested_split
from training.common.config import parse_config, set_threads
from training.common.features import view_images
from training.common.images import to_tensor
from training.tagger.data import IGNORE, label_matrix
from training.tagger.export import load_tagger
from training.tagger.model import Tagger
from training.tagger.train import accuracy


def held_out_products(world: str, seed: int, split_world: str = "") -> Tuple[List[Product], List[Product]]:
    """(every product of the world, its test products)."""
    products = load_products(world)
    assignment = nested_split(products, split_world, seed)
    return products, by_split(products, assignment)["test"]


def evaluate(world: str = "training/data/world", weights: str = "models/tagger/weights.pt", seed: int = 1,
             split_world: str = "") -> Dict[str, float]:
    products, test = held_out_products(world, seed, split_world)
    vocab = torch.load(weights, map_location="cpu")["vocab"]
    images, row_of = view_images(world, [p.id for p in products], weights)
    return accuracy(load_tagger(weights), images, [row_of[p.id] for p in test], label_matrix(test, vocab))


def predicted_indices(model: Tagger, images: np.ndarray, rows: Sequence[int], batch: int = 256) -> Dict[str, np.ndarray]:
    """For every field the tagger predicts, the index of its top value for each of `rows`."""
    out: Dict[str, List[np.ndarray]] = {name: [] for name in model.fields}
    with torch.no_grad():
        for start in range(0, len(rows), batch):
            logits = model(to_tensor(images[list(rows[start : start + batch])]))
            for name in model.fields:
                out[name].append(logits[name].argmax(1).numpy())
    return {name: np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64) for name, parts in out.items()}


def confusion(world: str, weights: str, name: str, seed: int = 1, split_world: str = "") -> str:
    """The field's confusion matrix on the test split as text: rows are the true values, columns the predictions."""
    products, test = held_out_products(world, seed, split_world)
    vocab = torch.load(weights, map_location="cpu")["vocab"]
    values = vocab[name]
    images, row_of = view_images(world, [p.id for p in products], weights)
    truth = label_matrix(test, vocab)[:, list(vocab).index(name)]
    predicted = predicted_indices(load_tagger(weights), images, [row_of[p.id] for p in test])[name]
    matrix = np.zeros((len(values), len(values)), dtype=np.int64)
    for t, p in zip(truth[truth != IGNORE], predicted[truth != IGNORE]):
        matrix[t, p] += 1
    lines = [f"{name}: rows true, columns predicted", " " * 12 + " ".join(v[:5].rjust(5) for v in values) + "  correct"]
    for i, value in enumerate(values):
        lines.append(value[:11].ljust(12) + " ".join(str(c).rjust(5) for c in matrix[i]) + f"  {matrix[i, i]}/{matrix[i].sum()}")
    return "\n".join(lines)


@dataclass
class EvaluateConfig:
    world: str = field(default="training/data/world", metadata={"help": "world whose test split is scored"})
    weights: str = field(default="models/tagger/weights.pt", metadata={"help": "tagger checkpoint"})
    split_world: str = field(default="", metadata={"help": "smaller worlds whose families keep their split, as training used (products.py nested_split)"})
    seed: int = 1
    threads: int = field(default=2, metadata={"help": "torch threads"})
    confusion: str = field(default="", metadata={"help": "also print this field's confusion matrix"})


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    cfg = parse_config(EvaluateConfig, argv, "Evaluate a tagger checkpoint on a world's test split.")
    set_threads(cfg.threads)
    metrics = evaluate(cfg.world, cfg.weights, cfg.seed, cfg.split_world)
    print(json.dumps(metrics))
    if cfg.confusion:
        print(confusion(cfg.world, cfg.weights, cfg.confusion, cfg.seed, cfg.split_world))
    return metrics


if __name__ == "__main__":
    main()
