"""CSA-Net's data: Polyvore Outfits splits turned into item-feature rows, and outfit ranking batches.

Every item is one row of a pooled frozen-backbone feature matrix (the general embedding is learned on top), so a
batch only carries row indices and category indices. A ranking example is an outfit with one item held out: the
rest of the outfit, the held-out item (positive) and negatives of the positive's own category, some drawn from the
catalogue at random and some hard ones (the FITB wrong answers written for that outfit and blank), as in the
paper's training, where negatives always share the target's category.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from training.atelier_data.ontology import load_ontology
from training.atelier_data.polyvore import PolyvoreSplit, read_polyvore
from training.common.features import load_backbone, pooled_world_features

MAX_OUTFIT = 8  # the stylist writes 3-6 pieces; the public release has up to 19, which we cap when batching


# CSA-Net sees products through the tagger's CNN (training/common/features.py resolve_backbone), in the view the
# tagger reads (view_images): 1.1.0 on the tagger 2.0.0's (whole flats; test FITB 0.518 -> 0.577, AUC 0.717 -> 0.749
# over the shared backbone), 1.2.0 on the tagger 3.0.0's (the detail view; FITB 0.613, AUC 0.762), 1.3.0 on the
# tagger 4.0.0's (FITB 0.600, AUC 0.772); 1.4.0 adds the tagger's readings (model.py TaggerReader; 0.660, 0.781 on
# 1.3.0's data) and trains on five times the products (prepare.py ensure_outfit_sets; 0.700, 0.812).


def item_category(meta: dict) -> str:
    """Our metadata carries the ontology category; the public release only its semantic category."""
    return meta.get("category") or meta["semantic_category"]


@dataclass
class ItemTable:
    """Pooled backbone features of every catalogue item and its category index."""
    ids: List[str]
    row: Dict[str, int]
    features: torch.Tensor  # (N, 448) float32
    category: torch.Tensor  # (N,) int64, index into `categories`
    categories: List[str]
    backbone: str  # digest of the backbone the features come from
    group: Optional[torch.Tensor] = None  # (N,) int64: the item's slot (semantic category on the public release)

    def rows(self, ids: Sequence[str]) -> List[int]:
        return [self.row[i] for i in ids]


def category_vocabulary(metadata: Dict[str, dict]) -> List[str]:
    """The ontology's categories in ontology order; unknown categories (public release) appended sorted."""
    onto = load_ontology().categories
    extra = sorted({item_category(m) for m in metadata.values()} - set(onto))
    return onto + extra


def load_items(world: str, metadata: Dict[str, dict], checkpoint: Optional[str]) -> ItemTable:
    ids = sorted(metadata)
    # Global average pooling of each depth, concatenated: (N, 64 + 128 + 256) as common.backbone.pooled. Only the
    # pooled vectors are cached, so a training world of tens of thousands of products fits in memory.
    pooled, row_of = pooled_world_features(world, ids, checkpoint)
    digest = load_backbone(checkpoint)[1]
    rows = torch.tensor([row_of[i] for i in ids])
    features = torch.cat([depth[rows] for depth in pooled], dim=1)
    categories = category_vocabulary(metadata)
    index = {c: i for i, c in enumerate(categories)}
    category = torch.tensor([index[item_category(metadata[i])] for i in ids])
    slots = sorted({item_group(m) for m in metadata.values()})
    group = torch.tensor([slots.index(item_group(metadata[i])) for i in ids])
    return ItemTable(ids, {pid: i for i, pid in enumerate(ids)}, features, category, categories, digest, group)


def item_group(meta: dict) -> str:
    """The slot a query names ("shoes"): ours carry the ontology slot, the public release its semantic category."""
    return meta.get("slot") or meta["semantic_category"]


def load_splits(sets: str, splits: Sequence[str] = ("train", "val", "test")) -> Dict[str, PolyvoreSplit]:
    return {s: read_polyvore(Path(sets) / "polyvore", s) for s in splits}


@dataclass
class RankingBatch:
    outfit: torch.Tensor  # (B, L) item rows, padded with 0
    outfit_mask: torch.Tensor  # (B, L) bool, True for real items
    positive: torch.Tensor  # (B,) item rows
    negatives: torch.Tensor  # (B, M) item rows: the positive's category, or its slot's other categories (slot_share)


class RankingSampler:
    """Draws one ranking example per training outfit per epoch, with a fresh held-out item each time."""

    def __init__(self, split: PolyvoreSplit, items: ItemTable, n_negatives: int, hard_share: float, seed: int,
                 slot_share: float = 0.0) -> None:
        self.items = items
        self.n_negatives = n_negatives
        self.hard_share = hard_share
        self.slot_share = slot_share
        self.rng = np.random.default_rng(seed)
        self.outfits = [items.rows(o)[:MAX_OUTFIT] for o in split.outfits.values() if len(o) >= 2]
        # The catalogue the negatives come from: this split's items, by category.
        by_category: Dict[int, List[int]] = {}
        for r in sorted({r for o in self.outfits for r in o}):
            by_category.setdefault(int(items.category[r]), []).append(r)
        self.pool = {c: np.array(v) for c, v in by_category.items()}
        # Slot negatives: items of the positive's slot in other categories (boots against sneakers for "shoes"), so
        # that scores are comparable across the categories a slot query searches, which the paper's same-category
        # negatives never ask of the model.
        self.slot_pool: Dict[int, np.ndarray] = {}
        if items.group is not None and slot_share > 0:
            for c, rows in by_category.items():
                g = int(items.group[rows[0]])
                others = [r for c2, v in by_category.items() if c2 != c and int(items.group[v[0]]) == g for r in v]
                if others:
                    self.slot_pool[c] = np.array(others)
        # Hard negatives: the FITB wrong answers of an outfit's question, with the blank they were written for.
        outfit_of = {tuple(sorted(o)): i for i, o in enumerate(self.outfits)}
        self.hard_blank: Dict[int, Tuple[int, List[int]]] = {}
        for q in split.fitb:
            right = items.row[q.answers[q.answer_index]]
            wrong = [items.row[a] for k, a in enumerate(q.answers) if k != q.answer_index]
            key = tuple(sorted(items.rows(q.question) + [right]))
            if key in outfit_of:
                self.hard_blank[outfit_of[key]] = (right, wrong)

    def __len__(self) -> int:
        return len(self.outfits)

    def _negatives(self, positive: int, hard: List[int]) -> List[int]:
        category = int(self.items.category[positive])
        out = list(hard[: self.n_negatives])
        while len(out) < self.n_negatives:
            across = category in self.slot_pool and self.rng.random() < self.slot_share
            pool = self.slot_pool[category] if across else self.pool[category]
            pick = int(pool[self.rng.integers(len(pool))])
            if pick != positive or len(pool) == 1:
                out.append(pick)
        return out

    def epoch(self, batch_size: int) -> List[RankingBatch]:
        order = self.rng.permutation(len(self.outfits))
        batches = []
        for start in range(0, len(order), batch_size):
            examples = []
            for i in order[start : start + batch_size]:
                outfit = self.outfits[i]
                hard: List[int] = []
                if i in self.hard_blank and self.rng.random() < self.hard_share:
                    positive, hard = self.hard_blank[i]
                    hard = list(self.rng.permutation(hard))
                else:
                    positive = outfit[self.rng.integers(len(outfit))]
                rest = [r for r in outfit if r != positive]
                examples.append((rest, positive, self._negatives(positive, hard)))
            batches.append(collate(examples))
        return batches


def collate(examples: Sequence[Tuple[List[int], int, List[int]]]) -> RankingBatch:
    width = max(len(rest) for rest, _, _ in examples)
    outfit = torch.zeros(len(examples), width, dtype=torch.long)
    mask = torch.zeros(len(examples), width, dtype=torch.bool)
    for b, (rest, _, _) in enumerate(examples):
        outfit[b, : len(rest)] = torch.tensor(rest)
        mask[b, : len(rest)] = True
    positive = torch.tensor([p for _, p, _ in examples])
    negatives = torch.tensor([n for _, _, n in examples])
    return RankingBatch(outfit, mask, positive, negatives)


def pad_outfits(outfits: Sequence[Sequence[int]]) -> Tuple[torch.Tensor, torch.Tensor]:
    """Item-row lists -> (B, L) rows and (B, L) mask."""
    width = max(1, max(len(o) for o in outfits))
    rows = torch.zeros(len(outfits), width, dtype=torch.long)
    mask = torch.zeros(len(outfits), width, dtype=torch.bool)
    for b, o in enumerate(outfits):
        rows[b, : len(o)] = torch.tensor(list(o), dtype=torch.long)
        mask[b, : len(o)] = True
    return rows, mask
