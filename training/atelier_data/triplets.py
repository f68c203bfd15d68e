"""Chooses (source, target) pairs for refinement and captions them.

Pairs stay within a category and a split and differ in 1-3 visible attributes (colour, pattern, sleeve,
neckline, length, fit, material, heel). Family members (colourways and shape variants of one design) are
preferred, then near neighbours with the fewest differences: these are the pairs where only the caption can
say which product is meant, which is what the composer has to learn.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .captions import CaptionConfig, write_caption_pair
from .constraints import Constraints
from .ontology import Ontology
from .products import Product

VISIBLE_ATTRIBUTES = ("color", "pattern", "sleeve", "neckline", "length", "fit", "material", "heel")


@dataclass(frozen=True)
class TripletConfig:
    max_diffs: int = 3
    family_share: float = 0.6  # share of pairs drawn from a source's own family when it has one
    caption: CaptionConfig = CaptionConfig()


@dataclass
class Triplet:
    group: str  # Fashion IQ category group: the product's slot
    candidate: str
    target: str
    captions: List[str]
    constraints: List[Constraints]
    changed: List[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"candidate": self.candidate, "target": self.target, "captions": self.captions,
                "constraints": self.constraints, "changed": self.changed}


def visible_diffs(a: Product, b: Product) -> Optional[List[str]]:
    """Attributes that differ, or None when one side lacks an attribute the other has (not phraseable)."""
    out = []
    for name in VISIBLE_ATTRIBUTES:
        va, vb = a.get(name), b.get(name)
        if va != vb:
            if va is None or vb is None:
                return None
            out.append(name)
    return out


def candidate_targets(products: Sequence[Product], max_diffs: int) -> Dict[str, Tuple[List[Tuple[Product, List[str]]], List[Tuple[Product, List[str]]]]]:
    """For each source id: (family targets, neighbour targets) with their differences."""
    by_cat: Dict[str, List[Product]] = {}
    for p in products:
        by_cat.setdefault(p.category, []).append(p)
    out = {}
    for items in by_cat.values():
        for s in items:
            fam, near = [], []
            for t in items:
                if t.id == s.id:
                    continue
                d = visible_diffs(s, t)
                if d and len(d) <= max_diffs:
                    (fam if t.family == s.family else near).append((t, d))
            out[s.id] = (fam, near)
    return out


def sample_triplets(products: Sequence[Product], n: int, onto: Ontology, rng: random.Random, heldout: bool = False,
                    config: TripletConfig = TripletConfig()) -> List[Triplet]:
    """Draws up to n distinct captioned pairs from one split's products."""
    cands = candidate_targets(products, config.max_diffs)
    sources = [p for p in products if cands[p.id][0] or cands[p.id][1]]
    seen, out = set(), []
    attempts = 0
    while len(out) < n and sources and attempts < n * 20:
        attempts += 1
        src = rng.choice(sources)
        fam, near = cands[src.id]
        pool = fam if fam and (not near or rng.random() < config.family_share) else near
        # near neighbours: fewer differences are likelier (weights 4, 2, 1)
        weights = [2.0 ** (config.max_diffs - len(d)) for _, d in pool]
        tgt, diffs = rng.choices(pool, weights=weights)[0]
        if (src.id, tgt.id) in seen:
            continue
        pair = write_caption_pair(src, tgt, diffs, onto, rng, heldout, config.caption)
        if pair is None:
            continue
        seen.add((src.id, tgt.id))
        out.append(Triplet(src.slot, src.id, tgt.id, [pair[0].text, pair[1].text],
                           [pair[0].constraints, pair[1].constraints], list(diffs)))
    return out
