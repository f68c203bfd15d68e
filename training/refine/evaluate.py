"""Evaluates VAL and its baselines with the Fashion IQ protocol on the generated test split and the heldout split.

  /usr/bin/python3 -m training.refine.evaluate [--models models --sets training/data/sets --world training/data/world]

Loads models/val/weights.pt, models/val/vocab.json and models/val-baselines/<kind>.pt, and returns
{"val": {r10, r50, attr10, ...}, "tirg": ..., "concat": ..., "image_only": ..., "text_only": ...,
 "heldout_phrasing": {r10, r50, attr10, ...}}.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import numpy as np
import torch

from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import Product, load_products
from training.common.config import parse_config, set_threads
from training.common.features import load_backbone, pooled_world_features, resolve_backbone, world_features
from training.prepare import GALLERY_WORLD_COUNT, TRAINED_WORLD_COUNT, ensure_gallery_world
from training.refine.data import FeatureBank, TripletTensors, load_triplets
from training.refine.metrics import attainable_precision, attribute_precision, precision_by_key, ranks_and_top, summarise
from training.refine.model import KINDS, ModelConfig, RefineModel
from training.refine.vocab import load_vocab

ROOT = Path(__file__).resolve().parents[2]
GALLERY_HELP = (f"catalogue-sized world for attr10 (default: the detail world drawn on to {GALLERY_WORLD_COUNT:,} products); "
                "'none': the split's gallery only")


@dataclass
class CatalogueGallery:
    """A catalogue-sized gallery per group: the split's own gallery plus every product of the gallery world's new
    families (prepare.py ensure_gallery_world): families beyond the largest world any model here trained on (the
    tagger's, whose CNN VAL reads), so no model has seen them. Attribute precision is measured here: in the split's
    gallery (36-140 products a slot) most captions have fewer than 10 products that satisfy them, so no ranking could
    fill a top 10; in a shop's catalogue they have many."""
    ids: Dict[str, List[str]]  # group -> gallery ids (the split's first)
    rows: Dict[str, torch.Tensor]  # group -> rows of `pooled` for those ids
    pooled: List[torch.Tensor]  # [(N, C) per depth]
    products: Dict[str, Product]
    _attainable: Dict[tuple, float] = field(default_factory=dict)

    def attainable(self, group: str, candidate: str, constraints: Mapping[str, str], onto) -> float:
        """attainable_precision in the group's gallery, computed once per query for every model that ranks it (a
        scan of thousands of products per query)."""
        key = (group, candidate, tuple(sorted(constraints.items())))
        if key not in self._attainable:
            self._attainable[key] = attainable_precision(self.ids[group], candidate, constraints, self.products, onto)
        return self._attainable[key]


def catalogue_gallery(world_products: List[Product], gallery_world: Path, split_gallery: Mapping[str, List[str]],
                      checkpoint: Optional[str], trained: int = TRAINED_WORLD_COUNT) -> CatalogueGallery:
    """`trained`: the gallery world's first products, whose families some model trained on (the same generator and
    seed draw the same products first)."""
    gallery_products = load_products(gallery_world)
    known = {p.family for p in world_products} | {p.family for p in gallery_products[:trained]}
    new = [p for p in gallery_products if p.family not in known]
    by_id = {p.id: p for p in world_products}
    ids = {group: list(split) + [p.id for p in new if p.slot == group] for group, split in split_gallery.items()}
    everything = [pid for group in sorted(ids) for pid in ids[group]]
    pooled, row_of = pooled_world_features(gallery_world, everything, checkpoint)
    rows = {group: torch.tensor([row_of[i] for i in group_ids], dtype=torch.long) for group, group_ids in ids.items()}
    return CatalogueGallery(ids, rows, pooled, {**{p.id: p for p in new}, **by_id})


@torch.no_grad()
def evaluate_split(model: RefineModel, bank: FeatureBank, pooled: List[torch.Tensor], data: TripletTensors,
                   row_of: Mapping[str, int], products: Mapping[str, Product], batch: int = 256,
                   catalogue: Optional[CatalogueGallery] = None) -> Dict[str, float]:
    """Metrics of one model on one split: every query ranks its slot's gallery of that split (Recall@K), and, when
    given, the catalogue-sized gallery (attribute precision; Recall@K there too, as catalogue_r10 / catalogue_r50)."""
    model.eval()
    onto = load_ontology()
    all_ranks, precision, attainable = [], [], []
    cat_ranks, cat_precision, cat_attainable = [], [], []
    by_key: Dict[str, List[float]] = {}
    for group, gallery_ids in sorted(data.gallery.items()):
        idx = [i for i, g in enumerate(data.groups) if g == group]
        if not idx or not gallery_ids:
            continue
        col = {pid: c for c, pid in enumerate(gallery_ids)}
        rows = torch.tensor([row_of[p] for p in gallery_ids])
        gallery = model.targets_from_pooled([p[rows] for p in pooled])  # [(G, d)]
        queries: List[List[torch.Tensor]] = []
        for start in range(0, len(idx), batch):
            sel = torch.tensor(idx[start : start + batch])
            queries.append(model(bank.maps(data.source[sel]), data.tokens[sel, 0], data.lengths[sel, 0]))
        q = [torch.cat([part[d] for part in queries]) for d in range(len(gallery))]
        targets = torch.tensor([col[data.target_ids[i]] for i in idx])
        excluded = torch.tensor([col[data.candidate_ids[i]] for i in idx])
        ranks, tops = ranks_and_top(q, gallery, targets, excluded)
        cons = [data.constraints[i] for i in idx]
        all_ranks.append(ranks)
        precision += attribute_precision(tops, gallery_ids, cons, products, onto)
        attainable += [attainable_precision(gallery_ids, data.candidate_ids[i], c, products, onto) for i, c in zip(idx, cons)]
        if catalogue is not None:
            ids = catalogue.ids[group]
            ccol = {pid: c for c, pid in enumerate(ids)}
            big = model.targets_from_pooled([p[catalogue.rows[group]] for p in catalogue.pooled])
            ranks, tops = ranks_and_top(q, big, torch.tensor([ccol[data.target_ids[i]] for i in idx]),
                                        torch.tensor([ccol[data.candidate_ids[i]] for i in idx]))
            cat_ranks.append(ranks)
            cat_precision += attribute_precision(tops, ids, cons, catalogue.products, onto)
            for key, shares in precision_by_key(tops, ids, cons, catalogue.products, onto).items():
                by_key.setdefault(key, []).extend(shares)
            cat_attainable += [catalogue.attainable(group, data.candidate_ids[i], c, onto) for i, c in zip(idx, cons)]
    flat = lambda parts: torch.cat(parts) if parts else torch.zeros(0, dtype=torch.long)  # noqa: E731
    split = summarise(flat(all_ranks), precision, attainable)
    if catalogue is None:
        return split
    big = summarise(flat(cat_ranks), cat_precision, cat_attainable)
    # attr10 is measured in the catalogue; the split gallery's figures stay, named as such.
    return {**{k: v for k, v in split.items() if not k.startswith("attr10")},
            "attr10": big["attr10"], "attr10_norm": big["attr10_norm"], "attr10_ceiling": big["attr10_ceiling"],
            "catalogue_r10": big["r10"], "catalogue_r50": big["r50"], "catalogue_size": sum(len(v) for v in catalogue.ids.values()),
            "split_attr10": split["attr10"], "split_attr10_ceiling": split["attr10_ceiling"],
            # met10_<key>: over the queries that ask something of <key>, the share of the catalogue top 10 meeting that
            # one condition (which kind of request a model gets wrong; attr10 needs all of them at once)
            **{f"met10_{key}": round(float(np.mean(v)), 4) for key, v in sorted(by_key.items())}}


def gallery_for(arg: str) -> str:
    """A --gallery-world argument: "none" -> "" (the split's gallery only); "" -> the default gallery world, drawn
    when missing; else the path."""
    if arg == "none":
        return ""
    return arg or str(ensure_gallery_world())


def load_model(weights: Mapping) -> RefineModel:
    model = RefineModel(ModelConfig(**weights["config"]))
    model.load_state_dict(weights["state_dict"])
    return model.eval()


def load_committed(models: Path) -> Tuple[Dict[str, RefineModel], dict]:
    """{kind: model} for VAL and every baseline, and VAL's saved metadata."""
    val = torch.load(models / "val" / "weights.pt", map_location="cpu")
    out = {"val": load_model(val)}
    for kind in KINDS[1:]:
        path = models / "val-baselines" / f"{kind}.pt"
        if path.exists():
            out[kind] = load_model(torch.load(path, map_location="cpu"))
    return out, val


@dataclass
class EvalConfig:
    models: str = field(default="models", metadata={"help": "folder with val/ and val-baselines/"})
    sets: str = field(default="training/data/sets", metadata={"help": "exported data sets (fashion_iq/ inside)"})
    world: str = field(default="training/data/world", metadata={"help": "catalogue world (products + images)"})
    backbone: str = field(default="", metadata={"help": "backbone checkpoint (default: the tagger's, models/tagger/weights.pt; random: random weights)"})
    split: str = field(default="test", metadata={"help": "split for the model comparison"})
    gallery_world: str = field(default="", metadata={"help": GALLERY_HELP})
    gallery_trained: int = field(default=TRAINED_WORLD_COUNT, metadata={"help": "the gallery world's first products, whose "
                                                                             "families some model trained on (left out)"})
    threads: int = 1


def evaluate(models: str | Path = "models", sets: str | Path = "training/data/sets", world: str | Path = "training/data/world",
             backbone: str = "", split: str = "test", gallery_world: str | Path = "",
             gallery_trained: int = TRAINED_WORLD_COUNT) -> Dict[str, Dict[str, float]]:
    models, sets, world = (Path(p) if Path(p).is_absolute() else ROOT / p for p in (models, sets, world))
    composers, meta = load_committed(models)
    vocab = load_vocab(models / "val" / "vocab.json")
    checkpoint = resolve_backbone(backbone)
    products = load_products(world)
    features, row_of = world_features(world, [p.id for p in products], checkpoint)
    digest = load_backbone(checkpoint)[1]
    if meta.get("backbone_digest") not in (None, digest):
        print(f"warning: features of backbone {digest}, VAL was trained on {meta['backbone_digest']}", flush=True)
    bank = FeatureBank(features)
    pooled = bank.pooled()
    by_id = {p.id: p for p in products}
    test = load_triplets(sets, split, vocab, row_of)
    heldout = load_triplets(sets, "heldout", vocab, row_of)
    galleries = {group: sorted(set(test.gallery.get(group, [])) | set(heldout.gallery.get(group, [])))
                 for group in set(test.gallery) | set(heldout.gallery)}
    catalogue = (catalogue_gallery(products, Path(gallery_world), galleries, checkpoint, gallery_trained) if gallery_world else None)
    result: Dict[str, Dict[str, float]] = {}
    for kind in ("val", "tirg", "concat", "image_only", "text_only"):
        if kind in composers:
            result[kind] = evaluate_split(composers[kind], bank, pooled, test, row_of, by_id, catalogue=catalogue)
    result["heldout_phrasing"] = evaluate_split(composers["val"], bank, pooled, heldout, row_of, by_id, catalogue=catalogue)
    return result


def main(argv: Optional[List[str]] = None) -> Dict[str, Dict[str, float]]:
    cfg = parse_config(EvalConfig, argv, "Evaluate VAL and its baselines (Fashion IQ protocol).")
    set_threads(cfg.threads)
    started = time.time()
    result = evaluate(cfg.models, cfg.sets, cfg.world, cfg.backbone, cfg.split, gallery_for(cfg.gallery_world), cfg.gallery_trained)
    print(json.dumps(result), flush=True)
    print(f"evaluated in {time.time() - started:.1f} s", flush=True)
    return result


if __name__ == "__main__":
    main()
