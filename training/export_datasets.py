"""Exports Atelier's training sets from a catalogue world, deterministically from a seed.

  /usr/bin/python3 training/export_datasets.py --world training/data/world --out training/data/sets --seed 1

writes <out>/fashion_iq/ (Fashion IQ layout, plus a `heldout` split phrased only with held-out templates),
<out>/polyvore/ (Polyvore Outfits layout) and <out>/manifest.json (config and counts). Images stay in the
world folder (<world>/images/<id>.png); every id in these files is a product id.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Dict, List, Optional, Sequence

if __package__ in (None, ""):  # run as a script: make `training.atelier_data` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.atelier_data.fashion_iq import write_fashion_iq, write_json  # noqa: E402
from training.atelier_data.ontology import load_ontology  # noqa: E402
from training.atelier_data.outfits import compose_outfits  # noqa: E402
from training.atelier_data.polyvore import write_item_metadata, write_polyvore_split  # noqa: E402
from training.atelier_data.products import SPLITS, by_split, load_products, nested_split  # noqa: E402
from training.atelier_data.triplets import sample_triplets  # noqa: E402


@dataclass
class ExportConfig:
    world: str = "training/data/world"
    out: str = "training/data/sets"
    seed: int = 1
    n_triplets: int = 12000
    n_heldout: int = 0
    n_outfits: int = 6000
    count: int = 0
    split_world: str = ""
    ontology: Optional[str] = None


HELP = {
    "world": "folder with products.jsonl (from scripts/catalogue/export.ts)",
    "out": "output folder (overwritten file by file)",
    "seed": "everything written follows from this seed",
    "n_triplets": "refinement pairs over train/val/test, shared in proportion to each split's products",
    "n_heldout": "pairs in the heldout-phrasing split (test products); 0 means as many as test",
    "n_outfits": "compatible outfits over train/val/test, shared in proportion to each split's products",
    "count": "use only the world's first N products (0: all; a world drawn on keeps its first products)",
    "split_world": "smaller worlds this one extends, smallest first, `path` or `path:N` (products.py nested_split): their families keep their split, so a larger training set never holds a smaller set's val or test products",
    "ontology": "ontology.json path (default: lib/ontology/ontology.json)",
}


def parse_args(argv: Optional[Sequence[str]] = None) -> ExportConfig:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for f in fields(ExportConfig):
        kind = int if f.type in ("int", int) else str
        parser.add_argument("--" + f.name.replace("_", "-"), type=kind, default=f.default, help=HELP[f.name])
    config = ExportConfig(**vars(parser.parse_args(argv)))
    if config.count < 0:
        parser.error(f"--count is a number of products (0: all), not {config.count}")
    return config


def shares(total: int, sizes: Dict[str, int]) -> Dict[str, int]:
    n = sum(sizes.values()) or 1
    return {k: round(total * v / n) for k, v in sizes.items()}


def export(config: ExportConfig) -> Dict[str, Dict[str, int]]:
    onto = load_ontology(config.ontology)
    products = load_products(config.world)
    products = products[: config.count] if config.count else products
    split_of = nested_split(products, config.split_world, config.seed)
    splits = by_split(products, split_of)
    out = Path(config.out)
    counts: Dict[str, Dict[str, int]] = {s: {"products": len(splits[s])} for s in SPLITS}

    fiq = out / "fashion_iq"
    n_pairs = shares(config.n_triplets, {s: len(splits[s]) for s in SPLITS})
    for i, split in enumerate(SPLITS):
        rng = random.Random(f"{config.seed}:triplets:{split}")
        triplets = sample_triplets(splits[split], n_pairs[split], onto, rng)
        images = {g: sorted(p.id for p in splits[split] if p.slot == g) for g in onto.slots}
        write_fashion_iq(fiq, split, triplets, images)
        counts[split]["triplets"] = len(triplets)
    heldout_n = config.n_heldout or counts["test"]["triplets"]
    heldout = sample_triplets(splits["test"], heldout_n, onto, random.Random(f"{config.seed}:triplets:heldout"), heldout=True)
    write_fashion_iq(fiq, "heldout", heldout, {g: sorted(p.id for p in splits["test"] if p.slot == g) for g in onto.slots})
    counts["heldout"] = {"products": len(splits["test"]), "triplets": len(heldout)}

    pv = out / "polyvore"
    write_item_metadata(pv, products, onto)
    n_out = shares(config.n_outfits, {s: len(splits[s]) for s in SPLITS})
    for i, split in enumerate(SPLITS):
        rng = random.Random(f"{config.seed}:outfits:{split}")
        outfits = compose_outfits(splits[split], n_out[split], onto, rng, set_id_base=(i + 1) * 10_000_000)
        c = write_polyvore_split(pv, split, outfits, onto, rng)
        counts[split].update(outfits=c.outfits, fitb=c.fitb, compatible=c.compatibility_pos, incompatible=c.compatibility_neg)

    write_json(out / "manifest.json", {"config": asdict(config), "counts": counts,
                                       "images": str(Path(config.world) / "images")})
    return counts


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Dict[str, int]]:
    config = parse_args(argv)
    started = time.time()
    counts = export(config)
    for split, c in counts.items():
        print(f"{split:8s} " + "  ".join(f"{k}={v}" for k, v in c.items()))
    print(f"wrote {config.out} in {time.time() - started:.1f} s")
    return counts


if __name__ == "__main__":
    main()
