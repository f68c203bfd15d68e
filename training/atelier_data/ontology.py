"""The project's canonical vocabulary (lib/ontology/ontology.json), loaded once for the data-set code.

Captions, constraints and stylist rules all speak the ontology's keys, so the app, the models and the
evaluation agree on what "darker" or "more formal" means: orders come from the ontology, not from this file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

DEFAULT_ONTOLOGY_PATH = Path(__file__).resolve().parents[2] / "lib" / "ontology" / "ontology.json"


@dataclass(frozen=True)
class Color:
    id: str
    lightness: int
    family: str
    shiny: bool = False


@dataclass(frozen=True)
class Attribute:
    name: str
    values: Tuple[str, ...]
    ordered: bool
    slots: Optional[Tuple[str, ...]]  # None: applies to every slot

    def rank(self, value: str) -> int:
        """Position along the attribute's order; only meaningful when `ordered`."""
        return self.values.index(value)


@dataclass(frozen=True)
class Ontology:
    slots: Tuple[str, ...]
    category_slot: Dict[str, str]
    category_label: Dict[str, str]
    colors: Dict[str, Color]
    patterns: Tuple[str, ...]
    attributes: Dict[str, Attribute]
    relative_phrases: Dict[str, str] = field(default_factory=dict)

    @property
    def categories(self) -> List[str]:
        return list(self.category_slot)

    def categories_in_slot(self, slot: str) -> List[str]:
        return [c for c, s in self.category_slot.items() if s == slot]

    def attributes_for_slot(self, slot: str) -> List[str]:
        return [a.name for a in self.attributes.values() if a.slots is None or slot in a.slots]

    def lightness(self, color: str) -> int:
        return self.colors[color].lightness

    def color_family(self, color: str) -> str:
        return self.colors[color].family

    def is_neutral(self, color: str) -> bool:
        return self.colors[color].family == "neutral"


def parse_ontology(raw: dict) -> Ontology:
    attrs = {
        name: Attribute(name, tuple(spec["values"]), bool(spec.get("ordered", False)),
                        tuple(spec["applies_to_slots"]) if "applies_to_slots" in spec else None)
        for name, spec in raw["attributes"].items()
    }
    colors = {c["id"]: Color(c["id"], int(c["lightness"]), c["family"], bool(c.get("shiny", False))) for c in raw["colors"]}
    return Ontology(
        slots=tuple(raw["slots"]),
        category_slot={c["id"]: c["slot"] for c in raw["categories"]},
        category_label={c["id"]: c["label"] for c in raw["categories"]},
        colors=colors,
        patterns=tuple(raw["patterns"]),
        attributes=attrs,
        relative_phrases={k: v for k, v in raw.get("relative_phrases", {}).items() if k != "about"},
    )


@lru_cache(maxsize=4)
def load_ontology(path: Optional[str] = None) -> Ontology:
    """Loads and caches the ontology; `path` defaults to the project's copy in lib/ontology/."""
    with open(path or DEFAULT_ONTOLOGY_PATH, encoding="utf-8") as f:
        return parse_ontology(json.load(f))
