"""Trains CSA-Net and, with the same recipe in the same run, the single-embedding baseline.

  /usr/bin/python3 -c "from training.prepare import ensure_data, ensure_outfit_sets; ensure_data(); ensure_outfit_sets()"
  /usr/bin/python3 -m training.complete.train --threads 2 [--epochs 5] [--quick]

Training reads the larger outfit set: 90,000 outfits over the detail world's first 30,000 products, whose split keeps
the 6,000-product world's (prepare.py ensure_outfit_sets), so no val or test product of training/data/sets is ever in
a training outfit; the reported metrics are on the standard training/data/sets test split.

Both train on cached frozen-backbone features with the outfit ranking loss; the epoch with the best validation
FITB + AUC is kept. Writes <models>/csa/weights.pt and <models>/csa-baseline/weights.pt (no backbone inside) with
the validation-fitted compatibility curve, then evaluates both on the test split.
"""
from __future__ import annotations

import copy
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import torch

from training.common.config import parse_config, seed_everything, set_threads
from training.common.features import resolve_backbone
from training.complete.data import ItemTable, RankingSampler, load_items, load_splits
from training.complete.evaluate import (MODEL_NAMES, auc, embed_all, evaluate, fit_compatibility_curve, fitb_accuracy,
                                        outfit_distances)
from training.complete.loss import mask_l1, outfit_ranking_loss
from training.complete.model import CSANet


@dataclass
class CompleteConfig:
    world: str = field(default="training/data/world-detail", metadata={"help": "catalogue world holding the training sets' products (images, feature cache)"})
    sets: str = field(default="training/data/sets-csa", metadata={"help": "training data sets (polyvore/ inside); see the module doc"})
    models: str = field(default="models", metadata={"help": "writes <models>/csa/ and <models>/csa-baseline/"})
    eval_sets: str = field(default="training/data/sets", metadata={"help": "data sets whose test split gives the reported metrics"})
    backbone: str = field(default="", metadata={"help": "backbone checkpoint (default: models/tagger/weights.pt, the tagger's CNN; 'random' for tests)"})
    dim: int = field(default=64, metadata={"help": "general embedding size D"})
    k: int = field(default=5, metadata={"help": "number of subspace masks K"})
    hidden: int = field(default=256, metadata={"help": "item encoder MLP hidden width"})
    attention_hidden: int = field(default=32, metadata={"help": "attention network hidden width"})
    dropout: float = field(default=0.2, metadata={"help": "dropout in the item encoder MLP"})
    normalise: str = field(default="pair", metadata={"help": "L2-normalise 'pair' (the pair-weighted embeddings) or 'general' (the general embedding, masks then scale it)"})
    squared: bool = field(default=False, metadata={"help": "squared Euclidean distances"})
    epochs: int = field(default=6, metadata={"help": "passes over the training outfits (one held-out item each)"})
    batch_size: int = 256
    lr: float = 3e-3
    weight_decay: float = 1e-4
    margin: float = field(default=0.3, metadata={"help": "ranking margin (distances of L2-normalised embeddings)"})
    negatives: int = field(default=8, metadata={"help": "negatives per example"})
    slot_share: float = field(default=0.5, metadata={"help": "share of negatives from the positive's slot in other categories (slot queries)"})
    hard_share: float = field(default=0.5, metadata={"help": "share of examples whose held-out item is a FITB blank, with its wrong answers as negatives"})
    mask_lr: float = field(default=1.0, metadata={"help": "learning-rate multiplier for the masks and the attention network"})
    mask_l1: float = field(default=0.0, metadata={"help": "L1 on the masks (distances are scale-free, so this only shrinks)"})
    readings: bool = field(default=True, metadata={"help": "the item encoder also reads the tagger's frozen heads (model.py TaggerReader); needs a tagger backbone"})
    seed: int = 1
    threads: int = field(default=1, metadata={"help": "torch threads (0: all cores)"})
    quick: bool = field(default=False, metadata={"help": "tiny run for tests: 2 epochs"})
    only: str = field(default="", metadata={"help": "train only 'csa' or 'baseline'; the test metrics are written once both are in --models"})


def validation_metrics(model: CSANet, items: ItemTable, val) -> Dict[str, float]:
    emb = embed_all(model, items)
    labels = torch.tensor([label for label, _ in val.compatibility])
    d = outfit_distances(model, emb, items, [o for _, o in val.compatibility])
    return {"fitb": fitb_accuracy(model, emb, items, val.fitb), "auc": auc(labels, -d)}


def tagger_reader(checkpoint: Optional[str]) -> Optional[dict]:
    """The tagger checkpoint's head state and field sizes, or None when the backbone has no heads (random, tests)."""
    if not checkpoint or not Path(checkpoint).exists():
        return None
    saved = torch.load(checkpoint, map_location="cpu")
    if "vocab" not in saved:
        return None
    return {"sizes": {name: len(values) for name, values in saved["vocab"].items()}, "state": saved["state_dict"]}


def train_one(cfg: CompleteConfig, subspaces: bool, items: ItemTable, splits, reader: Optional[dict] = None) -> tuple:
    generator = seed_everything(cfg.seed)
    model = CSANet(len(items.categories), cfg.dim, cfg.k, cfg.hidden, cfg.attention_hidden, subspaces, cfg.dropout,
                   cfg.normalise, cfg.squared, reader["sizes"] if reader else None)
    if reader:
        with torch.no_grad():
            model.reader.load_tagger(reader["state"])
    train_rows = sorted({items.row[i] for o in splits["train"].outfits.values() for i in o})
    with torch.no_grad():
        model.encoder.set_statistics(model.encoder_input(items.features[train_rows]))
    encoder = list(model.encoder.parameters())  # the reader's heads stay frozen
    groups = [{"params": encoder, "weight_decay": cfg.weight_decay, "lr": cfg.lr}]
    if subspaces:
        attention = [p for n, p in model.named_parameters() if not n.startswith(("encoder.", "reader.")) and n != "masks"]
        groups.append({"params": attention, "weight_decay": cfg.weight_decay, "lr": cfg.lr * cfg.mask_lr})
        groups.append({"params": [model.masks], "weight_decay": 0.0, "lr": cfg.lr * cfg.mask_lr})  # L1 instead of decay
    optimiser = torch.optim.AdamW(groups, lr=cfg.lr)
    sampler = RankingSampler(splits["train"], items, cfg.negatives, cfg.hard_share, cfg.seed, cfg.slot_share)
    steps = cfg.epochs * ((len(sampler) + cfg.batch_size - 1) // cfg.batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=[g["lr"] for g in groups], total_steps=max(1, steps))
    name = "csa" if subspaces else "baseline"
    best, best_state, history = -1.0, None, []
    started = time.time()
    for epoch in range(cfg.epochs):
        model.train()
        running = 0.0
        batches = sampler.epoch(cfg.batch_size)
        for b in batches:
            candidate_rows = torch.cat([b.positive[:, None], b.negatives], dim=1)  # (B, 1 + M): positive first
            # Each distinct item is encoded once per batch: (R,) unique rows -> (R, 448) -> (R, D).
            unique, inverse = torch.unique(torch.cat([b.outfit.flatten(), candidate_rows.flatten()]), return_inverse=True)
            emb = model.embed(items.features[unique])[inverse]
            n_out = b.outfit.numel()
            outfit = emb[:n_out].view(*b.outfit.shape, -1)  # (B, L, D)
            candidates = emb[n_out:].view(*candidate_rows.shape, -1)  # (B, 1 + M, D)
            target = items.category[candidate_rows]  # (B, 1 + M): each candidate in its own category's subspace
            d = model.outfit_distance(outfit, items.category[b.outfit], b.outfit_mask, candidates, target)  # (B, 1 + M)
            loss = outfit_ranking_loss(d[:, 0], d[:, 1:], cfg.margin)
            if subspaces and cfg.mask_l1 > 0:
                loss = loss + cfg.mask_l1 * mask_l1(model.masks)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            running += float(loss)
        val = validation_metrics(model, items, splits["val"])
        val["train_fitb"] = fitb_accuracy(model, embed_all(model, items), items, splits["train"].fitb[:500])
        history.append({"epoch": epoch + 1, "loss": round(running / max(1, len(batches)), 4), **{k: round(v, 4) for k, v in val.items()}})
        print(f"{name} epoch {epoch + 1}/{cfg.epochs}  loss {history[-1]['loss']:.4f}  val fitb {val['fitb']:.4f}  "
              f"auc {val['auc']:.4f}  (train fitb {val['train_fitb']:.3f})  {time.time() - started:.0f}s", flush=True)
        if val["fitb"] + val["auc"] > best:
            best, best_state = val["fitb"] + val["auc"], copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    model.eval()
    return model, history, time.time() - started


def save(cfg: CompleteConfig, model: CSANet, items: ItemTable, splits, history: list, seconds: float, path: Path) -> None:
    emb = embed_all(model, items)
    val = splits["val"]
    d = outfit_distances(model, emb, items, [o for _, o in val.compatibility])
    scale, bias = fit_compatibility_curve(d, torch.tensor([label for label, _ in val.compatibility]))
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "categories": items.categories, "backbone": items.backbone,
                "model": {"dim": model.dim, "k": model.k, "hidden": cfg.hidden, "attention_hidden": cfg.attention_hidden,
                          "subspaces": model.subspaces, "dropout": cfg.dropout,
                          "normalise": model.normalise, "squared": model.squared,
                          "readings": model.reader.sizes if model.reader else None},
                "compat": {"scale": scale, "bias": bias}, "config": asdict(cfg), "history": history,
                "best": max(history, key=lambda h: h["fitb"] + h["auc"]), "seconds": round(seconds),
                "data": data_summary(cfg, splits)}, path)


def data_summary(cfg: CompleteConfig, splits) -> dict:
    manifest = Path(cfg.sets) / "manifest.json"
    return {"world": cfg.world, "sets": cfg.sets, "split": "by product family, stratified by category (export_datasets.py)",
            "counts": {s: {"outfits": len(v.outfits), "fitb": len(v.fitb), "compatibility": len(v.compatibility)} for s, v in splits.items()},
            "manifest": json.loads(manifest.read_text())["counts"] if manifest.exists() else None}


def main(argv: Optional[List[str]] = None) -> Dict[str, Dict[str, float]]:
    cfg = parse_config(CompleteConfig, argv, "Train CSA-Net and the single-embedding baseline on Polyvore-layout outfits.")
    if cfg.quick:
        cfg.epochs = 2
    set_threads(cfg.threads)
    splits = load_splits(cfg.sets)
    items = load_items(cfg.world, splits["train"].metadata, resolve_backbone(cfg.backbone))
    print(f"backbone {items.backbone}; {len(splits['train'].outfits)} train outfits, {len(splits['train'].fitb)} FITB "
          f"questions for hard negatives; {len(items.ids)} items", flush=True)
    reader = tagger_reader(resolve_backbone(cfg.backbone)) if cfg.readings else None
    for key, subspaces in (("csa", True), ("baseline", False)):
        if cfg.only and cfg.only != key:
            continue
        model, history, seconds = train_one(cfg, subspaces, items, splits, reader)
        save(cfg, model, items, splits, history, seconds, Path(cfg.models) / MODEL_NAMES[key] / "weights.pt")
    if cfg.only and not all((Path(cfg.models) / name / "weights.pt").exists() for name in MODEL_NAMES.values()):
        return {}  # the other model is still to train (--only trains one at a time, with the seed a full run gives it)
    metrics = evaluate(cfg.models, cfg.eval_sets or cfg.sets, cfg.world, cfg.backbone or None)
    print("test " + json.dumps(metrics), flush=True)
    report = {"test": metrics, "testSets": cfg.eval_sets or cfg.sets,
              "validation": {key: torch.load(Path(cfg.models) / name / "weights.pt")["best"] for key, name in MODEL_NAMES.items()}}
    (Path(cfg.models) / MODEL_NAMES["csa"] / "metrics.json").write_text(json.dumps(report, indent=2) + "\n")
    return metrics


if __name__ == "__main__":
    main()
