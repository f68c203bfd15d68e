"""Try-on evaluation on the paired test cases (the same figure in outfit X, the input, and in outfit Y, the ground
truth; Y's catalogue flats as the garments): garment-region IoU and SSIM for O-VITON and for warp-and-paste.

  /usr/bin/python3 -m training.tryon.evaluate [--weights models/tryon/weights.pt] [--data training/data/tryon]

IoU: per test case, for each garment label Y wears (top, bottom, one_piece, outerwear), IoU of the predicted region
(the shape network's argmax layout; the baseline's pasted, visible flat) with Y's ground-truth region, averaged over
the case's garments, then over cases. SSIM: the output image against Y's image, RGB in [0, 1], 11×11 Gaussian
window (σ 1.5), averaged over the whole 192×256 frame and the three channels, then over cases.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import torch

from training.tryon.baseline import baseline_flats, warp_and_paste
from training.tryon.data import TestCase, kept_person, load_test, one_hot, to_unit
from training.tryon.io import PARSE_LABELS
from training.tryon.loss import ssim
from training.tryon.model import AppearanceNet, ShapeNet

DEFAULT_DATA = Path("training/data/tryon")


def load_model(weights: Path):
    state = torch.load(weights, map_location="cpu", weights_only=False)
    shape = ShapeNet(**state["shape_args"])
    shape.load_state_dict(state["shape"])
    appearance = AppearanceNet(**state["appearance_args"])
    appearance.load_state_dict(state["appearance"])
    return shape.eval(), appearance.eval(), state


def region_iou(pred: Dict[str, np.ndarray], truth: np.ndarray, slots: List[str]) -> float:
    scores = []
    for slot in slots:
        p, t = pred[slot], truth == PARSE_LABELS[slot]
        union = (p | t).sum()
        scores.append(float((p & t).sum() / union) if union else 1.0)
    return float(np.mean(scores))


def image_ssim(a: np.ndarray, b: np.ndarray) -> float:
    """a, b (3, H, W) uint8."""
    ta, tb = (torch.from_numpy(x.astype(np.float32) / 255)[None] for x in (a, b))
    return float(ssim(ta, tb)[0])


@torch.no_grad()
def try_on(shape: ShapeNet, appearance: AppearanceNet, case: TestCase):
    """-> layout (H, W) int64, image (3, H, W) uint8: the two networks as the app chains them."""
    body = torch.from_numpy(case.body)[None]
    garments = torch.from_numpy(case.garments)[None]
    layout = shape(body, garments).argmax(1)  # (1, H, W)
    person = kept_person(torch.from_numpy(to_unit(case.x.rgb))[None], torch.from_numpy(case.x.labels.astype(np.int64))[None],
                         torch.from_numpy(case.x.keep.astype(np.float32))[None], layout)
    image = appearance(one_hot(layout), person, garments)[0]
    return layout[0].numpy(), ((image + 1) * 127.5).round().clamp(0, 255).byte().numpy()


def evaluate(weights: str = "models/tryon/weights.pt", data: str = str(DEFAULT_DATA), limit: int = 0,
             keep_outputs: bool = False) -> dict:
    shape, appearance, state = load_model(Path(weights))
    cases = load_test(Path(data), limit)
    rows: Dict[str, Dict[str, List[float]]] = {"model": {"iou": [], "ssim": []}, "baseline": {"iou": [], "ssim": []}}
    kinds: Dict[str, List[float]] = {}
    outputs = []
    for case in cases:
        slots = list(case.target)
        layout, image = try_on(shape, appearance, case)
        model_iou = region_iou({s: layout == PARSE_LABELS[s] for s in slots}, case.y.labels, slots)
        rows["model"]["iou"].append(model_iou)
        rows["model"]["ssim"].append(image_ssim(image, case.y.rgb))
        pasted, masks = warp_and_paste(case.x, case.keypoints, baseline_flats(Path(data), case.target), state["calibration"])
        rows["baseline"]["iou"].append(region_iou(masks, case.y.labels, slots))
        rows["baseline"]["ssim"].append(image_ssim(pasted, case.y.rgb))
        kinds.setdefault(case.kind, []).append(model_iou)
        if keep_outputs:
            outputs.append((case, layout, image, pasted))
    metrics = {name: {k: round(float(np.mean(v)), 4) for k, v in m.items()} for name, m in rows.items()}
    metrics["cases"] = len(cases)
    metrics["modelIouByKind"] = {k: round(float(np.mean(v)), 4) for k, v in sorted(kinds.items())}
    if keep_outputs:
        metrics["_outputs"] = outputs
    return metrics


def main(argv: Optional[List[str]] = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", default="models/tryon/weights.pt")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=0, help="first N test cases only (0: all)")
    args = parser.parse_args(argv)
    metrics = evaluate(args.weights, args.data, args.limit)
    print(json.dumps(metrics))
    return metrics


if __name__ == "__main__":
    main()
