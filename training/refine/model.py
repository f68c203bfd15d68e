"""VAL's composer (Chen, Gong, Bazzani, CVPR 2020) over the frozen shared backbone, and the baselines it must beat.

At each depth (low 16x16, mid 8x8, high 4x4) the backbone map is standardised and projected by a 1x1 conv to a
common width d; the same projection gives the target's features (query and target share it, as in the paper).
VAL's composite transformer fuses the projected source map with the caption feature:
  visiolinguistic map  vl = ReLU(BN(conv1x1([x ; t])))          (text broadcast to every location)
  joint attention      gate = sigmoid(channel(mean(vl))) * sigmoid(spatial(mean_c(vl))) * x   what to keep
  self-attention       sa = conv1x1(MultiHead(vl tokens))                                      what to change
  composed             w_g * gate + w_s * sa                  (w_g, w_s learned scalars)
then spatial mean and L2 norm. Score = sum over depths of cosine similarity with the target's pooled, normalised
projection. Baselines (same text encoder type, projections and loss; they compose the pooled features at the same
three depths): image_only (the source's own embedding), text_only, concat (MLP on [image; text]), tirg (Vo et al.
2019: w_g * gate([x; t]) * x + w_r * residual([x; t])).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Dict, List, Sequence

import torch
import torch.nn.functional as F
from torch import nn

from training.common.backbone import CHANNELS, DEPTHS, GRID

KINDS = ("val", "tirg", "concat", "image_only", "text_only")


@dataclass
class ModelConfig:
    vocab_size: int
    kind: str = "val"
    width: int = 256  # d: the common width of every depth's embedding
    word_dim: int = 128
    text_dim: int = 256  # LSTM hidden size
    heads: int = 4
    dropout: float = 0.1
    w_gate: float = 1.0  # initial weight of the joint-attention (preservation) branch
    w_self: float = 1.0  # initial weight of the self-attention (transformation) branch


class TextEncoder(nn.Module):
    """Word embeddings + LSTM, max-pooled over the caption's words (as VAL's code), then projected to d."""

    def __init__(self, vocab_size: int, word_dim: int, hidden: int, out_dim: int, dropout: float) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, word_dim, padding_idx=0)
        self.lstm = nn.LSTM(word_dim, hidden, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.proj = nn.Linear(hidden, out_dim)

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """tokens (B, L) int64, lengths (B,) int64 -> (B, out_dim)."""
        h, _ = self.lstm(self.dropout(self.embed(tokens)))  # (B, L, hidden); padding comes last, so it never leaks back
        mask = torch.arange(tokens.shape[1], device=tokens.device)[None, :] < lengths[:, None]  # (B, L)
        h = h.masked_fill(~mask[:, :, None], -1e4).max(dim=1).values  # (B, L, hidden) -> (B, hidden)
        return self.proj(self.dropout(h))


class DepthProjection(nn.Module):
    """Standardise the frozen backbone's channels (train statistics), then a 1x1 conv to width d."""

    def __init__(self, channels: int, width: int) -> None:
        super().__init__()
        self.register_buffer("mean", torch.zeros(channels))
        self.register_buffer("std", torch.ones(channels))
        self.conv = nn.Conv2d(channels, width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(B, C, H, W) -> (B, d, H, W)."""
        return self.conv((x - self.mean[:, None, None]) / self.std[:, None, None])


class CompositeTransformer(nn.Module):
    """VAL's composite transformer at one depth."""

    def __init__(self, width: int, grid: int, heads: int, dropout: float, w_gate: float, w_self: float) -> None:
        super().__init__()
        self.heads = heads
        self.fuse = nn.Sequential(nn.Conv2d(2 * width, width, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU())
        self.channel = nn.Linear(width, width)
        # A kernel as large as the map, so every location's spatial gate sees the whole image (as VAL's code).
        self.spatial = nn.Conv2d(1, 1, grid + 1, padding=grid // 2)
        self.qkv = nn.Linear(width, 3 * width, bias=False)
        self.attn_dropout = nn.Dropout(dropout)
        self.out = nn.Conv2d(width, width, 1)
        self.w_gate = nn.Parameter(torch.tensor(float(w_gate)))
        self.w_self = nn.Parameter(torch.tensor(float(w_self)))

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """x (B, d, H, W), t (B, d) -> composed (B, d, H, W)."""
        b, d, h, w = x.shape
        vl = self.fuse(torch.cat([x, t[:, :, None, None].expand(b, d, h, w)], dim=1))  # (B, 2d, H, W) -> (B, d, H, W)
        # Joint attention: channel and spatial gates over the visiolinguistic map decide which features to keep.
        a_channel = torch.sigmoid(self.channel(vl.mean(dim=(2, 3))))[:, :, None, None]  # (B, d, 1, 1)
        a_spatial = torch.sigmoid(self.spatial(vl.mean(dim=1, keepdim=True)))  # (B, 1, H, W)
        gate = a_channel * a_spatial * x
        # Self-attention over the HW visiolinguistic tokens says what to change.
        tokens = vl.flatten(2).transpose(1, 2)  # (B, d, H, W) -> (B, HW, d)
        q, k, v = self.qkv(tokens).reshape(b, h * w, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)  # 3 x (B, heads, HW, d/heads)
        att = self.attn_dropout(torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // self.heads), dim=-1))  # (B, heads, HW, HW)
        sa = (att @ v).permute(0, 1, 3, 2).reshape(b, d, h, w)  # (B, heads, HW, d/heads) -> (B, d, H, W)
        return self.w_gate * gate + self.w_self * self.out(sa)


def mlp(inp: int, hidden: int, out: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(inp, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, out))


class TIRG(nn.Module):
    """Vo et al. 2019 on pooled features: gated image feature plus a residual from [image; text]."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.gate = mlp(2 * width, 2 * width, width)
        self.residual = mlp(2 * width, 2 * width, width)
        self.w_gate = nn.Parameter(torch.tensor(1.0))
        self.w_res = nn.Parameter(torch.tensor(1.0))

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """x (B, d), t (B, d) -> (B, d)."""
        xt = torch.cat([x, t], dim=1)  # (B, 2d)
        return self.w_gate * torch.sigmoid(self.gate(xt)) * x + self.w_res * self.residual(xt)


class RefineModel(nn.Module):
    """Projections + text encoder + one composer per depth, of the configured kind."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        if config.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        self.config = config
        d = config.width
        self.project = nn.ModuleList([DepthProjection(CHANNELS[depth], d) for depth in DEPTHS])
        self.uses_text = config.kind != "image_only"
        self.text = TextEncoder(config.vocab_size, config.word_dim, config.text_dim, d, config.dropout)
        if config.kind == "val":
            self.compose = nn.ModuleList([CompositeTransformer(d, GRID[depth], config.heads, config.dropout, config.w_gate, config.w_self) for depth in DEPTHS])
        elif config.kind == "tirg":
            self.compose = nn.ModuleList([TIRG(d) for _ in DEPTHS])
        elif config.kind == "concat":
            self.compose = nn.ModuleList([mlp(2 * d, 2 * d, d) for _ in DEPTHS])
        elif config.kind == "text_only":
            self.compose = nn.ModuleList([nn.Linear(d, d) for _ in DEPTHS])
        # VAL's visual-semantic term: per-depth heads that map a product's side-information text into that
        # depth's embedding (trained for every kind that has a text encoder, so the comparison stays fair).
        self.semantic = nn.ModuleList([nn.Linear(d, d) for _ in DEPTHS])
        self.log_scale = nn.Parameter(torch.full((len(DEPTHS),), math.log(1 / 0.07)))

    def set_input_stats(self, stats: Sequence[torch.Tensor]) -> None:
        for proj, s in zip(self.project, stats):
            proj.mean.copy_(s[0])
            proj.std.copy_(s[1])

    def targets(self, maps: Sequence[torch.Tensor]) -> List[torch.Tensor]:
        """Target side: [(B, C, H, W)] -> [(B, d)] pooled, L2-normalised, per depth."""
        return [F.normalize(proj(m).mean(dim=(2, 3)), dim=1) for proj, m in zip(self.project, maps)]

    def targets_from_pooled(self, pooled: Sequence[torch.Tensor]) -> List[torch.Tensor]:
        """Same as `targets` from spatially averaged maps [(N, C)] (the projection is linear, so it commutes)."""
        out = []
        for proj, p in zip(self.project, pooled):
            z = F.linear((p - proj.mean) / proj.std, proj.conv.weight[:, :, 0, 0], proj.conv.bias)  # (N, C) -> (N, d)
            out.append(F.normalize(z, dim=1))
        return out

    def forward(self, maps: Sequence[torch.Tensor], tokens: torch.Tensor, lengths: torch.Tensor) -> List[torch.Tensor]:
        """Composed queries: source maps [(B, C, H, W)], tokens (B, L), lengths (B,) -> [(B, d)] normalised."""
        kind = self.config.kind
        t = self.text(tokens, lengths) if self.uses_text else None  # (B, d)
        out = []
        for i, (proj, m) in enumerate(zip(self.project, maps)):
            if kind == "val":
                q = self.compose[i](proj(m), t).mean(dim=(2, 3))  # (B, d, H, W) -> (B, d)
            elif kind == "text_only":
                q = self.compose[i](t)
            else:
                x = proj(m).mean(dim=(2, 3))  # (B, d)
                q = x if kind == "image_only" else self.compose[i](x, t) if kind == "tirg" else self.compose[i](torch.cat([x, t], 1))
            out.append(F.normalize(q, dim=1))
        return out

    def side_embeddings(self, tokens: torch.Tensor, lengths: torch.Tensor) -> List[torch.Tensor]:
        """Side-information text -> [(B, d)] normalised, one per depth (the visual-semantic term)."""
        t = self.text(tokens, lengths)
        return [F.normalize(head(t), dim=1) for head in self.semantic]

    def describe(self) -> Dict[str, object]:
        return asdict(self.config)


def score(queries: Sequence[torch.Tensor], gallery: Sequence[torch.Tensor]) -> torch.Tensor:
    """Sum over depths of cosine similarity: [(Q, d)], [(G, d)] -> (Q, G)."""
    return sum(q @ g.T for q, g in zip(queries, gallery))
