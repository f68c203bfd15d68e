"""Machine-readable attribute constraints attached to every caption, and the check evaluation uses.

A constraint maps a key to a condition string, so it survives JSON and reads in a diff:
  "black"          equal               "!solid"        not equal ("a different color": "!blue")
  "a|b"            one of              "!a|b"          none of
  "<3" / ">3"      numeric compare (lightness)
  "<knee" / ">knee"  order compare along an ordered ontology attribute (length, sleeve, fit, formality, heel)
Keys: color, pattern, category, any ontology attribute, and derived keys lightness, color_family,
shiny ("true"), colorful ("true"). Evaluation measures the share of the top 10 whose product satisfies
every constraint of the query's captions.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from .ontology import Ontology
from .products import Product, is_colorful, is_shiny

Constraints = Dict[str, str]


def derived_value(p: Product, key: str, onto: Ontology) -> Optional[str]:
    if key == "lightness":
        return str(onto.lightness(p.color))
    if key == "color_family":
        return onto.color_family(p.color)
    if key == "shiny":
        return "true" if is_shiny(p, onto) else "false"
    if key == "colorful":
        return "true" if is_colorful(p, onto) else "false"
    return p.get(key)


def satisfies_one(p: Product, key: str, cond: str, onto: Ontology) -> bool:
    return value_satisfies(derived_value(p, key, onto), key, cond, onto)


def value_satisfies(value: Optional[str], key: str, cond: str, onto: Ontology) -> bool:
    """One condition on a product's value of `key` (derived_value); no value never satisfies."""
    if value is None:
        return False
    if cond[:1] in "<>":
        bound = cond[1:]
        if key == "lightness":
            a, b = int(value), int(bound)
        else:
            order = onto.attributes[key].values
            if value not in order or bound not in order:
                return False
            a, b = order.index(value), order.index(bound)
        return a < b if cond[0] == "<" else a > b
    if cond.startswith("!"):
        return value not in cond[1:].split("|")
    return value in cond.split("|")


def satisfies(p: Product, constraints: Mapping[str, str], onto: Ontology) -> bool:
    """True when the product meets every constraint (an empty set is always met). Keys may carry a '#n'
    suffix (see `merge`) when one caption asks two things of the same attribute."""
    return all(satisfies_one(p, strip_key(k), c, onto) for k, c in constraints.items())


def merge(*sets: Mapping[str, str]) -> Constraints:
    """Union of the constraints of several captions (both captions of a pair describe the same target)."""
    out: Constraints = {}
    for s in sets:
        for k, v in s.items():
            if k in out and out[k] != v:
                out[f"{k}#{sum(1 for x in out if x.split('#')[0] == k)}"] = v
            else:
                out[k] = v
    return out


def strip_key(key: str) -> str:
    return key.split("#")[0]


class SatisfactionTable:
    """`satisfies` for many constraint sets over one fixed list of products at once, as boolean rows.

    Each product's value of a key is read once, and each condition is checked once per distinct value, so a row over
    thousands of products costs a few array operations instead of thousands of `satisfies` calls (training asks it
    for every query of every batch)."""

    def __init__(self, products: Sequence[Product], onto: Ontology) -> None:
        self.products, self.onto = products, onto
        self._values: Dict[str, Tuple[List[Optional[str]], np.ndarray]] = {}  # key -> (distinct values, code per product)
        self._conditions: Dict[Tuple[str, str], np.ndarray] = {}

    def _codes(self, key: str) -> Tuple[List[Optional[str]], np.ndarray]:
        if key not in self._values:
            values = [derived_value(p, key, self.onto) for p in self.products]
            distinct = sorted(set(values), key=lambda v: (v is None, v or ""))
            index = {v: i for i, v in enumerate(distinct)}
            self._values[key] = (distinct, np.array([index[v] for v in values], dtype=np.int32))
        return self._values[key]

    def condition(self, key: str, cond: str) -> np.ndarray:
        """(N,) bool: which products meet one condition."""
        if (key, cond) not in self._conditions:
            distinct, codes = self._codes(key)
            ok = np.array([value_satisfies(v, key, cond, self.onto) for v in distinct], dtype=bool)
            self._conditions[(key, cond)] = ok[codes]
        return self._conditions[(key, cond)]

    def row(self, constraints: Mapping[str, str]) -> np.ndarray:
        """(N,) bool: satisfies(product, constraints) for every product of the table."""
        out = np.ones(len(self.products), dtype=bool)
        for k, c in constraints.items():
            out &= self.condition(strip_key(k), c)
        return out
