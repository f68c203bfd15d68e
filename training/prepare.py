"""Makes sure the generated world (images + products) and the data sets exist, building what is missing.

The world is the catalogue generator's output (TypeScript, scripts/catalogue/export.ts) at the training size;
the data sets are built from it by export_datasets.py. Both are deterministic, so they are rebuilt, not stored.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Tuple

WORLD = Path("training/data/world")
SETS = Path("training/data/sets")
WORLD_COUNT = 6000
SEED = 1
IMAGE_SIZE = 128


def ensure_data(world: Path = WORLD, sets: Path = SETS, count: int = WORLD_COUNT, seed: int = SEED) -> Tuple[Path, Path]:
    if not (world / "READY").exists():
        print(f"drawing the training world: {count} products at {IMAGE_SIZE} px (about a minute)", flush=True)
        subprocess.run(["npx", "tsx", "scripts/catalogue/export.ts", "--out", str(world), "--count", str(count),
                        "--seed", str(seed), "--size", str(IMAGE_SIZE)], check=True)
        (world / "READY").write_text("")
    if not (sets / "manifest.json").exists():
        subprocess.run([sys.executable, "training/export_datasets.py", "--world", str(world), "--out", str(sets), "--seed", str(seed)], check=True)
    return world, sets


TAGGER_WORLD = Path("training/data/world-tagger")
TAGGER_WORLD_COUNT = 30000


def ensure_tagger_world(world: Path = WORLD, out: Path = TAGGER_WORLD, count: int = TAGGER_WORLD_COUNT, seed: int = SEED) -> Path:
    """The larger world the tagger v2 trains on: the same generator and seed, so its first WORLD_COUNT products are
    WORLD's (their images are copied, not redrawn) and WORLD's families can keep their split (products.py
    split_families_extending). About five minutes to draw the rest."""
    if not (out / "READY").exists():
        print(f"drawing the tagger world: {count} products at {IMAGE_SIZE} px", flush=True)
        if (world / "images").exists():
            shutil.copytree(world / "images", out / "images", dirs_exist_ok=True)
        subprocess.run(["npx", "tsx", "scripts/catalogue/export.ts", "--out", str(out), "--count", str(count),
                        "--seed", str(seed), "--size", str(IMAGE_SIZE)], check=True)
        (out / "READY").write_text("")
    return out


CSA_SETS = Path("training/data/sets-csa")
CSA_OUTFITS = 30000


def ensure_outfit_sets(world: Path = WORLD, out: Path = CSA_SETS, outfits: int = CSA_OUTFITS, seed: int = SEED) -> Path:
    """The larger outfit set CSA-Net trains on: same world and seed, so the same product-family split as SETS
    (no test product is in a training outfit); few triplets, since only the outfits are read."""
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, "training/export_datasets.py", "--world", str(world), "--out", str(out), "--seed", str(seed),
                        "--n-outfits", str(outfits), "--n-triplets", "100"], check=True)
    return out


TRYON = Path("training/data/tryon")
TRYON_TRAIN, TRYON_TEST = 3000, 120


def ensure_tryon_data(out: Path = TRYON, train: int = TRYON_TRAIN, test: int = TRYON_TEST, seed: int = SEED) -> Path:
    """Try-on figures in the body-model frame and the paired test cases (lib/tryon/export-tryon.ts; ~6 min)."""
    if not (out / "READY").exists():
        print(f"drawing try-on figures: {train} training figures, {test} paired test cases", flush=True)
        subprocess.run(["npx", "tsx", "scripts/tryon/export-tryon.ts", "--out", str(out), "--train", str(train), "--test", str(test),
                        "--seed", str(seed)], check=True)
        (out / "READY").write_text("")
    return out
