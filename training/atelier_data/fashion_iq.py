"""Fashion IQ layout: captions/cap.<group>.<split>.json and image_splits/split.<group>.<split>.json.

The same reader loads the real Fashion IQ release (groups dress/shirt/toptee, no "constraints" field), so the
training code runs unchanged on it. Our groups are the ontology's slots (top, bottom, one_piece, ...).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from .triplets import Triplet


@dataclass
class FashionIQSplit:
    triplets: List[Triplet]
    images: Dict[str, List[str]]  # group -> image ids (the split's gallery)


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))


def write_fashion_iq(root: Path, split: str, triplets: Sequence[Triplet], images: Dict[str, List[str]]) -> None:
    """Writes one split; every group in `images` gets both files, even with no triplets."""
    for group in sorted(images):
        write_json(root / "captions" / f"cap.{group}.{split}.json", [t.to_json() for t in triplets if t.group == group])
        write_json(root / "image_splits" / f"split.{group}.{split}.json", images[group])


def read_fashion_iq(root: str | Path, split: str, groups: Optional[Sequence[str]] = None) -> FashionIQSplit:
    """Reads a split for the given groups (default: every group that has a captions file for it)."""
    root = Path(root)
    if groups is None:
        groups = sorted(p.name.split(".")[1] for p in (root / "captions").glob(f"cap.*.{split}.json"))
    triplets: List[Triplet] = []
    images: Dict[str, List[str]] = {}
    for group in groups:
        with open(root / "captions" / f"cap.{group}.{split}.json", encoding="utf-8") as f:
            for row in json.load(f):
                triplets.append(Triplet(group, row["candidate"], row["target"], list(row["captions"]),
                                        list(row.get("constraints") or [{} for _ in row["captions"]]),
                                        list(row.get("changed") or [])))
        split_file = root / "image_splits" / f"split.{group}.{split}.json"
        if split_file.exists():
            with open(split_file, encoding="utf-8") as f:
                images[group] = list(json.load(f))
    return FashionIQSplit(triplets, images)
