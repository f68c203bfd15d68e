"""Tagger examples: a product's image row and one label index per field (-100 where the field does not apply)."""
from __future__ import annotations

from typing import Dict, List, Sequence

import numpy as np

from training.atelier_data.products import Product

IGNORE = -100


def label_matrix(products: Sequence[Product], vocab: Dict[str, List[str]]) -> np.ndarray:
    """(N, n_fields) int64 labels, fields in vocab order."""
    index = {name: {v: i for i, v in enumerate(values)} for name, values in vocab.items()}
    labels = np.full((len(products), len(vocab)), IGNORE, dtype=np.int64)
    for row, product in enumerate(products):
        for col, name in enumerate(vocab):
            value = product.get(name)
            if value is not None and value in index[name]:
                labels[row, col] = index[name][value]
    return labels
