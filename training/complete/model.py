"""CSA-Net: a general item embedding, K learned subspace masks, and an attention network over category pairs.

The item encoder is a trainable MLP over the frozen backbone's pooled features (global average pooling of the
low, mid and high maps, as training.common.backbone.pooled: 64 + 128 + 256 = 448 values), giving a general
embedding e. The K non-negative masks m_k give subspace embeddings m_k ⊙ e. For an outfit item of category c_s
and a target category c_t, the attention network (input: the two categories, one-hot) gives K softmax weights w,
and the item's effective embedding for that pair is Σ_k w_k (m_k ⊙ e); the candidate is projected with the same
pair weights, and the two are compared by Euclidean distance after L2 normalisation (so that distances stay in
[0, 2] and a fixed margin means the same in every subspace). The baseline is the same network with
`subspaces=False`: one shared embedding, no masks, no attention.

With `readings` (the tagger's fields and their sizes), the item encoder also reads what the tagger's frozen heads
read off the same pooled features (a softmax per field: category, colour, pattern, formality, season, style...)
and takes them beside the features. The heads are linear in those features, so nothing new enters; but the
stylist's rules are written over exactly these attributes, and 5,000 training products are too few for the
encoder MLP to rediscover 125 attribute directions from outfit co-occurrence alone.
"""
from __future__ import annotations

from typing import Dict, Optional

import torch
import torch.nn.functional as F
from torch import nn

FEATURE_DIM = 64 + 128 + 256


class ItemEncoder(nn.Module):
    """Pooled backbone features -> general embedding. Standardises its input with statistics of the training items."""

    def __init__(self, in_dim: int = FEATURE_DIM, hidden: int = 256, dim: int = 64, dropout: float = 0.1) -> None:
        super().__init__()
        self.register_buffer("mean", torch.zeros(in_dim))
        self.register_buffer("std", torch.ones(in_dim))
        self.mlp = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, dim))

    def set_statistics(self, features: torch.Tensor) -> None:
        self.mean.copy_(features.mean(0))
        self.std.copy_(features.std(0).clamp_min(1e-4))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return self.mlp((features - self.mean) / self.std)  # (B, 448) -> (B, D)


class TaggerReader(nn.Module):
    """The tagger's frozen linear heads: pooled features (B, 448) -> one softmax per field, concatenated (B, R)."""

    def __init__(self, sizes: Dict[str, int]) -> None:
        super().__init__()
        self.sizes = dict(sizes)
        self.heads = nn.Linear(FEATURE_DIM, sum(self.sizes.values()))
        self.heads.requires_grad_(False)

    def load_tagger(self, tagger_state: Dict[str, torch.Tensor]) -> None:
        """Copies the heads of a tagger checkpoint's state dict (fields in this reader's order)."""
        self.heads.weight.copy_(torch.cat([tagger_state[f"heads.{name}.weight"] for name in self.sizes]))
        self.heads.bias.copy_(torch.cat([tagger_state[f"heads.{name}.bias"] for name in self.sizes]))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        logits = torch.split(self.heads(features), list(self.sizes.values()), dim=-1)
        return torch.cat([torch.softmax(x, dim=-1) for x in logits], dim=-1)


class CSANet(nn.Module):
    def __init__(self, n_categories: int, dim: int = 64, k: int = 5, hidden: int = 256, attention_hidden: int = 32,
                 subspaces: bool = True, dropout: float = 0.1, normalise: str = "pair", squared: bool = False,
                 readings: Optional[Dict[str, int]] = None) -> None:
        super().__init__()
        self.n_categories, self.dim, self.k, self.subspaces = n_categories, dim, k, subspaces
        self.normalise, self.squared = normalise, squared
        self.reader = TaggerReader(readings) if readings else None
        extra = sum(readings.values()) if readings else 0
        self.encoder = ItemEncoder(FEATURE_DIM + extra, hidden, dim, dropout)
        if subspaces:
            # Initialised as in the conditional-similarity papers CSA-Net builds on: around 0.9 with spread 0.7, so
            # masks start different from one another and mostly open.
            self.masks = nn.Parameter(torch.randn(k, dim) * 0.7 + 0.9)
            # One-hot (source, target) concatenated into a linear layer equals a sum of two embedding lookups.
            self.source = nn.Embedding(n_categories, attention_hidden)
            self.target = nn.Embedding(n_categories, attention_hidden)
            self.attention_bias = nn.Parameter(torch.zeros(attention_hidden))
            self.attention_out = nn.Linear(attention_hidden, k)

    # ---- items ---------------------------------------------------------------------------------------------------
    def encoder_input(self, features: torch.Tensor) -> torch.Tensor:
        """(B, 448) pooled features -> what the encoder MLP reads: (B, 448) or, with the tagger's readings, (B, 448 + R)."""
        return features if self.reader is None else torch.cat([features, self.reader(features)], dim=-1)

    def embed(self, features: torch.Tensor) -> torch.Tensor:
        """(B, 448) -> general embedding (B, D), unit length unless the pair-weighted embeddings are normalised."""
        e = self.encoder(self.encoder_input(features))
        return F.normalize(e, dim=-1) if self.normalise == "general" else e

    def mask_values(self) -> torch.Tensor:
        return F.relu(self.masks)  # (K, D), non-negative

    def subspace_embeddings(self, general: torch.Tensor) -> torch.Tensor:
        """(B, D) -> (B, K, D): m_k ⊙ e for every subspace."""
        return self.mask_values()[None] * general[:, None, :]

    # ---- category pairs ------------------------------------------------------------------------------------------
    def pair_weights(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Category indices (...), (...) -> attention weights (..., K), a softmax over subspaces."""
        h = F.relu(self.source(source) + self.target(target) + self.attention_bias)
        return torch.softmax(self.attention_out(h), dim=-1)

    def pair_mask(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """(...), (...) -> (..., D): Σ_k w_k m_k, so that Σ_k w_k (m_k ⊙ e) = pair_mask ⊙ e."""
        return self.pair_weights(source, target) @ self.mask_values()

    def project(self, general: torch.Tensor, mask: Optional[torch.Tensor]) -> torch.Tensor:
        """Effective embedding for a category pair, L2-normalised: (..., D) with a broadcastable (..., D) mask."""
        x = general if mask is None else general * mask
        return F.normalize(x, dim=-1) if self.normalise == "pair" else x

    def distance(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        d2 = (a - b).pow(2).sum(-1)
        return d2 if self.squared else (d2 + 1e-8).sqrt()

    # ---- scores --------------------------------------------------------------------------------------------------
    def outfit_distance(self, outfit: torch.Tensor, outfit_category: torch.Tensor, outfit_mask: torch.Tensor,
                        candidates: torch.Tensor, target_category: torch.Tensor) -> torch.Tensor:
        """Mean over the outfit's items of the distance to each candidate, in the (item category, target) subspace.

        outfit (B, L, D) general embeddings, outfit_category (B, L), outfit_mask (B, L) bool,
        candidates (B, M, D) general embeddings, target_category (B,) for all candidates or (B, M), each candidate's
        own category (a slot query ranks several categories) -> (B, M).
        """
        mask = None
        if self.subspaces:
            if target_category.dim() == 1:  # one target for every candidate: (B, 1, L, D)
                mask = self.pair_mask(outfit_category, target_category[:, None].expand_as(outfit_category))[:, None]
            else:  # each candidate in its own category's subspace (slot queries): (B, M, L, D)
                shape = (*target_category.shape, outfit_category.shape[1])
                mask = self.pair_mask(outfit_category[:, None].expand(shape), target_category[:, :, None].expand(shape))
        q = self.project(outfit[:, None], mask)  # (B, 1, L, D)
        c = self.project(candidates[:, :, None], mask)  # (B, M, L, D)
        d = self.distance(q, c)  # (B, M, L)
        m = outfit_mask[:, None].float()  # (B, 1, L)
        return (d * m).sum(-1) / m.sum(-1).clamp_min(1.0)  # (B, M)

    def pair_distances(self, items: torch.Tensor, category: torch.Tensor) -> torch.Tensor:
        """Distance of every item pair of an outfit, averaged over both directions of the category pair.

        items (B, L, D) general embeddings, category (B, L) -> (B, L, L).
        """
        if not self.subspaces:
            e = self.project(items, None)
            return self.distance(e[:, :, None], e[:, None])
        length = items.shape[1]
        source = category[:, :, None].expand(-1, -1, length)  # (B, L, L): row item's category
        target = category[:, None, :].expand(-1, length, -1)  # (B, L, L): column item's category
        mask = self.pair_mask(source, target)  # (B, L, L, D)
        a = self.project(items[:, :, None], mask)  # (B, L, L, D): item i in subspace (c_i, c_j)
        b = self.project(items[:, None, :], mask)  # item j in the same subspace
        d = self.distance(a, b)  # (B, L, L)
        return 0.5 * (d + d.transpose(1, 2))

    def outfit_distance_mean(self, items: torch.Tensor, category: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean pair distance of each outfit: (B, L, D), (B, L), (B, L) bool -> (B,). Lower is more compatible."""
        d = self.pair_distances(items, category)  # (B, L, L)
        m = mask.float()
        pairs = m[:, :, None] * m[:, None, :] * (1 - torch.eye(items.shape[1]))[None]  # (B, L, L), i != j
        return (d * pairs).sum((1, 2)) / pairs.sum((1, 2)).clamp_min(1.0)
