"""Shared test setup: one fake world and one export per test run, in a temporary folder."""
from __future__ import annotations

import atexit
import contextlib
import io
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from training.export_datasets import main
from training.tests.fake_world import write_fake_world

EXPORT_ARGS = ["--seed", "3", "--n-triplets", "1500", "--n-outfits", "500"]


@lru_cache(maxsize=1)
def workdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="atelier-data-test-"))
    atexit.register(shutil.rmtree, path, True)
    return path


@lru_cache(maxsize=1)
def world() -> Path:
    return write_fake_world(workdir() / "world", n_families_per_category=5)


def export_to(name: str, *extra: str) -> Path:
    out = workdir() / name
    with contextlib.redirect_stdout(io.StringIO()):
        main(["--world", str(world()), "--out", str(out)] + EXPORT_ARGS + list(extra))
    return out


@lru_cache(maxsize=1)
def exported() -> Path:
    return export_to("sets")
