"""Losses of the try-on generators. No pretrained VGG exists here, so the perceptual-style term is multi-scale:
L1 on image gradients and 1 - SSIM at three scales (structure, which plain L1 blurs away)."""
from __future__ import annotations

import torch
import torch.nn.functional as F

from training.tryon.io import SLOT_LABELS

# Garment labels matter most (they are what try-on changes); background and skin are easy and plentiful.
LABEL_WEIGHTS = torch.tensor([0.5, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 1.0])


def layout_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """logits (B, 9, H, W), labels (B, H, W) int64."""
    return F.cross_entropy(logits, labels, weight=LABEL_WEIGHTS.to(logits.device))


def _gaussian(size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    x = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    g = torch.exp(-x ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    return (g[:, None] * g[None, :])[None, None]  # (1, 1, k, k)


_WINDOW = _gaussian()


def ssim_map(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """a, b (B, C, H, W) in [0, 1] -> (B, C, H-10, W-10) SSIM (Wang et al. 2004: 11×11 Gaussian σ=1.5, valid)."""
    c = a.shape[1]
    w = _WINDOW.to(a).expand(c, 1, -1, -1)
    mu_a, mu_b = F.conv2d(a, w, groups=c), F.conv2d(b, w, groups=c)
    aa = F.conv2d(a * a, w, groups=c) - mu_a ** 2
    bb = F.conv2d(b * b, w, groups=c) - mu_b ** 2
    ab = F.conv2d(a * b, w, groups=c) - mu_a * mu_b
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    return ((2 * mu_a * mu_b + c1) * (2 * ab + c2)) / ((mu_a ** 2 + mu_b ** 2 + c1) * (aa + bb + c2))


def ssim(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Per image mean SSIM, (B,), inputs in [0, 1]."""
    return ssim_map(a, b).mean((1, 2, 3))


def gradients(x: torch.Tensor):
    return x[..., :, 1:] - x[..., :, :-1], x[..., 1:, :] - x[..., :-1, :]


def appearance_loss(pred: torch.Tensor, target: torch.Tensor, labels: torch.Tensor, ssim_weight: float = 1.0,
                    gradient_weight: float = 1.0) -> torch.Tensor:
    """pred, target (B, 3, H, W) in [-1, 1]; garment pixels weigh double in the L1 term."""
    garment = torch.zeros_like(labels, dtype=torch.bool)
    for label in SLOT_LABELS:
        garment |= labels == label
    weight = 1.0 + garment.float()[:, None]
    loss = (weight * (pred - target).abs()).mean()
    p, t = (pred + 1) / 2, (target + 1) / 2
    for scale in range(3):
        if scale:
            p, t = F.avg_pool2d(p, 2), F.avg_pool2d(t, 2)
        (px, py), (tx, ty) = gradients(p), gradients(t)
        loss = loss + gradient_weight * ((px - tx).abs().mean() + (py - ty).abs().mean())
        loss = loss + ssim_weight * (1 - ssim(p, t).mean()) / 3
    return loss
