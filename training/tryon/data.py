"""Try-on data: frame-space figures written by `npm run tryon:export-train` (lib/tryon/export-tryon.ts), turned into
the networks' tensors (training/tryon/io.py). The body model's heatmaps are computed here from the exported frame
keypoints exactly as bodyModelTensor() does (a test checks them against the TS tensor); person and keep masks are
the TS body model's own."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import torch
import torch.nn.functional as F

from training.tryon.io import (GARMENT_SLOTS_TRYON, HEATMAP_SIGMA, HEIGHT, KEPT_LABELS, KEYPOINT_SCORE_THRESHOLD, N_LABELS,
                               PARSE_LABELS, WIDTH)

PLANE = WIDTH * HEIGHT


@dataclass
class Figure:
    rgb: np.ndarray  # (3, H, W) uint8
    labels: np.ndarray  # (H, W) uint8
    person: np.ndarray  # (H, W) uint8 0/1
    keep: np.ndarray  # (H, W) uint8 0/1


def read_figure(path: Path) -> Figure:
    raw = np.fromfile(path, dtype=np.uint8)
    assert raw.size == 6 * PLANE, f"{path}: {raw.size} bytes"
    return Figure(raw[:3 * PLANE].reshape(3, HEIGHT, WIDTH), raw[3 * PLANE:4 * PLANE].reshape(HEIGHT, WIDTH),
                  raw[4 * PLANE:5 * PLANE].reshape(HEIGHT, WIDTH), raw[5 * PLANE:].reshape(HEIGHT, WIDTH))


def read_flat(root: Path, product_id: str) -> np.ndarray:
    """(4, H, W) uint8: RGB on black, mask 0/255."""
    return np.fromfile(root / "flats" / f"{product_id}.bin", dtype=np.uint8).reshape(4, HEIGHT, WIDTH)


def heatmaps(keypoints: List[List[float]], sigma: float = HEATMAP_SIGMA) -> np.ndarray:
    """(17, H, W) float32, the same loops and float64 arithmetic as bodyModelTensor() (lib/tryon/body-model.ts)."""
    out = np.zeros((len(keypoints), HEIGHT, WIDTH), dtype=np.float32)
    reach = math.ceil(3 * sigma)
    for c, (kx, ky, score) in enumerate(keypoints):
        if score < KEYPOINT_SCORE_THRESHOLD:
            continue
        y0, y1 = max(0, math.floor(ky - reach)), min(HEIGHT, math.ceil(ky + reach))
        x0, x1 = max(0, math.floor(kx - reach)), min(WIDTH, math.ceil(kx + reach))
        if y0 >= y1 or x0 >= x1:
            continue
        ys = np.arange(y0, y1, dtype=np.float64)[:, None] + 0.5 - ky
        xs = np.arange(x0, x1, dtype=np.float64)[None, :] + 0.5 - kx
        out[c, y0:y1, x0:x1] = np.exp(-(xs ** 2 + ys ** 2) / (2 * sigma * sigma))
    return out


def body_tensor(keypoints: List[List[float]], figure: Figure) -> np.ndarray:
    """(19, H, W) float32: 17 heatmaps + person mask + keep mask."""
    return np.concatenate([heatmaps(keypoints), figure.person[None].astype(np.float32), figure.keep[None].astype(np.float32)])


def flat_slot(flat: np.ndarray) -> np.ndarray:
    """(4, H, W) uint8 flat -> (4, H, W) float32 slot: RGB in [-1, 1], mask 0/1 (network-io.ts)."""
    rgb = flat[:3].astype(np.float32) / 127.5 - 1.0
    return np.concatenate([rgb, (flat[3:] > 127).astype(np.float32)])


def worn_slot(figure: Figure, label: int) -> Optional[np.ndarray]:
    """The garment as worn, cut out of the person by its label and laid like a flat: its box contain-fitted into the
    central W×W square of the frame, black around it. None when the label is (almost) absent."""
    mask = figure.labels == label
    if mask.sum() < 30:
        return None
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    rgb = figure.rgb[:, y0:y1, x0:x1].astype(np.float32) * mask[None, y0:y1, x0:x1]
    crop = torch.from_numpy(np.concatenate([rgb, mask[None, y0:y1, x0:x1].astype(np.float32) * 255]))[None]
    h, w = y1 - y0, x1 - x0
    scale = min(WIDTH / w, WIDTH / h)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    crop = F.interpolate(crop, size=(nh, nw), mode="bilinear", align_corners=False)[0].numpy()
    out = np.zeros((4, HEIGHT, WIDTH), dtype=np.uint8)
    top, left = (HEIGHT - nh) // 2, (WIDTH - nw) // 2
    out[:, top:top + nh, left:left + nw] = np.clip(np.round(crop), 0, 255).astype(np.uint8)
    return flat_slot(out)


def garments_tensor(slots: Dict[str, np.ndarray]) -> np.ndarray:
    """(16, H, W) float32 from {slot: (4, H, W) float32 slot}; an absent slot is all zeros."""
    out = np.zeros((4 * len(GARMENT_SLOTS_TRYON), HEIGHT, WIDTH), dtype=np.float32)
    for i, slot in enumerate(GARMENT_SLOTS_TRYON):
        if slot in slots:
            out[4 * i:4 * i + 4] = slots[slot]
    return out


def to_unit(rgb: np.ndarray) -> np.ndarray:
    return rgb.astype(np.float32) / 127.5 - 1.0


def one_hot(labels: torch.Tensor) -> torch.Tensor:
    """(B, H, W) int64 -> (B, 9, H, W) float32."""
    return F.one_hot(labels, N_LABELS).permute(0, 3, 1, 2).float()


def kept_person(person: torch.Tensor, source_labels: torch.Tensor, keep: torch.Tensor, layout: torch.Tensor) -> torch.Tensor:
    """The appearance network's `person` input: the photo where it must survive (the keep mask, and hair, face, skin
    and shoes wherever the new layout still shows the same label), zero elsewhere.
    person (B, 3, H, W) in [-1, 1]; source_labels and layout (B, H, W) int64; keep (B, H, W) float."""
    same = torch.zeros_like(keep, dtype=torch.bool)
    for label in KEPT_LABELS:
        same |= (source_labels == label) & (layout == label)
    mask = (same | (keep > 0.5)).float()[:, None]
    return person * mask


class TrainSet:
    """Training figures in memory (uint8), single-image pairs: the target is the figure itself."""

    def __init__(self, root: Path, limit: int = 0) -> None:
        self.root = Path(root)
        files = sorted((self.root / "train").glob("*.bin"))
        if limit:
            files = files[:limit]
        self.figures = [read_figure(f) for f in files]
        self.meta = [json.loads(f.with_suffix(".json").read_text()) for f in files]
        ids = sorted({pid for m in self.meta for pid in m["garments"].values()})
        self.flats = {pid: read_flat(self.root, pid) for pid in ids}  # uint8: converted per sample, to save memory

    def __len__(self) -> int:
        return len(self.figures)

    def sample(self, i: int, rng: np.random.Generator, worn_share: float) -> Dict[str, np.ndarray]:
        fig, meta = self.figures[i], self.meta[i]
        slots = {}
        for slot, pid in meta["garments"].items():
            worn = worn_slot(fig, PARSE_LABELS[slot]) if rng.random() < worn_share else None
            slots[slot] = worn if worn is not None else flat_slot(self.flats[pid])
        return {"body": body_tensor(meta["keypoints"], fig), "garments": garments_tensor(slots), "labels": fig.labels.astype(np.int64),
                "person": to_unit(fig.rgb), "keep": fig.keep.astype(np.float32)}

    def batch(self, indices: List[int], rng: np.random.Generator, worn_share: float) -> Dict[str, torch.Tensor]:
        samples = [self.sample(i, rng, worn_share) for i in indices]
        return {k: torch.from_numpy(np.stack([s[k] for s in samples])) for k in samples[0]}


@dataclass
class TestCase:
    name: str
    kind: str
    body: np.ndarray  # (19, H, W) of X
    garments: np.ndarray  # (16, H, W): Y's catalogue flats
    x: Figure
    y: Figure
    keypoints: List[List[float]]
    target: Dict[str, str]


def load_test(root: Path, limit: int = 0) -> List[TestCase]:
    root = Path(root)
    cases = []
    for meta_path in sorted((root / "test").glob("*.json"))[: limit or None]:
        meta = json.loads(meta_path.read_text())
        x = read_figure(meta_path.with_name(meta_path.stem + "_x.bin"))
        y = read_figure(meta_path.with_name(meta_path.stem + "_y.bin"))
        garments = garments_tensor({s: flat_slot(read_flat(root, pid)) for s, pid in meta["target"].items()})
        cases.append(TestCase(meta_path.stem, meta["kind"], body_tensor(meta["keypoints"], x), garments, x, y, meta["keypoints"], meta["target"]))
    return cases
