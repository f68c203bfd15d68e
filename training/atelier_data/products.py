"""Catalogue products as exported by scripts/catalogue/export.ts (products.jsonl), and the family split.

Splitting by family (one design in several colourways) keeps near-duplicates of a test product out of
training, so no split shares a product and no test target has a colourway twin in train.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from .ontology import Ontology

SPLITS = ("train", "val", "test")


@dataclass(frozen=True)
class Product:
    id: str
    category: str
    slot: str
    color: str
    pattern: str
    attributes: Dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    family: int = 0
    title: str = ""
    image_url: str = ""

    def get(self, name: str) -> Optional[str]:
        """Value of a top-level field (color, pattern, category) or of an attribute."""
        if name in ("color", "pattern", "category", "slot"):
            return getattr(self, name)
        return self.attributes.get(name)


def product_from_json(raw: dict) -> Product:
    return Product(id=raw["id"], category=raw["category"], slot=raw["slot"], color=raw["color"],
                   pattern=raw["pattern"], attributes=dict(raw.get("attributes") or {}),
                   family=int(raw.get("family", 0)), title=raw.get("title", ""), image_url=raw.get("imageUrl", ""))


def load_products(world: str | Path) -> List[Product]:
    """Reads <world>/products.jsonl (or a .jsonl path) in file order."""
    path = Path(world)
    if path.is_dir():
        path = path / "products.jsonl"
    with open(path, encoding="utf-8") as f:
        return [product_from_json(json.loads(line)) for line in f if line.strip()]


@dataclass(frozen=True)
class SplitConfig:
    """Share of each category's families per split; the heldout-phrasing split reuses test products."""
    val: float = 0.1
    test: float = 0.1


def split_families(products: Sequence[Product], seed: int, config: SplitConfig = SplitConfig()) -> Dict[str, str]:
    """Maps product id -> split. Stratified by category so every split sees every category."""
    by_category: Dict[str, List[int]] = {}
    for p in products:
        fams = by_category.setdefault(p.category, [])
        if p.family not in fams:
            fams.append(p.family)
    family_split: Dict[int, str] = {}
    for category in sorted(by_category):
        fams = sorted(by_category[category])
        random.Random(f"{seed}:split:{category}").shuffle(fams)
        n = len(fams)
        n_test = max(1, round(n * config.test)) if n >= 3 else 0
        n_val = max(1, round(n * config.val)) if n >= 3 else 0
        for i, fam in enumerate(fams):
            family_split[fam] = "test" if i < n_test else "val" if i < n_test + n_val else "train"
    return {p.id: family_split[p.family] for p in products}


def split_families_extending(products: Sequence[Product], base: Sequence[Product], seed: int,
                             config: SplitConfig = SplitConfig(), base_split: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The family split of a larger world that contains `base` (a smaller export of the same generator and seed,
    whose products are a prefix of it): base families keep their split in `base` (split_families, or `base_split`
    when given), so a model trained on the larger world never sees the base world's val or test families; the other
    families are split as split_families does."""
    base_split = split_families(base, seed, config) if base_split is None else base_split
    family_split = {p.family: base_split[p.id] for p in base}
    rest = [p for p in products if p.family not in family_split]
    rest_split = split_families(rest, seed, config)
    return {p.id: family_split[p.family] if p.family in family_split else rest_split[p.id] for p in products}


def nested_split(products: Sequence[Product], bases: str, seed: int, config: SplitConfig = SplitConfig()) -> Dict[str, str]:
    """The family split of a world given the smaller worlds it extends (a training config's --split-world):
    "" splits it on its own (split_families); otherwise a comma-separated chain, smallest first, of worlds each a
    prefix of the next, written `path` or `path:N` (that world's first N products). Each keeps the split of the one
    before (split_families_extending), so every model trained along the chain has the same unseen test families."""
    chain = []
    for item in filter(None, (part.strip() for part in bases.split(","))):
        path, _, count = item.partition(":")
        chain.append(load_products(path)[: int(count)] if count else load_products(path))
    if not chain:
        return split_families(products, seed, config)
    assignment = split_families(chain[0], seed, config)
    for smaller, larger in zip(chain, [*chain[1:], products]):
        assignment = split_families_extending(larger, smaller, seed, config, assignment)
    return assignment


def by_split(products: Iterable[Product], assignment: Dict[str, str]) -> Dict[str, List[Product]]:
    out: Dict[str, List[Product]] = {s: [] for s in SPLITS}
    for p in products:
        out[assignment[p.id]].append(p)
    return out


def is_shiny(p: Product, onto: Ontology) -> bool:
    """The ontology's "shinier": a shiny material or a shiny colour."""
    return p.attributes.get("material") in ("silk", "satin", "sequin", "leather") or onto.colors[p.color].shiny


def is_colorful(p: Product, onto: Ontology) -> bool:
    """The ontology's "more colorful": a pattern, or a colour outside the neutral family."""
    return p.pattern != "solid" or not onto.is_neutral(p.color)
