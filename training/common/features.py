"""Backbone features of every world image, computed once per backbone checkpoint and cached.

VAL and CSA-Net train on the frozen backbone, so their epochs read these tensors instead of running the CNN:
training takes minutes on two cores instead of hours. The cache key is the checkpoint's content hash, so a
retrained backbone never meets stale features.

The frozen backbone lives in models/backbone/weights.pt: the tagger v1 checkpoint VAL and CSA-Net were trained on.
The tagger itself has moved on (models/tagger is v2, trained further on more data), so its weights are not the
backbone; pointing VAL or CSA-Net at them would feed those models features they never saw.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, Optional, Sequence, Tuple

import torch

from training.common.backbone import DEPTHS, INPUT_SIZE, Backbone
from training.common.images import load_image_cache, to_tensor


ROOT = Path(__file__).resolve().parents[2]
# The committed backbone, else the backbone stage of a fresh `npm run train` (training/train.py).
BACKBONE_CHECKPOINTS = ("models/backbone/weights.pt", "training/runs/tagger/tagger.pt")


def default_backbone() -> Optional[str]:
    """The committed backbone checkpoint, else a fresh training run's, else None (random frozen backbone)."""
    for candidate in BACKBONE_CHECKPOINTS:
        if (ROOT / candidate).exists():
            return str(ROOT / candidate)
    return None


def load_backbone(checkpoint: Optional[str]) -> Tuple[Backbone, str]:
    """The tagger-trained backbone (frozen, eval mode) and a short hash naming it; random weights if no checkpoint."""
    backbone = Backbone()
    if checkpoint and Path(checkpoint).exists():
        state = torch.load(checkpoint, map_location="cpu")["state_dict"]
        backbone.load_state_dict({k[len("backbone."):]: v for k, v in state.items() if k.startswith("backbone.")})
        digest = hashlib.sha256(Path(checkpoint).read_bytes()).hexdigest()[:12]
    else:
        torch.manual_seed(0)
        backbone = Backbone()
        digest = "random"
    backbone.eval()
    for p in backbone.parameters():
        p.requires_grad_(False)
    return backbone, digest


def world_features(world: str | Path, ids: Sequence[str], checkpoint: Optional[str], batch: int = 128) -> Tuple[Dict[str, torch.Tensor], Dict[str, int]]:
    """{depth: (N, C, H, W) float16 feature maps} for the ids, and id -> row. Cached in <world>/features-<hash>.pt."""
    world = Path(world)
    backbone, digest = load_backbone(checkpoint)
    cache = world / f"features-{digest}.pt"
    if cache.exists():
        saved = torch.load(cache)
        if set(ids) <= set(saved["ids"]):
            return saved["features"], {pid: i for i, pid in enumerate(saved["ids"])}
    images, row_of = load_image_cache(world, ids, INPUT_SIZE)
    ordered = list(dict.fromkeys(ids))
    chunks: Dict[str, list] = {d: [] for d in DEPTHS}
    with torch.no_grad():
        for start in range(0, len(ordered), batch):
            rows = [row_of[pid] for pid in ordered[start : start + batch]]
            for depth, f in zip(DEPTHS, backbone(to_tensor(images[rows]))):
                chunks[depth].append(f.half())
    features = {d: torch.cat(chunks[d]) for d in DEPTHS}
    torch.save({"ids": ordered, "features": features}, cache)
    return features, {pid: i for i, pid in enumerate(ordered)}
