"""Hierarchical matching: a bidirectional ranking loss at every depth, plus VAL's visual-semantic term.

Two ranking losses are available: the paper's bidirectional triplet loss with semi-hard negatives and margin 0.2,
and a bidirectional batch softmax (InfoNCE) with a learned temperature per depth. Pairs that share the same target
product in one batch are not treated as negatives of each other. The attribute term is ours, not the paper's: it
ranks the products that answer the caption above those that do not.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

import torch
import torch.nn.functional as F

NEG_INF = -1e4


def batch_softmax(q: torch.Tensor, t: torch.Tensor, scale: torch.Tensor, same: torch.Tensor,
                  extra: Optional[torch.Tensor] = None, extra_same: Optional[torch.Tensor] = None) -> torch.Tensor:
    """q, t (B, d) normalised; same (B, B) True where row i's positive is column j's positive too.
    extra (E, d): more negatives for the query -> target direction (the batch's source images), with
    extra_same (B, E) True where an extra item is in fact row i's target."""
    logits = scale * (q @ t.T)  # (B, B)
    eye = torch.eye(len(q), dtype=torch.bool, device=q.device)
    logits = logits.masked_fill(same & ~eye, NEG_INF)
    labels = torch.arange(len(q), device=q.device)
    to_target = logits
    if extra is not None:
        to_target = torch.cat([logits, (scale * (q @ extra.T)).masked_fill(extra_same, NEG_INF)], dim=1)  # (B, B + E)
    return 0.5 * (F.cross_entropy(to_target, labels) + F.cross_entropy(logits.T, labels))


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


def hierarchical_loss(queries: Sequence[torch.Tensor], targets: Sequence[torch.Tensor], log_scale: torch.Tensor,
                      same: torch.Tensor, kind: str = "softmax", sources: Optional[Sequence[torch.Tensor]] = None,
                      source_same: Optional[torch.Tensor] = None) -> List[torch.Tensor]:
    """One ranking loss per depth: [(B, d)] x [(B, d)] -> [scalar]. With `sources` (softmax only), the batch's
    source images are negatives too: the query must move away from what the shopper asked to change."""
    scales = log_scale.clamp(max=4.6).exp()  # at most 100, as CLIP
    if kind != "softmax":
        return [semi_hard_triplet(q, t, same) for q, t in zip(queries, targets)]
    return [batch_softmax(q, t, scales[i], same, sources[i] if sources else None, source_same)
            for i, (q, t) in enumerate(zip(queries, targets))]


def attribute_loss(scores: torch.Tensor, positive: torch.Tensor) -> torch.Tensor:
    """Every candidate that meets all of a query's constraints should outrank every one that does not.

    scores (B, C) scaled similarities of each query to its candidates (train.py: every training product of the
    batch's slot, or the batch's targets and sources); positive (B, C) True where the candidate satisfies every
    constraint of the query's captions (the exact target always does). Per positive: -log(e^s / (e^s + sum over the query's non-satisfying candidates of e^s')), averaged over
    the query's positives, then over the queries that have both kinds. The exact-target ranking loss alone treats a
    product that answers the caption as well as the target as a negative; this term is what a shopper's top 10 needs.
    """
    negative = ~positive
    rows = positive.any(dim=1) & negative.any(dim=1)
    if not bool(rows.any()):
        return scores.sum() * 0.0
    negatives = torch.logsumexp(scores.masked_fill(positive, NEG_INF), dim=1, keepdim=True)  # (B, 1)
    per_pair = F.softplus(negatives - scores)  # (B, C): -log sigmoid(s - logsumexp(negatives))
    per_row = (per_pair * positive).sum(dim=1) / positive.sum(dim=1).clamp_min(1)
    return per_row[rows].mean()
