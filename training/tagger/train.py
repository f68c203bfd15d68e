"""Trains the attribute tagger (and with it the shared backbone) on the generated catalogue world.

  /usr/bin/python3 -m training.tagger.train --world training/data/world --out training/runs/tagger [--epochs 14]

Writes <out>/tagger.pt (weights + vocab + config) and <out>/metrics.json (per-field accuracy on the test split).
With --split-world, the world is a larger export of the same generator and seed (the tagger v2 world), and the
families of the smaller world keep their split there, so its test split stays unseen (see training/train.py).
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch
from torch import nn

from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import by_split, load_products, nested_split
from training.common.backbone import INPUT_SIZE
from training.common.config import parse_config, seed_everything, set_threads
from training.common.images import VIEWS, augment, load_image_cache, to_tensor
from training.tagger.data import IGNORE, label_matrix
from training.tagger.model import Tagger, tagger_vocab


@dataclass
class TaggerConfig:
    world: str = field(default="training/data/world", metadata={"help": "catalogue export (products.jsonl + images/)"})
    out: str = field(default="training/runs/tagger", metadata={"help": "where the checkpoint and metrics go"})
    epochs: int = field(default=14, metadata={"help": "passes over the training split"})
    batch_size: int = 64
    lr: float = 2e-3
    weight_decay: float = 1e-4
    seed: int = 1
    threads: int = field(default=0, metadata={"help": "torch threads (0: all cores)"})
    limit: int = field(default=0, metadata={"help": "use only the first N products (quick runs)"})
    init: str = field(default="", metadata={"help": "start from this checkpoint's weights (continue a run)"})
    split_world: str = field(default="", metadata={"help": "smaller worlds of the same generator and seed whose families keep their split, "
                                                                   "smallest first, each path or path:N (products.py nested_split)"})
    field_weights: str = field(default="", metadata={"help": "loss weights of some fields, e.g. pattern=2,material=1.5 (others 1)"})
    view: str = field(default="full", metadata={"help": "what the world's images show: full (the whole flat) or detail "
                                                        "(cropped to the product: training/prepare.py ensure_detail_world)"})


def parse_field_weights(spec: str, fields: Sequence[str]) -> Dict[str, float]:
    """A loss weight for every field from a spec such as "pattern=2,material=1.5" (1 where not named)."""
    weights = {name: 1.0 for name in fields}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, value = item.partition("=")
        if name not in weights:
            raise ValueError(f"--field-weights names {name!r}, not a tagger field ({', '.join(fields)})")
        weights[name] = float(value)
    return weights


def accuracy(model: Tagger, images: np.ndarray, rows: Sequence[int], labels: np.ndarray, batch: int = 256) -> Dict[str, float]:
    """Per-field accuracy over the products where the field applies."""
    model.eval()
    correct = np.zeros(labels.shape[1])
    total = np.zeros(labels.shape[1])
    with torch.no_grad():
        for start in range(0, len(rows), batch):
            idx = list(rows[start : start + batch])
            logits = model(to_tensor(images[idx]))
            y = labels[start : start + batch]
            for col, name in enumerate(model.fields):
                mask = y[:, col] != IGNORE
                pred = logits[name].argmax(1).numpy()
                correct[col] += (pred[mask] == y[mask, col]).sum()
                total[col] += mask.sum()
    return {name: round(float(correct[i] / total[i]), 4) for i, name in enumerate(model.fields) if total[i] > 0}


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    cfg = parse_config(TaggerConfig, argv, "Train the attribute tagger and the shared backbone.")
    if cfg.view not in VIEWS:
        raise ValueError(f"--view is one of {', '.join(VIEWS)}, not {cfg.view!r}")
    set_threads(cfg.threads)
    generator = seed_everything(cfg.seed)
    onto = load_ontology()
    products = load_products(cfg.world)
    if cfg.limit:
        products = products[: cfg.limit]
    assignment = nested_split(products, cfg.split_world, cfg.seed)
    splits = by_split(products, assignment)
    vocab = tagger_vocab(onto)
    images, row_of = load_image_cache(cfg.world, [p.id for p in products], INPUT_SIZE)
    train, test = splits["train"], splits["test"] or splits["val"]
    train_rows = np.array([row_of[p.id] for p in train])
    train_labels = torch.from_numpy(label_matrix(train, vocab))
    model = Tagger(vocab)
    if cfg.init:
        model.load_state_dict(torch.load(cfg.init, map_location="cpu")["state_dict"])
    optimiser = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    steps = cfg.epochs * max(1, len(train) // cfg.batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=cfg.lr, total_steps=max(1, steps))
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    weights = parse_field_weights(cfg.field_weights, model.fields)
    started = time.time()
    step = 0
    for epoch in range(cfg.epochs):
        model.train()
        order = torch.randperm(len(train), generator=generator).numpy()
        running = 0.0
        for start in range(0, len(order) - cfg.batch_size + 1, cfg.batch_size):
            batch = order[start : start + cfg.batch_size]
            x = augment(to_tensor(images[np.sort(train_rows[batch])]), generator)
            # Rows were sorted for memory-mapped reads; sort the labels the same way.
            y = train_labels[batch[np.argsort(train_rows[batch], kind="stable")]]
            logits = model(x)
            loss = sum(weights[name] * loss_fn(logits[name], y[:, col]) for col, name in enumerate(model.fields))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if step < steps:
                schedule.step()
            step += 1
            running += float(loss)
        n_batches = max(1, len(order) // cfg.batch_size)
        print(f"tagger epoch {epoch + 1}/{cfg.epochs}  loss {running / n_batches:.3f}  {time.time() - started:.0f}s", flush=True)
    seconds = time.time() - started
    test_rows = [row_of[p.id] for p in test]
    metrics = accuracy(model, images, test_rows, label_matrix(test, vocab))
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "vocab": vocab, "config": asdict(cfg)}, out / "tagger.pt")
    (out / "metrics.json").write_text(json.dumps({
        "test_accuracy": metrics, "world_products": len(products), "train_products": len(train), "test_products": len(test),
        "seconds": round(seconds), "images_per_second": round(step * cfg.batch_size / max(seconds, 1e-9), 1)}, indent=2))
    print("tagger test accuracy " + json.dumps(metrics), flush=True)
    return metrics


if __name__ == "__main__":
    main()
