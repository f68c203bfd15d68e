"""A tiny real world for pipeline tests: the catalogue generator's own drawings, rendered once per test run."""
from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def rendered_world(count: int = 260, view: str = "full") -> Path:
    """<tmp>/world with products.jsonl and images/<id>.png at 128 px (in the given view: common/images.py VIEWS),
    plus the data sets in <tmp>/sets."""
    base = Path(tempfile.mkdtemp(prefix="atelier-pipeline-"))
    atexit.register(shutil.rmtree, base, True)
    world = base / "world"
    subprocess.run(["npx", "tsx", "--import", "./scripts/db/server-only-hook.mjs", "scripts/catalogue/export.ts", "--out", str(world), "--count", str(count), "--seed", "5", "--size", "128",
                    "--view", view],
                   cwd=ROOT, check=True, capture_output=True)
    subprocess.run([sys.executable, "training/export_datasets.py", "--world", str(world), "--out", str(base / "sets"), "--seed", "5",
                    "--n-triplets", "300", "--n-outfits", "120"], cwd=ROOT, check=True, capture_output=True)
    return world
