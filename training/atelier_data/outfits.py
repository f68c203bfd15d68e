"""Composes compatible outfits with the stylist, and the incompatible outfits and fill-in-the-blank questions
that evaluate an outfit model (Polyvore Outfits protocol: candidates of the blank's own category)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .ontology import Ontology
from .products import Product
from .stylist import check_outfit

SLOT_ORDER = ("top", "bottom", "one_piece", "outerwear", "shoes", "bag", "accessory")


@dataclass(frozen=True)
class OutfitConfig:
    one_piece_rate: float = 0.3
    outerwear_rate: float = 0.4
    bag_rate: float = 0.6
    accessory_rate: float = 0.5
    tries_per_slot: int = 40  # candidates checked before a partial outfit is abandoned


@dataclass
class Outfit:
    set_id: str
    items: List[Product]


@dataclass
class NegativeOutfit:
    items: List[Product]
    replaced: List[int]  # positions (0-based) swapped in from the compatible outfit
    violations: List[str] = field(default_factory=list)


def _pick_compatible(chosen: List[Product], pool: Sequence[Product], onto: Ontology, rng: random.Random, tries: int) -> Optional[Product]:
    for p in rng.sample(list(pool), min(tries, len(pool))):
        if not check_outfit(chosen + [p], onto):
            return p
    return None


def compose_outfit(by_slot: Dict[str, List[Product]], onto: Ontology, rng: random.Random, config: OutfitConfig) -> Optional[List[Product]]:
    """One outfit grown slot by slot, each piece checked against every rule with what is already chosen."""
    one_piece = by_slot.get("one_piece") and rng.random() < config.one_piece_rate
    slots = ["one_piece"] if one_piece else rng.sample(["top", "bottom"], 2)
    if rng.random() < config.outerwear_rate:
        slots.append("outerwear")
    slots.append("shoes")
    optional = [s for s, r in (("bag", config.bag_rate), ("accessory", config.accessory_rate)) if rng.random() < r]
    if one_piece and not optional and "outerwear" not in slots:
        optional = [rng.choice(["bag", "accessory"])]  # at least 3 pieces
    chosen: List[Product] = []
    for slot in slots + optional:
        piece = _pick_compatible(chosen, by_slot.get(slot, []), onto, rng, config.tries_per_slot)
        if piece is None:
            return None
        chosen.append(piece)
    return sorted(chosen, key=lambda p: SLOT_ORDER.index(p.slot))


def compose_outfits(products: Sequence[Product], n: int, onto: Ontology, rng: random.Random, set_id_base: int,
                    config: OutfitConfig = OutfitConfig()) -> List[Outfit]:
    by_slot: Dict[str, List[Product]] = {}
    for p in products:
        by_slot.setdefault(p.slot, []).append(p)
    out: List[Outfit] = []
    seen = set()
    attempts = 0
    while len(out) < n and attempts < n * 10:
        attempts += 1
        items = compose_outfit(by_slot, onto, rng, config)
        if items is None:
            continue
        key = tuple(sorted(p.id for p in items))
        if key in seen:
            continue
        seen.add(key)
        out.append(Outfit(str(set_id_base + len(out)), items))
    return out


def break_outfit(outfit: Outfit, pool_by_slot: Dict[str, List[Product]], onto: Ontology, rng: random.Random,
                 tries: int = 60) -> Optional[NegativeOutfit]:
    """Swaps one piece (sometimes two) for a same-slot piece so that at least one rule breaks."""
    items = list(outfit.items)
    positions = rng.sample(range(len(items)), 2 if rng.random() < 0.3 and len(items) > 3 else 1)
    for _ in range(tries):
        trial = list(items)
        for pos in positions:
            pool = [p for p in pool_by_slot.get(items[pos].slot, []) if p.id not in {q.id for q in trial}]
            if not pool:
                return None
            trial[pos] = rng.choice(pool)
        violations = check_outfit(trial, onto)
        if violations:
            return NegativeOutfit(trial, sorted(positions), sorted({v.rule for v in violations}))
    return None


def wrong_answers(outfit: Outfit, blank: int, pool_by_category: Dict[str, List[Product]], onto: Ontology,
                  rng: random.Random, n: int = 3) -> Optional[List[Product]]:
    """n same-category pieces that make the outfit break a rule, so FITB has one right answer."""
    right = outfit.items[blank]
    pool = [p for p in pool_by_category.get(right.category, []) if p.id != right.id]
    rng.shuffle(pool)
    picked = []
    for p in pool:
        trial = outfit.items[:blank] + [p] + outfit.items[blank + 1:]
        if check_outfit(trial, onto):
            picked.append(p)
            if len(picked) == n:
                return picked
    return None
