"""The try-on baseline: keypoint-driven warp-and-paste with no shape network. Each garment's catalogue flat is
fitted to the body by an axis-aligned affine warp whose box comes from the keypoints (shoulders for tops, one-pieces
and outerwear, hips for bottoms; torso length as the unit) and the flat's own aspect, then pasted over the person
(bottom, top, one-piece, outerwear, in the figure generator's drawing order). The box's three ratios per slot are
medians measured on the training figures (calibrate()), so the baseline is as well fitted as a fixed warp can be."""
from __future__ import annotations

from typing import Dict, List, Tuple

import numpy as np
import torch
import torch.nn.functional as F

from training.tryon.data import Figure, TrainSet, read_flat
from training.tryon.io import GARMENT_SLOTS_TRYON, HEIGHT, KP, PARSE_LABELS, WIDTH

PASTE_ORDER = ("bottom", "top", "one_piece", "outerwear")


def anchors(keypoints: List[List[float]], slot: str) -> Tuple[float, float, float]:
    """(centre x, anchor y, torso length) in frame pixels: shoulders for upper garments, hips for bottoms."""
    k = np.asarray(keypoints, dtype=np.float64)
    shoulder = (k[KP["left_shoulder"], :2] + k[KP["right_shoulder"], :2]) / 2
    hip = (k[KP["left_hip"], :2] + k[KP["right_hip"], :2]) / 2
    torso = max(4.0, float(np.hypot(*(hip - shoulder))))
    centre = hip if slot == "bottom" else shoulder
    return float(centre[0]), float(centre[1]), torso


def box_of(mask: np.ndarray):
    ys, xs = np.nonzero(mask)
    if len(ys) == 0:
        return None
    return xs.min(), ys.min(), xs.max() + 1, ys.max() + 1


def calibrate(train: TrainSet, limit: int = 600) -> Dict[str, List[float]]:
    """Per slot: [width / torso, (top - anchor y) / torso, worn aspect / flat aspect], medians over training figures."""
    samples: Dict[str, List[List[float]]] = {s: [] for s in GARMENT_SLOTS_TRYON}
    for fig, meta in list(zip(train.figures, train.meta))[:limit]:
        for slot, pid in meta["garments"].items():
            worn, flat = box_of(fig.labels == PARSE_LABELS[slot]), box_of(train.flats[pid][3] > 127)
            if worn is None or flat is None:
                continue
            cx, ay, torso = anchors(meta["keypoints"], slot)
            ww, wh = worn[2] - worn[0], worn[3] - worn[1]
            fw, fh = flat[2] - flat[0], flat[3] - flat[1]
            samples[slot].append([ww / torso, (worn[1] - ay) / torso, (wh / ww) / (fh / fw)])
    return {s: np.median(np.asarray(v), 0).tolist() if v else [1.5, 0.0, 1.0] for s, v in samples.items()}


def warp_flat(flat: np.ndarray, box: Tuple[float, float, float, float]) -> Tuple[np.ndarray, np.ndarray]:
    """The flat's garment box mapped onto `box` (x0, y0, x1, y1) in the frame: RGB (3, H, W) uint8 and mask (H, W)."""
    fb = box_of(flat[3] > 127)
    x0, y0, x1, y1 = box
    # Frame pixel centre -> flat pixel: linear in x and y (axis-aligned affine), as a normalised sampling grid.
    xs = (np.arange(WIDTH) + 0.5 - x0) / max(x1 - x0, 1e-3) * (fb[2] - fb[0]) + fb[0]
    ys = (np.arange(HEIGHT) + 0.5 - y0) / max(y1 - y0, 1e-3) * (fb[3] - fb[1]) + fb[1]
    gx = torch.from_numpy(xs / WIDTH * 2 - 1).float()[None, :].expand(HEIGHT, WIDTH)
    gy = torch.from_numpy(ys / HEIGHT * 2 - 1).float()[:, None].expand(HEIGHT, WIDTH)
    grid = torch.stack([gx, gy], -1)[None]  # (1, H, W, 2)
    src = torch.from_numpy(flat.astype(np.float32))[None]
    rgb = F.grid_sample(src[:, :3], grid, mode="bilinear", align_corners=False)[0]
    mask = F.grid_sample(src[:, 3:], grid, mode="nearest", align_corners=False)[0, 0] > 127
    return rgb.round().clamp(0, 255).byte().numpy(), mask.numpy()


def warp_and_paste(person: Figure, keypoints: List[List[float]], flats: Dict[str, np.ndarray],
                   calibration: Dict[str, List[float]]) -> Tuple[np.ndarray, Dict[str, np.ndarray]]:
    """-> output RGB (3, H, W) uint8 and each pasted garment's visible mask (later pastes cover earlier ones)."""
    out = person.rgb.copy()
    masks: Dict[str, np.ndarray] = {}
    for slot in PASTE_ORDER:
        if slot not in flats:
            continue
        width_ratio, top_ratio, aspect_gain = calibration[slot]
        cx, ay, torso = anchors(keypoints, slot)
        fb = box_of(flats[slot][3] > 127)
        width = width_ratio * torso
        height = width * (fb[3] - fb[1]) / (fb[2] - fb[0]) * aspect_gain
        top = ay + top_ratio * torso
        rgb, mask = warp_flat(flats[slot], (cx - width / 2, top, cx + width / 2, top + height))
        out[:, mask] = rgb[:, mask]
        for other in masks.values():
            other &= ~mask
        masks[slot] = mask
    return out, masks


def baseline_flats(root, target: Dict[str, str]) -> Dict[str, np.ndarray]:
    return {slot: read_flat(root, pid) for slot, pid in target.items()}
