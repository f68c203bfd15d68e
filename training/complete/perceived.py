"""A reference for CSA-Net's numbers: the stylist's own rules applied to what the tagger reads off each image.

The generated outfits are compatible or not by explicit rules (atelier_data/stylist.py) over each product's
category, colour, pattern, material, formality, season and style. With the true attributes those rules answer
every FITB question and separate every compatibility pair (1.0 and 1.0 by construction). A model that only sees
the images can at best recover the attributes as well as the best image reader we have, the tagger: so the rules
run on the tagger's predictions show how much of the task is visible, and what CSA-Net could reach if it learned
the rules perfectly from the same pixels.

  /usr/bin/python3 -m training.complete.perceived [--tagger models/tagger/weights.pt] [--by-field]

--by-field also reads one field at a time from the tagger (the rest true), to name the fields that cost most.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

import torch

from training.atelier_data.ontology import Ontology, load_ontology
from training.atelier_data.polyvore import PolyvoreSplit
from training.atelier_data.products import Product, load_products
from training.atelier_data.stylist import check_outfit
from training.common.config import parse_config, set_threads
from training.common.features import view_images
from training.complete.data import load_splits
from training.complete.evaluate import auc
from training.tagger.evaluate import predicted_indices
from training.tagger.export import load_tagger

TOP_LEVEL = ("category", "color", "pattern")
View = Callable[[Product], Product]


def tagger_readings(world: str, ids: Sequence[str], weights: str) -> Dict[str, Dict[str, str]]:
    """For each product id, the tagger's top value of every field it predicts."""
    vocab = torch.load(weights, map_location="cpu")["vocab"]
    images, row_of = view_images(world, list(ids), weights)
    predicted = predicted_indices(load_tagger(weights), images, [row_of[i] for i in ids])
    return {pid: {name: vocab[name][int(predicted[name][j])] for name in vocab} for j, pid in enumerate(ids)}


def perceived(readings: Dict[str, Dict[str, str]], fields: Optional[Sequence[str]] = None) -> View:
    """A product as the tagger reads it: `fields` (default: all it predicts) replaced by its readings. Attributes
    that do not apply to the product's slot stay absent."""
    def view(p: Product) -> Product:
        read = readings[p.id]
        names = fields if fields is not None else list(read)
        top = {name: read[name] for name in names if name in TOP_LEVEL}
        attributes = {**p.attributes, **{name: read[name] for name in names if name not in TOP_LEVEL and name in p.attributes}}
        return dataclasses.replace(p, attributes=attributes, **top)
    return view


def rule_scores(split: PolyvoreSplit, products: Dict[str, Product], view: View, onto: Ontology) -> Dict[str, float]:
    """FITB (the answer breaking fewest rules; a tie counts as the chance of picking the right one among the tied)
    and compatibility AUC (score: minus the number of rules broken), with the stylist's rules on `view`."""
    seen = {pid: view(products[pid]) for pid in {i for q in split.fitb for i in q.question + q.answers} |
            {i for _, outfit in split.compatibility for i in outfit}}
    broken = lambda ids: len(check_outfit([seen[i] for i in ids], onto))  # noqa: E731
    right = 0.0
    for q in split.fitb:
        counts = [broken(q.question + [a]) for a in q.answers]
        tied = [k for k, c in enumerate(counts) if c == min(counts)]
        right += 1 / len(tied) if q.answer_index in tied else 0.0
    labels = torch.tensor([label for label, _ in split.compatibility])
    scores = torch.tensor([-float(broken(outfit)) for _, outfit in split.compatibility])
    return {"fitb": round(right / max(1, len(split.fitb)), 4), "auc": round(auc(labels, scores), 4)}


def evaluate_perceived(sets: str = "training/data/sets", world: str = "training/data/world",
                       tagger: str = "models/tagger/weights.pt", by_field: bool = False) -> Dict[str, object]:
    split = load_splits(sets, ("test",))["test"]
    products = {p.id: p for p in load_products(world)}
    onto = load_ontology()
    ids = sorted({i for q in split.fitb for i in q.question + q.answers} | {i for _, o in split.compatibility for i in o})
    readings = tagger_readings(world, ids, tagger)
    result: Dict[str, object] = dict(rule_scores(split, products, perceived(readings), onto))
    if by_field:
        fields = list(next(iter(readings.values())))
        result["byField"] = {name: rule_scores(split, products, perceived(readings, [name]), onto) for name in fields}
    return result


@dataclass
class PerceivedConfig:
    sets: str = field(default="training/data/sets", metadata={"help": "exported data sets (polyvore/ inside)"})
    world: str = field(default="training/data/world", metadata={"help": "catalogue world (images)"})
    tagger: str = field(default="models/tagger/weights.pt", metadata={"help": "tagger checkpoint that reads the images"})
    by_field: bool = field(default=False, metadata={"help": "also read one field at a time"})
    threads: int = 2


def main(argv: Optional[List[str]] = None) -> Dict[str, object]:
    cfg = parse_config(PerceivedConfig, argv, "The stylist's rules on the tagger's readings: a reference for CSA-Net.")
    set_threads(cfg.threads)
    result = evaluate_perceived(cfg.sets, cfg.world, cfg.tagger, cfg.by_field)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
