"""Backbone features of every world image, computed once per backbone checkpoint and cached.

VAL and CSA-Net train on the frozen backbone, so their epochs read these tensors instead of running the CNN:
training takes minutes on two cores instead of hours. The cache key is the checkpoint's content hash, so a
retrained backbone never meets stale features.

VAL and CSA-Net read the tagger's CNN (models/tagger/weights.pt, resolve_backbone), frozen, in the view the tagger
was trained on (checkpoint_view): each was trained on the features of the tagger version its card names, so a
retrained tagger means retraining them. Before a tagger is committed, the backbone stages of a fresh `npm run train`
(the tagger v1, training/runs/tagger) stand in.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from training.common.backbone import CHANNELS, DEPTHS, INPUT_SIZE, Backbone
from training.common.images import load_image_cache, to_tensor


ROOT = Path(__file__).resolve().parents[2]
# What VAL and CSA-Net see products through: the committed tagger's CNN; else the backbone stage of a fresh
# `npm run train` (training/train.py).
TAGGER_CHECKPOINT = "models/tagger/weights.pt"
BACKBONE_RUN = "training/runs/tagger/tagger.pt"


def resolve_backbone(arg: Optional[str]) -> Optional[str]:
    """A config's backbone argument: "random" (tests) -> None (random weights); a path -> that path (relative to the
    repository); "" or None -> the tagger's checkpoint, else the backbone stage's (before a tagger is committed), else
    None."""
    if arg == "random":
        return None
    if arg:
        return str(Path(arg) if Path(arg).is_absolute() else ROOT / arg)
    for candidate in (TAGGER_CHECKPOINT, BACKBONE_RUN):
        if (ROOT / candidate).exists():
            return str(ROOT / candidate)
    return None


def checkpoint_view(checkpoint: Optional[str]) -> str:
    """The view (common/images.py VIEWS) a tagger checkpoint was trained on: "full" unless its config says otherwise."""
    if not checkpoint or not Path(checkpoint).exists():
        return "full"
    return torch.load(checkpoint, map_location="cpu").get("config", {}).get("view", "full")


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


def view_images(world: str | Path, ids: Sequence[str], checkpoint: Optional[str]) -> Tuple[np.ndarray, Dict[str, int]]:
    """The world's images of the ids as the checkpoint's CNN was trained to see them (checkpoint_view): the world's
    own, or its detail view (training/prepare.py images_for_view)."""
    from training.prepare import images_for_view

    return load_image_cache(images_for_view(checkpoint_view(checkpoint), Path(world)), ids, INPUT_SIZE)


def pooled_world_features(world: str | Path, ids: Sequence[str], checkpoint: Optional[str], batch: int = 256) -> Tuple[List[torch.Tensor], Dict[str, int]]:
    """[(N, C) per depth] spatial means of the backbone's maps for the ids, and id -> row: what a gallery's target
    embeddings need, without keeping the maps (a 70,000-product world's would not fit in memory). Cached in
    <world>/pooled-<hash>.pt."""
    def collect(batches) -> List[torch.Tensor]:
        chunks: List[list] = [[torch.zeros(0, CHANNELS[d])] for d in DEPTHS]
        for maps in batches:
            for i, f in enumerate(maps):
                # Through float16 as world_features stores the maps, so a product pools to the same vector either way.
                chunks[i].append(f.half().float().mean(dim=(2, 3)))
        return [torch.cat(c) for c in chunks]

    return _cached_features(world, ids, checkpoint, "pooled", batch, collect)


def world_features(world: str | Path, ids: Sequence[str], checkpoint: Optional[str], batch: int = 128) -> Tuple[Dict[str, torch.Tensor], Dict[str, int]]:
    """{depth: (N, C, H, W) float16 feature maps} for the ids, and id -> row, from the images in the checkpoint's view.
    Cached in <world>/features-<hash>.pt."""
    def collect(batches) -> Dict[str, torch.Tensor]:
        chunks: Dict[str, list] = {d: [] for d in DEPTHS}
        for maps in batches:
            for depth, f in zip(DEPTHS, maps):
                chunks[depth].append(f.half())
        return {d: torch.cat(chunks[d]) for d in DEPTHS}

    return _cached_features(world, ids, checkpoint, "features", batch, collect)


def _cached_features(world: str | Path, ids: Sequence[str], checkpoint: Optional[str], name: str, batch: int, collect):
    """What `collect` makes of the backbone's maps of the ids (in batches, in id order), and id -> row; cached in
    <world>/<name>-<backbone hash>.pt and reused while the cache holds every id."""
    backbone, digest = load_backbone(checkpoint)
    cache = Path(world) / f"{name}-{digest}.pt"
    if cache.exists():
        saved = torch.load(cache)
        if set(ids) <= set(saved["ids"]):
            return saved[name], {pid: i for i, pid in enumerate(saved["ids"])}
    ordered = list(dict.fromkeys(ids))
    value = collect(_backbone_batches(backbone, world, ordered, checkpoint, batch))
    torch.save({"ids": ordered, name: value}, cache)
    return value, {pid: i for i, pid in enumerate(ordered)}


def _backbone_batches(backbone: Backbone, world: str | Path, ordered: Sequence[str], checkpoint: Optional[str], batch: int):
    """The backbone's maps of the ids, `batch` at a time in the given order (each batch's rows read in file order)."""
    images, row_of = view_images(world, ordered, checkpoint)
    with torch.no_grad():
        for start in range(0, len(ordered), batch):
            rows = [row_of[pid] for pid in ordered[start : start + batch]]
            order = np.argsort(rows, kind="stable")
            back = torch.from_numpy(np.argsort(order, kind="stable"))
            yield [f[back] for f in backbone(to_tensor(images[np.asarray(rows)[order]]))]
