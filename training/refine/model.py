"""VAL's composer (Chen, Gong, Bazzani, CVPR 2020) over the frozen shared backbone, and the baselines it must beat.

At each depth (low 16x16, mid 8x8, high 4x4) the backbone map is standardised and projected by a 1x1 conv to a
common width d; the same projection gives the target's features (query and target share it, as in the paper).
VAL's composite transformer fuses the projected source map x with the caption feature t:
  visiolinguistic map  vl = ReLU(BN(conv1x1([x ; t])))          (text broadcast to every location)
  joint attention      gate = sigmoid(channel(mean(vl))) * sigmoid(spatial(mean_c(vl))) * x   what to keep
  self-attention       sa = out(MultiHead(vl tokens))                                          what to change
  composed             w_g * gate + w_s * sa                  (w_g, w_s learned scalars)
then spatial mean and L2 norm. Score = sum over depths of cosine similarity with the target's pooled, normalised
projection. Baselines (same text encoder type, projections and loss; they compose the pooled features at the same
three depths): image_only (the source's own embedding), text_only, concat (MLP on [image; text]), tirg (Vo et al.
2019: w_g * gate([x; t]) * x + w_r * residual([x; t])).

CPU note: this PyTorch build has only the reference BLAS (matmul ~1 GFLOP/s) but oneDNN convolutions (10-40x
faster), so dense layers, the LSTM's matrix products and the query-gallery scores run as 1x1 convolutions during
training. The functions are unchanged (tests check it) and ONNX export uses the plain layers (Gemm, LSTM).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Dict, List, Optional, Sequence

import torch
import torch.nn.functional as F
from torch import nn

from training.common.backbone import CHANNELS, DEPTHS, GRID

KINDS = ("val", "tirg", "concat", "image_only", "text_only")


@dataclass
class ModelConfig:
    vocab_size: int
    kind: str = "val"
    width: int = 128  # d: the common width of every depth's embedding
    word_dim: int = 128
    text_dim: int = 256  # LSTM hidden size
    heads: int = 2  # as VAL's code
    qk_dim: int = 64  # query/key width over all heads (values keep the full width d)
    low_attention_pool: int = 2  # the low map's self-attention runs on 2x2-pooled tokens (8x8) to fit CPU training
    dropout: float = 0.1
    w_gate: float = 1.0  # initial weight of the joint-attention (preservation) branch
    w_self: float = 1.0  # initial weight of the self-attention (transformation) branch


def exporting() -> bool:
    return torch.onnx.is_in_onnx_export()


def dot(q: torch.Tensor, g: torch.Tensor, bias: Optional[torch.Tensor] = None) -> torch.Tensor:
    """q @ g.T (+ bias), (Q, d) x (G, d) -> (Q, G), as a 1x1 convolution with g's rows as its filters (oneDNN): five
    times faster than this build's matmul, forward and backward. Dense layers, the LSTM's recurrent step and the
    query-gallery scores (training scores every query of a batch against all of its slot's products) go through it."""
    return F.conv2d(q[:, :, None, None], g[:, :, None, None], bias)[:, :, 0, 0]


class Dense(nn.Linear):
    """nn.Linear computed as a 1x1 convolution (oneDNN) when training on CPU; plain Gemm in ONNX."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if exporting() or x.dim() != 2:
            return super().forward(x)
        return dot(x, self.weight, self.bias)  # (B, in) -> (B, out)


class TextEncoder(nn.Module):
    """Word embeddings + LSTM, max-pooled over the caption's words (as VAL's code), then projected to d."""

    def __init__(self, vocab_size: int, word_dim: int, hidden: int, out_dim: int, dropout: float) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, word_dim, padding_idx=0)
        self.lstm = nn.LSTM(word_dim, hidden, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.proj = Dense(hidden, out_dim)

    def _lstm(self, x: torch.Tensor) -> torch.Tensor:
        """The LSTM with its matrix products as 1x1 convolutions: (B, L, E) -> (B, L, H), same weights, same values."""
        if exporting():
            # Initial states sized from the input, so the ONNX graph takes any batch size (not the example's).
            zeros = x.new_zeros((1, x.shape[0], self.lstm.hidden_size))
            return self.lstm(x, (zeros, zeros))[0]
        b, n, _ = x.shape
        hidden = self.lstm.hidden_size
        w_ih = self.lstm.weight_ih_l0[:, :, None, None]
        gates_in = F.conv2d(x.transpose(1, 2)[:, :, :, None], w_ih, self.lstm.bias_ih_l0 + self.lstm.bias_hh_l0)  # (B, 4H, L, 1)
        gates_in = gates_in.reshape(b, 4, hidden, n).permute(3, 0, 1, 2).unbind(0)  # L x (B, 4, H)
        h = x.new_zeros(b, hidden)
        c = x.new_zeros(b, hidden)
        outs = []
        for step in range(n):
            g = gates_in[step] + dot(h, self.lstm.weight_hh_l0).reshape(b, 4, hidden)  # (B, 4, H)
            i, f, cell, o = g.unbind(1)  # PyTorch's gate order
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(cell)
            h = torch.sigmoid(o) * torch.tanh(c)
            outs.append(h)
        return torch.stack(outs, dim=1)

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """tokens (B, L) int64, lengths (B,) int64 -> (B, out_dim)."""
        h = self._lstm(self.dropout(self.embed(tokens)))  # (B, L, hidden); padding comes last, so it never leaks back
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
    """VAL's composite transformer at one depth.

    `composed_map` is the paper's composed feature map; `forward` returns its spatial mean, computed without
    materialising the map: the output layer is linear, so it commutes with the mean, and the mean of the attention
    output over query positions is (mean attention row) @ V. Same function, a fraction of the cost.
    """

    def __init__(self, width: int, grid: int, heads: int, qk_dim: int, pool: int, dropout: float, w_gate: float, w_self: float) -> None:
        super().__init__()
        self.heads, self.qk_dim, self.pool = heads, qk_dim, pool
        # The 1x1 conv over [x ; broadcast t] is split into its image and text halves: the text half is one
        # vector per caption, added at every location (identical to convolving the concatenation).
        self.fuse_image = nn.Conv2d(width, width, 1, bias=False)
        self.fuse_text = Dense(width, width, bias=False)
        self.fuse_norm = nn.BatchNorm2d(width)
        self.channel = Dense(width, width)
        # A kernel as large as the map, so every location's spatial gate sees the whole image (as VAL's code).
        self.spatial = nn.Conv2d(1, 1, grid + 1, padding=grid // 2)
        self.qk = nn.Conv2d(width, 2 * qk_dim, 1, bias=False)
        self.v = Dense(width, width, bias=False)
        self.attn_dropout = nn.Dropout(dropout)
        self.out = Dense(width, width)
        self.w_gate = nn.Parameter(torch.tensor(float(w_gate)))
        self.w_self = nn.Parameter(torch.tensor(float(w_self)))

    def _attend(self, x: torch.Tensor, t: torch.Tensor):
        """Joint-attention gates, the self-attention's tokens and its attention weights."""
        vl = torch.relu(self.fuse_norm(self.fuse_image(x) + self.fuse_text(t)[:, :, None, None]))  # (B, d, H, W)
        # Joint attention: channel and spatial gates over the visiolinguistic map decide which features to keep.
        a_channel = torch.sigmoid(self.channel(vl.mean(dim=(2, 3))))[:, :, None, None]  # (B, d, 1, 1)
        a_spatial = torch.sigmoid(self.spatial(vl.mean(dim=1, keepdim=True)))  # (B, 1, H, W)
        # Self-attention over the visiolinguistic tokens says what to change.
        if self.pool > 1:
            vl = F.avg_pool2d(vl, self.pool)  # (B, d, H, W) -> (B, d, H/p, W/p)
        b, d, h, w = vl.shape
        qk = self.qk(vl).reshape(b, 2, self.heads, self.qk_dim // self.heads, h * w)  # (B, 2, heads, qk/heads, HW)
        q, k = qk[:, 0].transpose(-1, -2), qk[:, 1]  # (B, heads, HW, qk/heads), (B, heads, qk/heads, HW)
        att = torch.softmax(q @ k / math.sqrt(self.qk_dim // self.heads), dim=-1)  # (B, heads, HW, HW)
        return a_channel, a_spatial, vl.flatten(2).transpose(1, 2), self.attn_dropout(att)  # tokens (B, HW, d)

    def composed_map(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """x (B, d, H, W), t (B, d) -> the composed map (B, d, H, W) (self-attention upsampled if pooled)."""
        b, d, h, w = x.shape
        a_channel, a_spatial, tokens, att = self._attend(x, t)
        values = F.linear(tokens, self.v.weight).reshape(b, -1, self.heads, d // self.heads).transpose(1, 2)  # (B, heads, n, d/heads)
        sa = F.linear((att @ values).transpose(1, 2).reshape(b, -1, d), self.out.weight, self.out.bias)  # (B, n, d)
        sa = sa.transpose(1, 2).reshape(b, d, h // self.pool, w // self.pool)
        sa = F.interpolate(sa, scale_factor=self.pool, mode="nearest") if self.pool > 1 else sa
        return self.w_gate * a_channel * a_spatial * x + self.w_self * sa

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """x (B, d, H, W), t (B, d) -> spatial mean of the composed map (B, d)."""
        b, d = x.shape[:2]
        a_channel, a_spatial, tokens, att = self._attend(x, t)
        gate = a_channel[:, :, 0, 0] * (a_spatial * x).mean(dim=(2, 3))  # (B, d)
        pooled = att.mean(dim=2) @ tokens  # (B, heads, HW) @ (B, HW, d) -> (B, heads, d): the average query's input
        v = self.v.weight.reshape(self.heads, d // self.heads, d)  # per head (d/heads, d)
        sa = (pooled[:, :, None, :] * v[None]).sum(dim=-1).reshape(b, d)  # (B, heads, d/heads) -> (B, d)
        return self.w_gate * gate + self.w_self * self.out(sa)


def mlp(inp: int, hidden: int, out: int) -> nn.Sequential:
    return nn.Sequential(Dense(inp, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), Dense(hidden, out))


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
            pools = {"low": config.low_attention_pool, "mid": 1, "high": 1}
            self.compose = nn.ModuleList([CompositeTransformer(d, GRID[depth], config.heads, config.qk_dim, pools[depth], config.dropout,
                                                               config.w_gate, config.w_self) for depth in DEPTHS])
        elif config.kind == "tirg":
            self.compose = nn.ModuleList([TIRG(d) for _ in DEPTHS])
        elif config.kind == "concat":
            self.compose = nn.ModuleList([mlp(2 * d, 2 * d, d) for _ in DEPTHS])
        elif config.kind == "text_only":
            self.compose = nn.ModuleList([Dense(d, d) for _ in DEPTHS])
        # VAL's visual-semantic term: per-depth heads that map a product's side-information text into that
        # depth's embedding (trained for every kind, so the comparison stays fair).
        self.semantic = nn.ModuleList([Dense(d, d) for _ in DEPTHS])
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
        return [F.normalize(proj(p[:, :, None, None])[:, :, 0, 0], dim=1) for proj, p in zip(self.project, pooled)]

    def forward(self, maps: Sequence[torch.Tensor], tokens: torch.Tensor, lengths: torch.Tensor) -> List[torch.Tensor]:
        """Composed queries: source maps [(B, C, H, W)], tokens (B, L), lengths (B,) -> [(B, d)] normalised."""
        kind = self.config.kind
        t = self.text(tokens, lengths) if self.uses_text else None  # (B, d)
        out = []
        for i, (proj, m) in enumerate(zip(self.project, maps)):
            if kind == "val":
                q = self.compose[i](proj(m), t)  # (B, d, H, W) -> (B, d)
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
    return sum(dot(q, g) for q, g in zip(queries, gallery))
