"""Caption tokenisation and the word vocabulary, exported as models/val/vocab.json for Python and TypeScript alike.

Rules (the TypeScript side, lib/refine, mirrors them from the JSON file):
  1. lowercase; split on the `split` regex; drop empty pieces;
  2. a word in `words` maps to its id;
  3. an out-of-vocabulary word of at least `fuzzy.minLength` characters maps to the in-vocabulary word at the
     smallest edit distance (optimal string alignment: insert, delete, substitute, swap two adjacent letters),
     if that distance is <= `fuzzy.maxDistance` (<= `fuzzy.longMaxDistance` for words longer than
     `fuzzy.longWordLength`); ties go to the lower id (ids are in descending training frequency); else `unk`;
  4. keep the first `maxLen` ids; an empty caption becomes [unk]; pad with `pad` to maxLen.
Shoppers misspell ("sleves", "lgnoer") and use words the generator never wrote, hence rule 3. Rule 3 must not
turn a real word into a different one ("that" -> "hat", "back" -> "black"): real shopper words (the shopper
vocabulary fact sheet, minus its known misspellings) whose correction is not their own inflection ("sleeve" ->
"sleeves" is kept) are stored in `words` with the `unk` id, so rule 2 settles them and both runtimes agree.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import numpy as np

PAD, UNK = 0, 1
SPLIT = "[^a-z0-9]+"
FUZZY = {"minLength": 3, "maxDistance": 1, "longWordLength": 6, "longMaxDistance": 2}


def words_of(text: str) -> List[str]:
    return [w for w in re.split(SPLIT, text.lower()) if w]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: List[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def closest_word(word: str, words: Dict[str, int], fuzzy: Dict[str, int] = FUZZY) -> int:
    """Id of `word`, of its nearest in-vocabulary spelling within the allowed distance, or UNK."""
    if word in words:
        return words[word]
    if len(word) < fuzzy["minLength"]:
        return UNK
    limit = fuzzy["longMaxDistance"] if len(word) > fuzzy["longWordLength"] else fuzzy["maxDistance"]
    best, best_id = limit + 1, UNK
    for candidate, idx in words.items():
        d = edit_distance(word, candidate, limit)
        if d < best or (d == best and d <= limit and idx < best_id):
            best, best_id = d, idx
    return best_id if best <= limit else UNK


@dataclass
class Vocab:
    words: Dict[str, int]
    max_len: int = 32
    fuzzy: Dict[str, int] = field(default_factory=lambda: dict(FUZZY))
    _memo: Dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        return max(self.words.values(), default=UNK) + 1

    def word_id(self, word: str) -> int:
        if word not in self._memo:
            self._memo[word] = closest_word(word, self.words, self.fuzzy)
        return self._memo[word]

    def encode(self, text: str) -> List[int]:
        """Token ids, at most max_len, at least one."""
        ids = [self.word_id(w) for w in words_of(text)][: self.max_len]
        return ids or [UNK]

    def encode_batch(self, texts: Sequence[str]) -> Tuple[np.ndarray, np.ndarray]:
        """(N, max_len) int64 ids padded with PAD, and (N,) int64 lengths."""
        tokens = np.full((len(texts), self.max_len), PAD, dtype=np.int64)
        lengths = np.zeros(len(texts), dtype=np.int64)
        for i, text in enumerate(texts):
            ids = self.encode(text)
            tokens[i, : len(ids)] = ids
            lengths[i] = len(ids)
        return tokens, lengths

    def to_json(self) -> dict:
        return {"lowercase": True, "split": SPLIT, "pad": PAD, "unk": UNK, "maxLen": self.max_len,
                "fuzzy": self.fuzzy, "words": self.words}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=0, ensure_ascii=False))


def build_vocab(texts: Iterable[str], min_count: int = 2, max_len: int = 32, real_words: Iterable[str] = (),
                misspellings: Iterable[str] = ()) -> Vocab:
    """Words seen at least min_count times, ids 2.. in descending frequency then alphabetical order; plus, with
    the unk id, the real words that spelling correction would otherwise turn into another word."""
    counts = Counter(w for t in texts for w in words_of(t))
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    words = {w: i + 2 for i, w in enumerate(kept)}
    by_id = {i: w for w, i in words.items()}
    skip = set(misspellings)
    for word in sorted(set(real_words) - set(words) - skip):
        corrected = by_id.get(closest_word(word, words))
        if corrected is not None and not (corrected.startswith(word) or word.startswith(corrected)):
            words[word] = UNK
    return Vocab(words, max_len)


def read_word_list(path: str | Path) -> List[str]:
    """Words of a `word<TAB>count` file (the shopper vocabulary fact sheet); [] when the file is absent."""
    path = Path(path)
    if not path.exists():
        return []
    rows = [line.split("\t")[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [w for w in rows if w and w != "word" and re.fullmatch("[a-z0-9]+", w)]


def load_vocab(path: str | Path) -> Vocab:
    raw = json.loads(Path(path).read_text())
    if not raw.get("lowercase", True) or raw.get("split") != SPLIT or raw.get("pad") != PAD or raw.get("unk") != UNK:
        raise ValueError(f"{path}: tokenisation rules differ from training.refine.vocab")
    return Vocab(dict(raw["words"]), int(raw["maxLen"]), dict(raw.get("fuzzy") or FUZZY))
