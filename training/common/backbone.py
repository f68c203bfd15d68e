"""The image encoder every Atelier model shares: a small CNN with feature maps at three depths.

VAL composes text with image features at a low, a mid and a high depth (texture and colour; parts; shape), so the
encoder exposes all three; CSA-Net and the attribute tagger use the pooled high-level features. It is trained
first as the attribute tagger (its multi-task heads give it what ImageNet pre-training gives the papers' ResNets),
then frozen for VAL and CSA-Net, whose training then runs on cached features.

Input (B, 3, 128, 128), normalised as in common/images.py. Output shapes:
  low  (B, 64, 16, 16)   mid  (B, 128, 8, 8)   high (B, 256, 4, 4)
"""
from __future__ import annotations

from typing import Tuple

import torch
from torch import nn

DEPTHS = ("low", "mid", "high")
CHANNELS = {"low": 64, "mid": 128, "high": 256}
GRID = {"low": 16, "mid": 8, "high": 4}
INPUT_SIZE = 128


def conv_bn(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Backbone(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.stem = conv_bn(3, 32, 2)  # (B, 3, 128, 128) -> (B, 32, 64, 64)
        self.stage1 = nn.Sequential(conv_bn(32, 64, 2), conv_bn(64, 64))  # -> (B, 64, 32, 32)
        self.stage2 = nn.Sequential(conv_bn(64, 128, 2), conv_bn(128, 128))  # -> (B, 128, 16, 16)
        self.stage3 = nn.Sequential(conv_bn(128, 256, 2), conv_bn(256, 256))  # -> (B, 256, 8, 8)
        self.pool = nn.AvgPool2d(2)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        s1 = self.stage1(self.stem(x))
        s2 = self.stage2(s1)
        s3 = self.stage3(s2)
        # Pooling each map halves the token count VAL's attention sees, at little cost to what it carries.
        return self.pool(s1), self.pool(s2), self.pool(s3)


def pooled(features: Tuple[torch.Tensor, ...]) -> torch.Tensor:
    """Concatenated global-average-pooled features of all depths: (B, 64 + 128 + 256)."""
    return torch.cat([f.mean(dim=(2, 3)) for f in features], dim=1)
