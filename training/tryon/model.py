"""O-VITON's two generators, small enough for 192×256 CPU inference (training/tryon/io.py has the contract).

Shape generation: body model (19) + per-garment shape features -> layout logits (9). Each slot's flat (RGB+mask) is
encoded by a small CNN shared across slots, pooled over the garment's mask to one vector, and broadcast over the
frame (O-VITON's shape feature maps); a U-Net maps body model + broadcast features to the layout.
Appearance generation: layout one-hot (9) + kept person pixels (3) + region-wise appearance maps -> RGB. Each slot's
flat is encoded to one appearance vector, spread over the layout region of that slot's label (O-VITON's region-wise
appearance feature maps); a U-Net renders them, copying the kept person pixels through its full-resolution skip.
"""
from __future__ import annotations

from typing import Tuple

import torch
import torch.nn.functional as F
from torch import nn

from training.tryon.io import CHANNELS, GARMENT_SLOTS_TRYON, N_LABELS, SLOT_LABELS

N_SLOTS = len(GARMENT_SLOTS_TRYON)


def conv(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1), nn.GroupNorm(min(8, cout // 4), cout), nn.LeakyReLU(0.2))


class GarmentEncoder(nn.Module):
    """(B, 4·S, H, W) garments -> (B, S, D): per slot a vector pooled over the flat's mask (zeros for empty slots),
    followed by the masked mean colour and a presence flag, which the encoder would otherwise learn slowly."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.net = nn.Sequential(conv(4, 16, 2), conv(16, 32, 2), conv(32, 48, 2), nn.Conv2d(48, dim, 3, 1, 1))
        self.dim = dim + 4

    def forward(self, garments: torch.Tensor) -> torch.Tensor:
        b, _, h, w = garments.shape
        slots = garments.reshape(b * N_SLOTS, 4, h, w)  # (B, 4S, H, W) -> (B·S, 4, H, W)
        small = F.avg_pool2d(slots, 2)  # half resolution is plenty for shape and colour
        feats = self.net(small)  # (B·S, D, H/16, W/16)
        mask = F.adaptive_avg_pool2d(small[:, 3:4], feats.shape[-2:])  # (B·S, 1, h, w)
        area = mask.sum((2, 3)).clamp_min(1e-3)
        pooled = (feats * mask).sum((2, 3)) / area  # (B·S, D)
        colour = (small[:, :3] * small[:, 3:4]).sum((2, 3)) / small[:, 3:4].sum((2, 3)).clamp_min(1e-3)  # (B·S, 3)
        present = (small[:, 3:4].amax((2, 3)) > 0.5).float()  # (B·S, 1)
        out = torch.cat([pooled * present, colour, present], 1)
        return out.reshape(b, N_SLOTS, self.dim)


class UNet(nn.Module):
    """Encoder-decoder with skips; `cond` (B, C, H/4, W/4) joins at quarter resolution; the full-resolution input is
    re-read by the last layers so thin details (and copied pixels) survive."""

    def __init__(self, cin: int, ccond: int, cout: int, width: int = 24, full_head: bool = True) -> None:
        super().__init__()
        w = width
        self.full_head = full_head
        self.d1 = conv(cin, w, 2)  # H/2
        self.d2 = conv(w, 2 * w, 2)  # H/4
        self.d3 = conv(2 * w + ccond, 4 * w, 2)  # H/8
        self.d4 = conv(4 * w, 6 * w, 2)  # H/16
        self.mid = nn.Sequential(conv(6 * w, 6 * w), conv(6 * w, 6 * w))
        self.u3 = conv(6 * w + 4 * w, 4 * w)
        self.u2 = conv(4 * w + 2 * w + ccond, 2 * w)
        self.u1 = conv(2 * w + w, w)
        # The layout needs no full-resolution pass (its logits are upsampled); the image does, to keep details.
        self.head = nn.Sequential(conv(w + cin, 12), nn.Conv2d(12, cout, 3, 1, 1)) if full_head else nn.Conv2d(w, cout, 1)

    def forward(self, x: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        up = lambda t: F.interpolate(t, scale_factor=2.0, mode="bilinear", align_corners=False)  # noqa: E731
        e1 = self.d1(x)  # (B, w, H/2, W/2)
        e2 = torch.cat([self.d2(e1), cond], 1)  # (B, 2w + C, H/4, W/4)
        e3 = self.d3(e2)  # (B, 4w, H/8, W/8)
        m = self.mid(self.d4(e3))  # (B, 6w, H/16, W/16)
        d3 = self.u3(torch.cat([up(m), e3], 1))
        d2 = self.u2(torch.cat([up(d3), e2], 1))
        d1 = self.u1(torch.cat([up(d2), e1], 1))
        if not self.full_head:
            return up(self.head(d1))  # (B, cout, H/2, W/2) -> (B, cout, H, W)
        return self.head(torch.cat([up(d1), x], 1))  # (B, cout, H, W)


class ShapeNet(nn.Module):
    """(body (B, 19, H, W), garments (B, 16, H, W)) -> layout logits (B, 9, H, W)."""

    def __init__(self, dim: int = 16, width: int = 16, silhouette_dilation: int = 0) -> None:
        super().__init__()
        # The person mask is the silhouette of the outfit being replaced: dilating it inside the network (so the
        # exported model does the same) leaves the body's extent but blurs the old garments' outline.
        self.silhouette_dilation = silhouette_dilation
        self.encoder = GarmentEncoder(dim)
        self.project = nn.Linear(N_SLOTS * self.encoder.dim, 32)
        self.unet = UNet(CHANNELS["body"], 32, N_LABELS, width, full_head=False)

    def forward(self, body: torch.Tensor, garments: torch.Tensor) -> torch.Tensor:
        if self.silhouette_dilation > 1:
            k = self.silhouette_dilation
            body = torch.cat([body[:, :17], F.max_pool2d(body[:, 17:18], k, 1, k // 2), body[:, 18:]], 1)
        codes = F.leaky_relu(self.project(self.encoder(garments).flatten(1)), 0.2)  # (B, S·D) -> (B, 32)
        h, w = body.shape[-2] // 4, body.shape[-1] // 4
        cond = codes[:, :, None, None].expand(-1, -1, h, w)  # broadcast over the frame: (B, S·D, H/4, W/4)
        return self.unet(body, cond)


class AppearanceNet(nn.Module):
    """(layout one-hot (B, 9, H, W), person (B, 3, H, W), garments (B, 16, H, W)) -> image (B, 3, H, W) in [-1, 1]."""

    def __init__(self, dim: int = 32, width: int = 16) -> None:
        super().__init__()
        self.encoder = GarmentEncoder(dim)
        self.unet = UNet(N_LABELS + CHANNELS["person"], self.encoder.dim, CHANNELS["image"], width)

    def region_maps(self, codes: torch.Tensor, layout: torch.Tensor) -> torch.Tensor:
        """codes (B, S, D), layout (B, 9, H', W') -> (B, D, H', W'): each slot's vector over its label's region."""
        regions = layout[:, list(SLOT_LABELS)]  # (B, S, H', W')
        return torch.einsum("bsd,bshw->bdhw", codes, regions)

    def forward(self, layout: torch.Tensor, person: torch.Tensor, garments: torch.Tensor) -> torch.Tensor:
        return self.render(layout, person, self.encoder(garments))

    def render(self, layout: torch.Tensor, person: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        """The generator from given appearance codes (B, S, D): what the inference-time refinement optimises."""
        cond = self.region_maps(codes, F.avg_pool2d(layout, 4))  # (B, D, H/4, W/4)
        return torch.tanh(self.unet(torch.cat([layout, person], 1), cond))


class PatchDiscriminator(nn.Module):
    """A light PatchGAN over (image, layout) at half resolution: one real/fake score per ~22-pixel patch."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3 + N_LABELS, width, 4, 2, 1), nn.LeakyReLU(0.2), conv(width, 2 * width, 2),
                                 conv(2 * width, 2 * width, 1), nn.Conv2d(2 * width, 1, 3, 1, 1))

    def forward(self, image: torch.Tensor, layout: torch.Tensor) -> torch.Tensor:
        return self.net(F.avg_pool2d(torch.cat([image, layout], 1), 2))


def parameter_count(model: nn.Module) -> Tuple[int, float]:
    n = sum(p.numel() for p in model.parameters())
    return n, n * 4 / 2 ** 20
