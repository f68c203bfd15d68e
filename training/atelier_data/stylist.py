"""A rule-based stylist: explicit rules that say whether a set of products makes a wearable outfit.

The rules mix several kinds of knowledge on purpose (formality, season, colour harmony, pattern mixing,
style, and category-dependent rules such as evening wear calling for heels), so no single visual similarity
explains compatibility and a model has to learn per-category-pair relations, which is CSA-Net's premise.
Each rule returns a short reason when broken; incompatible outfits record every rule they break.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Dict, List, Optional, Sequence

from .ontology import Ontology
from .products import Product

GARMENT_SLOTS = ("top", "bottom", "one_piece")
BOLD_PATTERNS = frozenset({"floral", "plaid", "leopard", "camouflage", "geometric", "color_block", "graphic", "logo"})
CLASHING_FAMILIES = (frozenset({"red", "pink"}), frozenset({"red", "orange"}), frozenset({"pink", "orange"}),
                     frozenset({"purple", "orange"}), frozenset({"yellow", "pink"}))
VERSATILE_STYLES = frozenset({"classic", "minimal"})
CLASHING_STYLES = (frozenset({"sporty", "romantic"}), frozenset({"streetwear", "preppy"}), frozenset({"sporty", "preppy"}),
                   frozenset({"boho", "edgy"}), frozenset({"sporty", "boho"}))

Rule = Callable[[Sequence[Product], Ontology], Optional[str]]


def _formality_rank(p: Product, onto: Ontology) -> int:
    return onto.attributes["formality"].rank(p.attributes.get("formality", "casual"))


def rule_formality(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    ranks = [_formality_rank(p, onto) for p in items]
    return f"formality spans {max(ranks) - min(ranks)} steps" if ranks and max(ranks) - min(ranks) > 1 else None


def rule_season(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    seasons = {p.attributes.get("season") for p in items}
    return "summer piece with winter piece" if {"summer", "winter"} <= seasons else None


def rule_coat_weather(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    """No sandals under a winter or wool coat, no shorts under any coat."""
    coats = [p for p in items if p.category == "coat"]
    if not coats:
        return None
    if any(p.category == "shorts" for p in items):
        return "shorts with a coat"
    warm = any(c.attributes.get("season") == "winter" or c.attributes.get("material") == "wool" for c in coats)
    return "sandals with a winter coat" if warm and any(p.category == "sandals" for p in items) else None


def rule_color_families(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    families = {onto.color_family(p.color) for p in items} - {"neutral"}
    return f"{len(families)} colour families" if len(families) > 2 else None


def rule_color_clash(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    families = {onto.color_family(p.color) for p in items}
    for pair in CLASHING_FAMILIES:
        if pair <= families:
            return "clashing colours " + "+".join(sorted(pair))
    return None


def rule_patterns(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    bold = sum(p.pattern in BOLD_PATTERNS for p in items)
    patterned = sum(p.pattern != "solid" for p in items)
    if bold > 1:
        return f"{bold} bold patterns"
    return f"{patterned} patterned pieces" if patterned > 2 else None


def rule_style(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    styles = {p.attributes.get("style", "classic") for p in items} - VERSATILE_STYLES
    for a, b in combinations(sorted(styles), 2):
        if frozenset({a, b}) in CLASHING_STYLES:
            return f"styles clash: {a}+{b}"
    return f"{len(styles)} distinct styles" if len(styles) > 2 else None


def rule_evening(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    """Evening garments call for heels (or heeled sandals) and no backpack."""
    if not any(p.slot in GARMENT_SLOTS and p.attributes.get("formality") == "evening" for p in items):
        return None
    for p in items:
        if p.slot == "shoes" and not (p.category == "heels" or (p.category == "sandals" and p.attributes.get("heel") in ("mid", "high"))):
            return f"evening wear with {p.category}"
        if p.category == "backpack":
            return "evening wear with a backpack"
    return None


def rule_athletic(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    """Athletic garments call for sneakers."""
    if not any(p.slot in GARMENT_SLOTS and p.attributes.get("formality") == "athletic" for p in items):
        return None
    shoes = [p for p in items if p.slot == "shoes"]
    return f"athletic wear with {shoes[0].category}" if shoes and shoes[0].category != "sneakers" else None


def rule_denim(items: Sequence[Product], onto: Ontology) -> Optional[str]:
    denim = sum(p.attributes.get("material") == "denim" for p in items if p.slot in GARMENT_SLOTS + ("outerwear",))
    return "head-to-toe denim" if denim > 2 else None


RULES: Dict[str, Rule] = {
    "formality": rule_formality, "season": rule_season, "coat_weather": rule_coat_weather,
    "color_families": rule_color_families, "color_clash": rule_color_clash, "patterns": rule_patterns,
    "style": rule_style, "evening": rule_evening, "athletic": rule_athletic, "denim": rule_denim,
}


@dataclass(frozen=True)
class Violation:
    rule: str
    reason: str


def check_outfit(items: Sequence[Product], onto: Ontology) -> List[Violation]:
    """Every rule the outfit breaks (empty: compatible)."""
    out = []
    for name, rule in RULES.items():
        reason = rule(items, onto)
        if reason:
            out.append(Violation(name, reason))
    return out


def is_well_formed(items: Sequence[Product]) -> bool:
    """Top+bottom or a one-piece, one pair of shoes, at most one outerwear/bag/accessory, 3-6 pieces."""
    slots = [p.slot for p in items]
    count = {s: slots.count(s) for s in set(slots)}
    base = (count.get("top") == 1 and count.get("bottom") == 1 and "one_piece" not in count) or \
           (count.get("one_piece") == 1 and "top" not in count and "bottom" not in count)
    extras_ok = all(count.get(s, 0) <= 1 for s in ("outerwear", "bag", "accessory"))
    return base and count.get("shoes") == 1 and extras_ok and 3 <= len(items) <= 6
