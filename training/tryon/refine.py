"""Inference-time appearance refinement, a bounded and cheaper stand-in for O-VITON's per-request fine-tuning.

The paper fine-tunes the appearance generator on the requested garments before rendering them (so logos and
patterns survive). Here only the per-slot appearance codes move (S×D numbers, not ~0.4 M weights), for a fixed
number of Adam steps, on the same self-supervision the paper uses: each garment's flat is rendered as its own layout
(the flat's mask labelled with its slot, no person pixels) and the output must reproduce the flat inside its mask.
The refined codes then render the try-on. Measured by `python3 -m training.tryon.refine` (quality and time).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import List, Optional

import numpy as np
import torch

from training.tryon.data import kept_person, load_test, one_hot, to_unit
from training.tryon.evaluate import DEFAULT_DATA, image_ssim, load_model
from training.tryon.io import GARMENT_SLOTS_TRYON, SLOT_LABELS
from training.tryon.model import AppearanceNet


def refine_codes(appearance: AppearanceNet, garments: torch.Tensor, steps: int = 5, lr: float = 0.05) -> torch.Tensor:
    """garments (1, 16, H, W) -> refined codes (1, S, D)."""
    with torch.no_grad():
        codes = appearance.encoder(garments)  # (1, S, D)
    present = [i for i in range(len(GARMENT_SLOTS_TRYON)) if garments[0, 4 * i + 3].max() > 0.5]
    if not present or steps <= 0:
        return codes
    codes = codes.clone().requires_grad_(True)
    opt = torch.optim.Adam([codes], lr=lr)
    # One self-reconstruction image per worn slot: the flat's mask as that slot's region, background elsewhere.
    layouts, targets, masks = [], [], []
    for i in present:
        mask = garments[0, 4 * i + 3]
        labels = torch.where(mask > 0.5, torch.tensor(SLOT_LABELS[i]), torch.tensor(0)).long()
        layouts.append(one_hot(labels[None])[0])
        targets.append(garments[0, 4 * i:4 * i + 3])
        masks.append(mask[None])
    layout, target, mask = torch.stack(layouts), torch.stack(targets), torch.stack(masks)
    person = torch.zeros_like(target)
    for p in appearance.parameters():
        p.requires_grad_(False)
    for _ in range(steps):
        image = appearance.render(layout, person, codes.expand(len(present), -1, -1))
        loss = (mask * (image - target).abs()).sum() / mask.sum().clamp_min(1) / 3
        opt.zero_grad()
        loss.backward()
        opt.step()
    for p in appearance.parameters():
        p.requires_grad_(True)
    return codes.detach()


def main(argv: Optional[List[str]] = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", default="models/tryon/weights.pt")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--lr", type=float, default=0.05)
    args = parser.parse_args(argv)
    shape, appearance, _ = load_model(Path(args.weights))
    rows = {"plain": [], "refined": [], "seconds": []}
    for case in load_test(Path(args.data), args.limit):
        body, garments = torch.from_numpy(case.body)[None], torch.from_numpy(case.garments)[None]
        with torch.no_grad():
            layout = shape(body, garments).argmax(1)
            person = kept_person(torch.from_numpy(to_unit(case.x.rgb))[None], torch.from_numpy(case.x.labels.astype(np.int64))[None],
                                 torch.from_numpy(case.x.keep.astype(np.float32))[None], layout)
            plain = appearance(one_hot(layout), person, garments)
        started = time.time()
        codes = refine_codes(appearance, garments, args.steps, args.lr)
        with torch.no_grad():
            refined = appearance.render(one_hot(layout), person, codes)
        rows["seconds"].append(time.time() - started)
        as_bytes = lambda t: ((t[0] + 1) * 127.5).round().clamp(0, 255).byte().numpy()  # noqa: E731
        rows["plain"].append(image_ssim(as_bytes(plain), case.y.rgb))
        rows["refined"].append(image_ssim(as_bytes(refined), case.y.rgb))
    result = {"cases": len(rows["plain"]), "steps": args.steps, "lr": args.lr, "ssimPlain": round(float(np.mean(rows["plain"])), 4),
              "ssimRefined": round(float(np.mean(rows["refined"])), 4), "secondsPerRequest": round(float(np.mean(rows["seconds"])), 2)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
