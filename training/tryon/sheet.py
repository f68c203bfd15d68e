"""A results sheet for looking at try-on: per test case, input person | garments | predicted layout | output |
ground truth | warp-and-paste baseline.

  /usr/bin/python3 -m training.tryon.sheet [--weights models/tryon/weights.pt] [--out docs/tryon-results.png]
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import List, Optional

import numpy as np
from PIL import Image, ImageDraw

from training.tryon.evaluate import DEFAULT_DATA, evaluate
from training.tryon.io import GARMENT_SLOTS_TRYON, HEIGHT, WIDTH

# LABEL_PREVIEW_COLOURS (lib/tryon/labels.ts)
PREVIEW = np.array([[246, 244, 241], [92, 58, 40], [240, 196, 160], [214, 160, 120], [60, 110, 200], [40, 150, 110],
                    [200, 70, 150], [230, 140, 40], [40, 40, 40]], dtype=np.uint8)
COLUMNS = ["input person", "garments (flats)", "predicted layout", "try-on output", "ground truth", "warp-and-paste"]


def hwc(chw: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(chw.transpose(1, 2, 0))


def garments_tile(garments: np.ndarray) -> np.ndarray:
    """(16, H, W) float -> (H, W, 3) uint8: the four slots at half size, 2×2, light background where empty."""
    tile = np.full((HEIGHT, WIDTH, 3), 230, dtype=np.uint8)
    for i in range(len(GARMENT_SLOTS_TRYON)):
        rgb, mask = garments[4 * i:4 * i + 3], garments[4 * i + 3]
        if mask.max() < 0.5:
            continue
        img = np.where(mask[None] > 0.5, (rgb + 1) * 127.5, 250).clip(0, 255).astype(np.uint8)
        small = np.asarray(Image.fromarray(hwc(img)).resize((WIDTH // 2, HEIGHT // 2), Image.BILINEAR))
        y, x = (i // 2) * HEIGHT // 2, (i % 2) * WIDTH // 2
        tile[y:y + HEIGHT // 2, x:x + WIDTH // 2] = small
    return tile


def main(argv: Optional[List[str]] = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", default="models/tryon/weights.pt")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--cases", type=int, default=8)
    parser.add_argument("--out", default="docs/tryon-results.png")
    args = parser.parse_args(argv)
    metrics = evaluate(args.weights, args.data, args.cases, keep_outputs=True)
    rows = metrics["_outputs"]
    head = 18
    sheet = Image.new("RGB", (WIDTH * len(COLUMNS), head + HEIGHT * len(rows)), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for c, name in enumerate(COLUMNS):
        draw.text((c * WIDTH + 4, 3), name, fill=(0, 0, 0))
    for r, (case, layout, image, pasted) in enumerate(rows):
        tiles = [hwc(case.x.rgb), garments_tile(case.garments), PREVIEW[layout], hwc(image), hwc(case.y.rgb), hwc(pasted)]
        for c, tile in enumerate(tiles):
            sheet.paste(Image.fromarray(tile), (c * WIDTH, head + r * HEIGHT))
        draw.text((4, head + r * HEIGHT + 2), f"{case.name} {case.kind}", fill=(200, 0, 0))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    print(f"wrote {out} ({len(rows)} cases)")
    return out


if __name__ == "__main__":
    main()
