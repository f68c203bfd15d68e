"""Hierarchical matching: a bidirectional ranking loss at every depth, plus VAL's visual-semantic term.

Two ranking losses are available: the paper's bidirectional triplet loss with semi-hard negatives and margin 0.2,
and a bidirectional batch softmax (InfoNCE) with a learned temperature per depth. Pairs that share the same target
product in one batch are not treated as negatives of each other.
"""
from __future__ import annotations

from typing import List, Sequence

import torch
import torch.nn.functional as F

NEG_INF = -1e4


def batch_softmax(q: torch.Tensor, t: torch.Tensor, scale: torch.Tensor, same: torch.Tensor) -> torch.Tensor:
    """q, t (B, d) normalised; same (B, B) True where row i's positive is column j's positive too."""
    logits = scale * (q @ t.T)  # (B, B)
    eye = torch.eye(len(q), dtype=torch.bool, device=q.device)
    logits = logits.masked_fill(same & ~eye, NEG_INF)
    labels = torch.arange(len(q), device=q.device)
    return 0.5 * (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels))


def semi_hard_triplet(q: torch.Tensor, t: torch.Tensor, same: torch.Tensor, margin: float = 0.2) -> torch.Tensor:
    """The paper's loss: per anchor, the closest negative that is farther than the positive (squared distance)."""
    dist = torch.cdist(q, t).pow(2)  # (B, B)
    pos = dist.diagonal()
    losses = []
    for d, p in ((dist, pos), (dist.T, pos)):
        neg = d.masked_fill(same, 1e8)
        neg = neg.masked_fill(neg < p[:, None], 1e8).min(dim=1).values
        losses.append(F.relu(p - neg + margin).mean())
    return losses[0] + losses[1]


def ranking(q: torch.Tensor, t: torch.Tensor, scale: torch.Tensor, same: torch.Tensor, kind: str) -> torch.Tensor:
    return batch_softmax(q, t, scale, same) if kind == "softmax" else semi_hard_triplet(q, t, same)


def hierarchical_loss(queries: Sequence[torch.Tensor], targets: Sequence[torch.Tensor], log_scale: torch.Tensor,
                      same: torch.Tensor, kind: str = "softmax") -> List[torch.Tensor]:
    """One ranking loss per depth: [(B, d)] x [(B, d)] -> [scalar]."""
    scales = log_scale.clamp(max=4.6).exp()  # at most 100, as CLIP
    return [ranking(q, t, scales[i], same, kind) for i, (q, t) in enumerate(zip(queries, targets))]
