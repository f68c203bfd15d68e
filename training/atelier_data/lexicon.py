"""How shoppers name ontology values (from refinement-vocabulary.tsv): several surface forms per key, so a
model learns "grey", "gray" and "charcoal" rather than one canonical label per value.

The words live in lib/ontology/lexicon.json, which the app reads too (lib/refine/understand.ts), so the captions the
models train on and the shopper text the app reads back speak the same words.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, FrozenSet, List, Tuple

_WORDS = json.loads((Path(__file__).resolve().parents[2] / "lib" / "ontology" / "lexicon.json").read_text())

COLOR_WORDS: Dict[str, List[str]] = _WORDS["color"]
# Adjective forms ("is striped") and noun phrases ("has stripes") per pattern.
PATTERN_ADJ: Dict[str, List[str]] = _WORDS["pattern_adj"]
PATTERN_NOUN: Dict[str, List[str]] = _WORDS["pattern_noun"]
SLEEVE_NOUN: Dict[str, List[str]] = _WORDS["sleeve_noun"]
SLEEVE_ADJ: Dict[str, List[str]] = _WORDS["sleeve_adj"]
NECK_NOUN: Dict[str, List[str]] = _WORDS["neck_noun"]
NECK_ADJ: Dict[str, List[str]] = _WORDS["neck_adj"]
REVEALING_NECKLINES: Tuple[str, ...] = tuple(_WORDS["revealing_necklines"])
LENGTH_ADJ: Dict[str, List[str]] = _WORDS["length_adj"]
FIT_ADJ: Dict[str, List[str]] = _WORDS["fit_adj"]
MATERIAL_ADJ: Dict[str, List[str]] = _WORDS["material_adj"]
HEEL_NOUN: Dict[str, List[str]] = _WORDS["heel_noun"]
FORMALITY_ABS: Dict[str, List[str]] = _WORDS["formality_abs"]
CATEGORY_NOUN: Dict[str, List[str]] = _WORDS["category_noun"]
PLURAL_CATEGORIES: FrozenSet[str] = frozenset(_WORDS["plural_categories"])
# Misspellings seen in shopper captions (the vocabulary lists "sleevless", "lenght", "shiney", "colourfull").
TYPOS: Dict[str, str] = _WORDS["typos"]
