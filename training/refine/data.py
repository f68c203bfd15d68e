"""Refinement triplets as tensors over the cached backbone features, and the side information of each product.

A query is a (candidate, caption pair) of the Fashion IQ layout; both captions are joined with " and " as the
Fashion IQ protocol does. Training also sees the pair in the other order (the two annotators are interchangeable).
The side information is a short attribute phrase of a product ("navy striped knit sweater with long sleeves"),
written with the shopper words of atelier_data.lexicon: VAL's visual-semantic term ties it to the product's image.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch

from training.atelier_data import lexicon as lx
from training.atelier_data.constraints import Constraints, merge
from training.atelier_data.fashion_iq import read_fashion_iq
from training.atelier_data.products import Product
from training.common.backbone import DEPTHS
from training.refine.vocab import Vocab


def query_text(captions: Sequence[str]) -> str:
    return " and ".join(c.strip() for c in captions)


@dataclass
class TripletTensors:
    """One split's queries. Rows index the world feature tensors."""
    source: torch.Tensor  # (N,) int64
    target: torch.Tensor  # (N,) int64
    tokens: torch.Tensor  # (N, 2, L) int64: captions joined in given order, then swapped
    lengths: torch.Tensor  # (N, 2) int64
    groups: List[str]
    texts: List[str]
    constraints: List[Constraints]
    candidate_ids: List[str]
    target_ids: List[str]
    gallery: Dict[str, List[str]]  # group -> product ids of the split

    def __len__(self) -> int:
        return len(self.groups)


def load_triplets(sets: str | Path, split: str, vocab: Vocab, row_of: Dict[str, int]) -> TripletTensors:
    fiq = read_fashion_iq(Path(sets) / "fashion_iq", split)
    rows = [t for t in fiq.triplets if t.candidate in row_of and t.target in row_of]
    texts = [query_text(t.captions) for t in rows]
    swapped = [query_text(list(reversed(t.captions))) for t in rows]
    tok_a, len_a = vocab.encode_batch(texts)
    tok_b, len_b = vocab.encode_batch(swapped)
    return TripletTensors(
        source=torch.tensor([row_of[t.candidate] for t in rows], dtype=torch.int64),
        target=torch.tensor([row_of[t.target] for t in rows], dtype=torch.int64),
        tokens=torch.from_numpy(np.stack([tok_a, tok_b], 1)),
        lengths=torch.from_numpy(np.stack([len_a, len_b], 1)),
        groups=[t.group for t in rows], texts=texts, constraints=[merge(*t.constraints) for t in rows],
        candidate_ids=[t.candidate for t in rows], target_ids=[t.target for t in rows], gallery=fiq.images)


def train_captions(sets: str | Path) -> List[str]:
    """Every caption of the training split (the vocabulary is built from these only)."""
    return [c for t in read_fashion_iq(Path(sets) / "fashion_iq", "train").triplets for c in t.captions]


def side_information(p: Product, rng: Optional[random.Random] = None) -> str:
    """An attribute phrase of the product in shopper words; `rng` picks among synonyms (else the first)."""
    pick = (lambda xs: rng.choice(xs)) if rng else (lambda xs: xs[0])
    a = p.attributes
    adjectives = [pick(lx.COLOR_WORDS.get(p.color, [p.color]))]
    if p.pattern != "solid":
        adjectives.append(pick(lx.PATTERN_ADJ.get(p.pattern, [p.pattern])))
    for name, table in (("length", lx.LENGTH_ADJ), ("fit", lx.FIT_ADJ), ("material", lx.MATERIAL_ADJ)):
        if a.get(name) in table:
            adjectives.append(pick(table[a[name]]))
    details = [pick(table[a[name]]) for name, table in (("sleeve", lx.SLEEVE_NOUN), ("neckline", lx.NECK_NOUN), ("heel", lx.HEEL_NOUN))
               if a.get(name) in table]
    text = " ".join(adjectives + [pick(lx.CATEGORY_NOUN.get(p.category, [p.category]))])
    return text + (" with " + " and ".join(details) if details else "")


class FeatureBank:
    """The world's cached backbone maps, as float32 batches on demand (the cache holds float16)."""

    def __init__(self, features: Dict[str, torch.Tensor]) -> None:
        self.features = features

    def maps(self, rows: torch.Tensor) -> List[torch.Tensor]:
        """rows (B,) -> [low (B, 64, 16, 16), mid (B, 128, 8, 8), high (B, 256, 4, 4)] float32."""
        return [self.features[d][rows].float() for d in DEPTHS]

    def pooled(self) -> List[torch.Tensor]:
        """Spatial means of every product's maps: [(N, C) per depth] (a 1x1 projection commutes with the mean)."""
        return [self.features[d].float().mean(dim=(2, 3)) for d in DEPTHS]

    def channel_stats(self, rows: torch.Tensor) -> List[torch.Tensor]:
        """Per-channel (mean, std) of each depth over the given products: [(2, C)] for input standardisation."""
        out = []
        for d in DEPTHS:
            x = self.features[d][rows].float()
            out.append(torch.stack([x.mean(dim=(0, 2, 3)), x.std(dim=(0, 2, 3)).clamp_min(1e-3)]))
        return out
