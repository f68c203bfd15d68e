"""The paper's outfit ranking loss: the outfit is closer to its held-out item than to same-category negatives."""
from __future__ import annotations

import torch
import torch.nn.functional as F


def outfit_ranking_loss(positive: torch.Tensor, negatives: torch.Tensor, margin: float) -> torch.Tensor:
    """Margin ranking over every negative: mean of max(0, m + D(O, p) - D(O, n)).

    positive (B,) outfit-to-positive distances, negatives (B, M) outfit-to-negative distances -> scalar.
    """
    return F.relu(margin + positive[:, None] - negatives).mean()


def mask_l1(masks: torch.Tensor) -> torch.Tensor:
    """The paper's L1 penalty on the masks, which keeps the subspaces sparse and distinct."""
    return masks.abs().mean()
