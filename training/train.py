"""`npm run train`: retrains every model from scratch on the generated world, then evaluates them all.

  /usr/bin/python3 training/train.py [--quick]

Order matters: the tagger's first two stages train the backbone from scratch (the tagger v1); the tagger v2
trains on from it, on a larger world, and the tagger v3 on from the v2, on that world's detail view (each product
cropped out of a flat drawn at twice the size), and the v4 on from the v3, on twice the products; VAL and CSA-Net
use the final tagger's CNN frozen, on the same view. Try-on (O-VITON) trains last, on its own generated figures. Each step exports
its ONNX model (checked in ONNX Runtime) and model card into models/. --quick trains for one short epoch each, to
check the pipeline end to end in a few minutes (its models are not good; do not commit them).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.prepare import (REFINE_WORLD_COUNT, TAGGER_WORLD_COUNT, ensure_data, ensure_detail_world, ensure_outfit_sets,  # noqa: E402
                              ensure_refine_sets, ensure_tagger_world)


# How the committed tagger v2 was trained (models/tagger/card.json): two one-cycle stages on the tagger world, two
# threads as on the shared 2-core machine (28 + 16 minutes there). The second stage adds 1.5 points of pattern and 4
# of material over the first.
TAGGER_V2 = (["--epochs", "5", "--lr", "1.5e-3", "--field-weights", "pattern=2", "--threads", "2"],
             ["--epochs", "3", "--lr", "1e-3", "--field-weights", "pattern=2", "--threads", "2"])
# The tagger v3 (models/tagger 3.0.0): two one-cycle stages on from the v2, on the detail view of the tagger world
# (about 15 + 12 minutes). The second stage adds 4.5 points of material on the 6,000-product world's test split.
TAGGER_V3 = (["--epochs", "4", "--lr", "1.5e-3", "--field-weights", "pattern=2", "--threads", "2"],
             ["--epochs", "3", "--lr", "1e-3", "--field-weights", "pattern=2", "--threads", "2"])
# The tagger v4 (models/tagger 4.0.0): two one-cycle stages on from the v3's weights, on the whole detail world, twice
# the products (about 19 + 11 minutes). Pattern on the 6,000-product world's test split: 0.885 (v3), 0.918, 0.944.
TAGGER_V4 = (["--epochs", "3", "--lr", "1e-3", "--field-weights", "pattern=2", "--threads", "2"],
             ["--epochs", "2", "--lr", "5e-4", "--field-weights", "pattern=2", "--threads", "2"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one short epoch per model (pipeline check)")
    args = parser.parse_args()
    started = time.time()
    world, sets = ensure_data()
    quick = ["--epochs", "1"] if args.quick else []

    from training.tagger import export as tagger_export, train as tagger_train
    # The backbone: two stages, as the tagger v1 was trained: 10 epochs from scratch, then 16 more from those weights
    # with a fresh one-cycle schedule (the second stage is what lifts category, neckline and fit above 0.9).
    tagger_train.main(["--world", str(world), "--out", "training/runs/tagger-stage1", "--epochs", "10", "--lr", "2e-3", *quick])
    tagger_train.main(["--world", str(world), "--out", "training/runs/tagger", "--epochs", "16", "--lr", "1.5e-3",
                       "--init", "training/runs/tagger-stage1/tagger.pt", *quick])
    # The tagger v2: on from the backbone's weights, on a world five times larger (patterns need the examples), with
    # the 6,000-product world's families kept in their split so its test split stays unseen.
    tagger_world = world if args.quick else ensure_tagger_world(world)
    tagger_train.main(["--world", str(tagger_world), "--split-world", str(world), "--out", "training/runs/tagger-v2-stage1",
                       "--init", "training/runs/tagger/tagger.pt", *TAGGER_V2[0], *quick])
    tagger_train.main(["--world", str(tagger_world), "--split-world", str(world), "--out", "training/runs/tagger-v2",
                       "--init", "training/runs/tagger-v2-stage1/tagger.pt", *TAGGER_V2[1], *quick])
    # The tagger v3: the same CNN, on from the v2's weights, reading each product cropped out of a flat drawn at twice
    # the size (small pieces and motifs fill the frame). --quick keeps the small world's whole flats.
    detail_world = world if args.quick else ensure_detail_world()
    detail = ["--world", str(world)] if args.quick else ["--world", str(detail_world), "--view", "detail"]
    v3_products = [] if args.quick else ["--limit", str(TAGGER_WORLD_COUNT)]  # the tagger world's products
    tagger_train.main([*detail, *v3_products, "--split-world", str(world), "--out", "training/runs/tagger-v3",
                       "--init", "training/runs/tagger-v2/tagger.pt", *TAGGER_V3[0], *quick])
    tagger_train.main([*detail, *v3_products, "--split-world", str(world), "--out", "training/runs/tagger-v3b",
                       "--init", "training/runs/tagger-v3/tagger.pt", *TAGGER_V3[1], *quick])
    # The tagger v4: on from the v3, on the whole detail world; the v3's split of its first products stays.
    v3_split = str(world) if args.quick else f"{world},{detail_world}:{TAGGER_WORLD_COUNT}"
    tagger_train.main([*detail, "--split-world", v3_split, "--out", "training/runs/tagger-v4",
                       "--init", "training/runs/tagger-v3b/tagger.pt", *TAGGER_V4[0], *quick])
    tagger_train.main([*detail, "--split-world", v3_split, "--out", "training/runs/tagger-v4b",
                       "--init", "training/runs/tagger-v4/tagger.pt", *TAGGER_V4[1], *quick])
    tagger_export.main(["--checkpoint", "training/runs/tagger-v4b/tagger.pt", "--out", "models/tagger"])

    from training.refine import export as refine_export, train as refine_train
    # VAL and its baselines train on triplets of ten times the products, through the tagger's CNN on the view it reads
    # (their metrics are on `sets`' test split, whose products stay unseen); three epochs (about 37 minutes for VAL).
    refine_sets, refine_world = (sets, world) if args.quick else ensure_refine_sets(world)
    refine_count = [] if args.quick else ["--count", str(REFINE_WORLD_COUNT)]
    refine_train.main(["--world", str(refine_world), *refine_count, "--sets", str(refine_sets), "--epochs", "3", "--threads", "2", *quick])
    refine_export.main(["--gallery-world", "none"] if args.quick else [])

    from training.complete import export as complete_export, train as complete_train
    # CSA-Net trains on more outfits of more products (its metrics are on `sets`' test split), through the tagger v4's CNN just exported
    # to models/tagger (training/common/features.py resolve_backbone), on the view it reads.
    outfit_sets, outfit_world = ensure_outfit_sets(world, source=world if args.quick else None)
    complete_train.main(["--world", str(outfit_world), "--sets", str(outfit_sets), "--eval-sets", str(sets), "--threads", "2", *quick])
    complete_export.main([])

    from training.prepare import ensure_tryon_data
    from training.tryon import export as tryon_export, train as tryon_train
    # O-VITON's two networks train against a wall-time budget on shared CPUs (see training/tryon/train.py).
    tryon_train.main(["--data", str(ensure_tryon_data()), "--threads", "2", *(["--quick"] if args.quick else [])])
    tryon_export.main([])

    from training import evaluate
    evaluate.main()
    print(f"trained everything in {(time.time() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
