"""Product images as one uint8 array, cached next to the world, so every model trains from the same pixels.

The catalogue export writes <world>/images/<id>.png at the training size; decoding 6,000 PNGs takes longer than
an epoch, so the first call stacks them into <world>/images-<size>.npy (N, H, W, 3) with an id index and later
calls memory-map it. Normalisation matches the app's preprocessing (lib/ml/preprocess.ts): RGB in [0, 1],
minus 0.5, divided by 0.25, channels first.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
import torch

MEAN = 0.5
STD = 0.25


# What a world's images show: "full", the whole flat fitted into the square (every model but the tagger v3), or
# "detail", the flat drawn at twice the size and cropped to the product (lib/ml/decode.ts modelDetailPixels).
VIEWS = ("full", "detail")


def view_preprocessing(view: str) -> str:
    """A model card's description of its input in a view (the app reads the card's `view` to pick the function)."""
    fitted = {"full": "fitted (contain) into 128x128",
              "detail": "fitted into 256x256, cropped to the product's bounding box (at least 128 px a side), fitted into 120x120 "
                        "with a 4 px margin (lib/ml/decode.ts modelDetailPixels)"}[view]
    return f"RGB flattened on #f6f4f1, {fitted}, /255, (x-{MEAN})/{STD}, CHW (common/images.py)"


def _decode_png(path: Path) -> np.ndarray:
    # torchvision's decoder is in Debian's python3-torchvision; no PIL needed.
    from torchvision.io import ImageReadMode, read_image

    return read_image(str(path), mode=ImageReadMode.RGB).permute(1, 2, 0).numpy()


def load_image_cache(world: str | Path, ids: Sequence[str], size: int) -> Tuple[np.ndarray, Dict[str, int]]:
    """Returns (images uint8 (N, size, size, 3), id -> row) for the given ids, building the cache if needed."""
    world = Path(world)
    cache = world / f"images-{size}.npy"
    index_file = world / f"images-{size}.json"
    old: List[str] = []
    if cache.exists() and index_file.exists():
        old = json.loads(index_file.read_text())
        if set(ids) <= set(old):
            array = np.load(cache, mmap_mode="r")
            return array, {pid: i for i, pid in enumerate(old)}
    # The cache grows to hold what it held and what is asked (a world's training ids and a gallery's differ), and
    # what it held is copied, not decoded again.
    index = list(dict.fromkeys([*old, *ids]))
    held = np.load(cache, mmap_mode="r") if old else None
    array = np.zeros((len(index), size, size, 3), dtype=np.uint8)
    for i, pid in enumerate(index):
        if i < len(old):
            array[i] = held[i]
            continue
        image = _decode_png(world / "images" / f"{pid}.png")
        if image.shape[:2] != (size, size):
            raise ValueError(f"{pid}.png is {image.shape[1]}x{image.shape[0]}, expected {size}x{size}: re-export the world at --size {size}")
        array[i] = image
    del held
    # Written beside and moved into place, so an interrupted build never leaves a cache that disagrees with its index.
    np.save(cache.with_suffix(".tmp.npy"), array)
    index_file.with_suffix(".tmp").write_text(json.dumps(index))
    cache.with_suffix(".tmp.npy").replace(cache)
    index_file.with_suffix(".tmp").replace(index_file)
    return array, {pid: i for i, pid in enumerate(index)}


def to_tensor(batch: np.ndarray) -> torch.Tensor:
    """uint8 (B, H, W, 3) -> normalised float (B, 3, H, W)."""
    x = torch.from_numpy(np.ascontiguousarray(batch)).float().div_(255.0)
    return x.permute(0, 3, 1, 2).sub_(MEAN).div_(STD)


def augment(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Label-preserving jitter for flats: horizontal flip and a small shift and zoom. No colour jitter (colour is a label)."""
    b = x.shape[0]
    flip = torch.rand(b, generator=generator) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    scale = 1 + (torch.rand(b, generator=generator) - 0.5) * 0.16
    shift = (torch.rand(b, 2, generator=generator) - 0.5) * 0.12
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0] = scale
    theta[:, 1, 1] = scale
    theta[:, :, 2] = shift
    grid = torch.nn.functional.affine_grid(theta, list(x.shape), align_corners=False)
    background = (0.965 - MEAN) / STD  # the flats' paper colour, roughly
    return torch.nn.functional.grid_sample(x - background, grid, align_corners=False, padding_mode="zeros") + background
