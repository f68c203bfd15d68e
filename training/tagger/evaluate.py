"""Evaluates the committed tagger (models/tagger/weights.pt) on the test split: accuracy per field."""
from __future__ import annotations

from typing import Dict

import torch

from training.atelier_data.products import by_split, load_products, split_families
from training.common.backbone import INPUT_SIZE
from training.common.images import load_image_cache
from training.tagger.data import label_matrix
from training.tagger.export import load_tagger
from training.tagger.train import accuracy


def evaluate(world: str = "training/data/world", weights: str = "models/tagger/weights.pt", seed: int = 1) -> Dict[str, float]:
    products = load_products(world)
    test = by_split(products, split_families(products, seed))["test"]
    vocab = torch.load(weights, map_location="cpu")["vocab"]
    images, row_of = load_image_cache(world, [p.id for p in products], INPUT_SIZE)
    return accuracy(load_tagger(weights), images, [row_of[p.id] for p in test], label_matrix(test, vocab))
