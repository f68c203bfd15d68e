"""The attribute tagger: the shared backbone with one linear head per ontology field.

It tags products that arrive untagged at import (category, colour, pattern and every attribute), and its training
is what teaches the backbone to see fashion: VAL and CSA-Net then build on the frozen backbone.
"""
from __future__ import annotations

from typing import Dict, List

import torch
from torch import nn

from training.atelier_data.ontology import Ontology
from training.common.backbone import Backbone, pooled

FEATURE_DIM = 64 + 128 + 256


class Tagger(nn.Module):
    def __init__(self, vocab: Dict[str, List[str]]) -> None:
        super().__init__()
        self.fields = list(vocab)
        self.backbone = Backbone()
        self.dropout = nn.Dropout(0.2)
        self.heads = nn.ModuleDict({name: nn.Linear(FEATURE_DIM, len(values)) for name, values in vocab.items()})

    def forward(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        """(B, 3, 128, 128) -> {field: logits (B, n_values)}."""
        h = self.dropout(pooled(self.backbone(x)))
        return {name: head(h) for name, head in self.heads.items()}


def tagger_vocab(onto: Ontology) -> Dict[str, List[str]]:
    """Every field the tagger predicts, with its values in ontology order (the ONNX outputs follow this order)."""
    vocab = {"category": onto.categories, "color": list(onto.colors), "pattern": list(onto.patterns)}
    vocab.update({name: list(attr.values) for name, attr in onto.attributes.items()})
    return vocab
