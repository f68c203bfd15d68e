"""Makes sure the generated world (images + products) and the data sets exist, building what is missing.

The world is the catalogue generator's output (TypeScript, scripts/catalogue/export.ts) at the training size;
the data sets are built from it by export_datasets.py. Both are deterministic, so they are rebuilt, not stored.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional, Tuple

WORLD = Path("training/data/world")
SETS = Path("training/data/sets")
WORLD_COUNT = 6000
SEED = 1
IMAGE_SIZE = 128


def ensure_data(world: Path = WORLD, sets: Path = SETS, count: int = WORLD_COUNT, seed: int = SEED) -> Tuple[Path, Path]:
    draw_world(world, count, seed, label="the training world (about a minute)")
    if not (sets / "manifest.json").exists():
        subprocess.run([sys.executable, "training/export_datasets.py", "--world", str(world), "--out", str(sets), "--seed", str(seed)], check=True)
    return world, sets


def draw_world(out: Path, count: int, seed: int, view: str = "full", copy_from: Optional[Path] = None, label: str = "") -> Path:
    """Draws a world once (a READY file marks it done and holds its product count). A larger world of the same
    generator and seed holds the smaller one's products first, so asking for more products than a world has extends
    it (the export draws only the missing images), asking for fewer uses it as it is, and `copy_from`'s images are
    copied instead of redrawn."""
    if drawn_count(out) < count:
        print(f"drawing {label or out}: {count} products at {IMAGE_SIZE} px, {view} view", flush=True)
        if copy_from and (copy_from / "images").exists():
            shutil.copytree(copy_from / "images", out / "images", dirs_exist_ok=True)
        subprocess.run(["npx", "tsx", "--import", "./scripts/db/server-only-hook.mjs", "scripts/catalogue/export.ts", "--out", str(out),
                        "--count", str(count), "--seed", str(seed), "--size", str(IMAGE_SIZE), "--view", view], check=True)
        (out / "READY").write_text(str(count))
    return out


def drawn_count(world: Path) -> int:
    """How many products a finished world holds (0 if unfinished; an old empty READY file counts its products)."""
    ready = world / "READY"
    if not ready.exists():
        return 0
    text = ready.read_text().strip()
    return int(text) if text else sum(1 for line in open(world / "products.jsonl") if line.strip())


TAGGER_WORLD = Path("training/data/world-tagger")
TAGGER_WORLD_COUNT = 30000


def ensure_tagger_world(world: Path = WORLD, out: Path = TAGGER_WORLD, count: int = TAGGER_WORLD_COUNT, seed: int = SEED) -> Path:
    """The larger world the tagger v2 trains on: the same generator and seed, so its first WORLD_COUNT products are
    WORLD's and WORLD's families can keep their split (products.py split_families_extending). About five minutes."""
    return draw_world(out, count, seed, copy_from=world, label="the tagger world")


DETAIL_WORLD = Path("training/data/world-detail")
DETAIL_WORLD_COUNT = 60000


def ensure_detail_world(out: Path = DETAIL_WORLD, count: int = DETAIL_WORLD_COUNT, seed: int = SEED) -> Path:
    """The world the tagger v3 and v4 read, in the detail view: each flat drawn at twice the size and cropped to the
    product (lib/ml/decode.ts modelDetailPixels, the function the catalogue import runs). Its first TAGGER_WORLD_COUNT
    products are the tagger world's (the v3 trains on those, the v4 on all), its first WORLD_COUNT are WORLD's, so
    CSA-Net and the evaluation read WORLD's products from here too (they ask only for those). About eight minutes
    for all of it."""
    return draw_world(out, count, seed, view="detail", label="the detail world")


# The largest world any model here trained on: the tagger v4's, the detail world's first DETAIL_WORLD_COUNT products.
TRAINED_WORLD_COUNT = DETAIL_WORLD_COUNT
GALLERY_WORLD_COUNT = 125000


def ensure_gallery_world(count: int = GALLERY_WORLD_COUNT) -> Path:
    """A catalogue-sized world for Refine's attribute precision (refine/evaluate.py catalogue_gallery): the detail
    world drawn on to `count` products. The same generator and seed draw the same products first, so the families
    past its first TRAINED_WORLD_COUNT products are new to every model (about 65,000 products). VAL reads the detail
    view, so the gallery is drawn in it only. About ten minutes beyond the tagger's 60,000 (twenty from nothing)."""
    return ensure_detail_world(count=count)


def images_for_view(view: str, world: Path = WORLD) -> Path:
    """Where a world's images are found in a view (common/images.py VIEWS): the world itself, or the detail world.
    Every world here is drawn by the same generator and seed, so the detail world's first N products are those of a
    world of N (WORLD's, the gallery world's: the same ids); it is extended to the world's size when smaller."""
    if view == "full":
        return Path(world)
    if view == "detail":
        return ensure_detail_world(count=drawn_count(Path(world)) or WORLD_COUNT)
    raise ValueError(f"unknown view {view!r}")


CSA_SETS = Path("training/data/sets-csa")
CSA_WORLD_COUNT = 30000
CSA_OUTFITS = 90000


def ensure_outfit_sets(world: Path = WORLD, out: Path = CSA_SETS, outfits: int = CSA_OUTFITS, count: int = CSA_WORLD_COUNT,
                       seed: int = SEED, source: Optional[Path] = None) -> Tuple[Path, Path]:
    """The larger outfit set CSA-Net trains on, and the world it reads: `source` (default: the detail world's first
    `count` products, drawn on when smaller), split so that `world`'s families keep their split (products.py
    nested_split), so no val or test product of SETS is in a training outfit; few triplets, since only the outfits
    are read. Five times the products of `world` (1.3.0 trained on `world`'s 4,863): the encoder MLP overfitted
    those, at 0.81 train FITB against 0.66 on validation. Re-exported when the recipe changes."""
    return _extended_sets(world, out, count, seed, source, n_outfits=outfits, n_triplets=100)


REFINE_SETS = Path("training/data/sets-refine")
REFINE_WORLD_COUNT = 60000
REFINE_TRIPLETS = 120000


def ensure_refine_sets(world: Path = WORLD, out: Path = REFINE_SETS, triplets: int = REFINE_TRIPLETS, count: int = REFINE_WORLD_COUNT,
                       seed: int = SEED, source: Optional[Path] = None) -> Tuple[Path, Path]:
    """The larger triplet set VAL and its baselines train on (two pairs a product, as SETS), and the world it reads,
    split like ensure_outfit_sets's: SETS's val and test products are val and test here too, so the comparison on
    SETS's test split still sees only unseen products; few outfits, since only the triplets are read. The detail
    world's first 60,000 products (the tagger v4's; ten times `world`): on the validation split's catalogue VAL reached
    attr@10 0.700 trained on `world`'s 4,863 training products (2.1.0), 0.825 on the first 30,000's 24,083 (2.2.0;
    necklines 0.27 -> 0.77) and 0.844 on these 48,083 (2.3.0; necklines 0.86)."""
    return _extended_sets(world, out, count, seed, source, n_outfits=100, n_triplets=triplets)


def _extended_sets(world: Path, out: Path, count: int, seed: int, source: Optional[Path], n_outfits: int,
                   n_triplets: int) -> Tuple[Path, Path]:
    """Exports data sets from `source` (default: the detail world's first `count` products) split so that `world`'s
    families keep theirs; re-exported when the recipe changes."""
    source = Path(source) if source else ensure_detail_world(count=count)
    recipe = {"world": str(source), "count": count if source == DETAIL_WORLD else 0, "split_world": "" if source == world else str(world),
              "n_outfits": n_outfits, "n_triplets": n_triplets, "seed": seed}
    manifest = out / "manifest.json"
    if not manifest.exists() or any(json.loads(manifest.read_text())["config"].get(k) != v for k, v in recipe.items()):
        subprocess.run([sys.executable, "training/export_datasets.py", "--world", str(source), "--out", str(out), "--seed", str(seed),
                        "--count", str(recipe["count"]), "--split-world", recipe["split_world"],
                        "--n-outfits", str(n_outfits), "--n-triplets", str(n_triplets)], check=True)
    return out, source


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
