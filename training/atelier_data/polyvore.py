"""Polyvore Outfits layout: <split>.json, polyvore_item_metadata.json, fill_in_blank_<split>.json,
compatibility_<split>.txt, as in the public release (Vasileva et al., 2018), so the same reader and training
code run on it.

As in the release, questions and compatibility lines name pieces as "<set_id>_<index>" (a piece's place in
an outfit of that split), and the right FITB answer is the one from the question's own outfit. Our extra file
compatibility_<split>.rules.json lists, line by line, the stylist rules each incompatible outfit breaks.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .fashion_iq import write_json
from .ontology import Ontology
from .outfits import NegativeOutfit, Outfit, break_outfit, wrong_answers
from .products import Product

SEMANTIC_CATEGORY = {"top": "tops", "bottom": "bottoms", "one_piece": "all-body", "outerwear": "outerwear",
                     "shoes": "shoes", "bag": "bags"}
ACCESSORY_SEMANTIC = {"hat": "hats", "scarf": "scarves", "sunglasses": "sunglasses", "belt": "accessories"}


def item_metadata(p: Product, onto: Ontology) -> dict:
    """Release fields (category_id, semantic_category, title, ...) plus our ontology values."""
    semantic = SEMANTIC_CATEGORY.get(p.slot) or ACCESSORY_SEMANTIC.get(p.category, "accessories")
    return {"category_id": str(onto.categories.index(p.category) + 1), "semantic_category": semantic,
            "title": p.title, "url_name": p.title.lower().replace(" ", "-"), "description": "",
            "category": p.category, "slot": p.slot, "color": p.color, "pattern": p.pattern,
            "attributes": p.attributes, "image": p.image_url}


def tokens_of(outfits: Sequence[Outfit]) -> Dict[str, str]:
    """Item id -> its first "<set_id>_<index>" name in these outfits."""
    out: Dict[str, str] = {}
    for o in outfits:
        for i, p in enumerate(o.items, start=1):
            out.setdefault(p.id, f"{o.set_id}_{i}")
    return out


@dataclass(frozen=True)
class SplitCounts:
    outfits: int
    fitb: int
    compatibility_pos: int
    compatibility_neg: int


def write_polyvore_split(root: Path, split: str, outfits: Sequence[Outfit], onto: Ontology, rng: random.Random,
                         n_fitb: Optional[int] = None) -> SplitCounts:
    """Writes the outfits of one split and derives its FITB questions and compatibility lines from them."""
    write_json(root / f"{split}.json", [{"set_id": o.set_id, "items": [{"item_id": p.id, "index": i}
                                          for i, p in enumerate(o.items, start=1)]} for o in outfits])
    token = tokens_of(outfits)
    used = {pid: p for o in outfits for p in o.items for pid in [p.id]}
    by_slot: Dict[str, List[Product]] = {}
    by_category: Dict[str, List[Product]] = {}
    for p in sorted(used.values(), key=lambda q: q.id):
        by_slot.setdefault(p.slot, []).append(p)
        by_category.setdefault(p.category, []).append(p)

    fitb = []
    for o in outfits[: n_fitb if n_fitb is not None else len(outfits)]:
        blank = rng.randrange(len(o.items))
        wrong = wrong_answers(o, blank, by_category, onto, rng)
        if wrong is None:
            continue
        answers = [f"{o.set_id}_{blank + 1}"] + [token[p.id] for p in wrong]
        rng.shuffle(answers)
        fitb.append({"question": [f"{o.set_id}_{i}" for i in range(1, len(o.items) + 1) if i != blank + 1],
                     "answers": answers, "blank_position": blank + 1})
    write_json(root / f"fill_in_blank_{split}.json", fitb)

    lines, rules = [], []
    for o in outfits:
        lines.append("1 " + " ".join(f"{o.set_id}_{i}" for i in range(1, len(o.items) + 1)))
        rules.append({"label": 1, "violations": []})
        neg = break_outfit(o, by_slot, onto, rng)
        if neg is not None:
            lines.append("0 " + " ".join(token[p.id] for p in neg.items))
            rules.append({"label": 0, "violations": neg.violations, "items": [p.id for p in neg.items]})
    (root / f"compatibility_{split}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_json(root / f"compatibility_{split}.rules.json", rules)
    n_neg = sum(r["label"] == 0 for r in rules)
    return SplitCounts(len(outfits), len(fitb), len(rules) - n_neg, n_neg)


def write_item_metadata(root: Path, products: Sequence[Product], onto: Ontology) -> None:
    write_json(root / "polyvore_item_metadata.json", {p.id: item_metadata(p, onto) for p in products})


# ---- reading (ours or the public release) --------------------------------------------------------------------
@dataclass
class FitbQuestion:
    question: List[str]  # item ids
    answers: List[str]  # item ids
    answer_index: int  # which answer comes from the question's outfit
    blank_position: int


@dataclass
class PolyvoreSplit:
    outfits: Dict[str, List[str]]  # set_id -> item ids in index order
    fitb: List[FitbQuestion]
    compatibility: List[Tuple[int, List[str]]]  # (label, item ids)
    metadata: Dict[str, dict]


def read_polyvore(root: str | Path, split: str) -> PolyvoreSplit:
    root = Path(root)
    with open(root / f"{split}.json", encoding="utf-8") as f:
        raw = json.load(f)
    outfits: Dict[str, List[str]] = {}
    index: Dict[str, str] = {}
    for o in raw:
        items = sorted(o["items"], key=lambda it: int(it["index"]))
        outfits[str(o["set_id"])] = [it["item_id"] for it in items]
        for it in items:
            index[f"{o['set_id']}_{it['index']}"] = it["item_id"]
    resolve = lambda tok: index.get(tok, tok)  # noqa: E731  (a bare item id passes through)
    fitb: List[FitbQuestion] = []
    fitb_path = root / f"fill_in_blank_{split}.json"
    if fitb_path.exists():
        with open(fitb_path, encoding="utf-8") as f:
            for q in json.load(f):
                set_id = q["question"][0].split("_")[0]
                right = next(i for i, a in enumerate(q["answers"]) if a.split("_")[0] == set_id)
                fitb.append(FitbQuestion([resolve(t) for t in q["question"]], [resolve(t) for t in q["answers"]],
                                         right, int(q.get("blank_position", 0))))
    compatibility: List[Tuple[int, List[str]]] = []
    comp_path = root / f"compatibility_{split}.txt"
    if comp_path.exists():
        for line in comp_path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts:
                compatibility.append((int(parts[0]), [resolve(t) for t in parts[1:]]))
    metadata: Dict[str, dict] = {}
    meta_path = root / "polyvore_item_metadata.json"
    if meta_path.exists():
        with open(meta_path, encoding="utf-8") as f:
            metadata = json.load(f)
    return PolyvoreSplit(outfits, fitb, compatibility, metadata)
