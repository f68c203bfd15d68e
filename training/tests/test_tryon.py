"""Try-on pipeline on a tiny generated set (exported by the real TS code): TS/Python body-model agreement, one short
training run of both networks, ONNX export checked in ONNX Runtime against the contract, the evaluation schema,
and determinism."""
from __future__ import annotations

import atexit
import contextlib
import io
import json
import shutil
import subprocess
import tempfile
import unittest
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

from training.tryon import evaluate, export, train
from training.tryon.data import body_tensor, read_figure
from training.tryon.io import CHANNELS, FILES, HEIGHT, WIDTH

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def tryon_set() -> Path:
    base = Path(tempfile.mkdtemp(prefix="atelier-tryon-"))
    atexit.register(shutil.rmtree, base, True)
    subprocess.run(["npx", "tsx", "scripts/tryon/export-tryon.ts", "--out", str(base / "data"), "--train", "6", "--test", "4", "--seed", "3"],
                   cwd=ROOT, check=True, capture_output=True)
    return base


def quick(base: Path, out: str, *extra: str) -> dict:
    with contextlib.redirect_stdout(io.StringIO()):
        return train.main(["--data", str(base / "data"), "--out", str(base / out), "--quick", "--threads", "1", *extra])


@unittest.skipUnless(shutil.which("node"), "node runs the TS export and the ONNX check")
class TryOnPipeline(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.base = tryon_set()
        cls.metrics = quick(cls.base, "run")
        with contextlib.redirect_stdout(io.StringIO()):
            cls.diffs = export.main(["--run", str(cls.base / "run"), "--models", str(cls.base / "models"), "--no-time-runs"])

    def test_body_model_matches_typescript(self) -> None:
        data = self.base / "data"
        reference = np.fromfile(data / "reference" / "body_000000.f32", dtype=np.float32).reshape(CHANNELS["body"], HEIGHT, WIDTH)
        meta = json.loads((data / "train" / "000000.json").read_text())
        ours = body_tensor(meta["keypoints"], read_figure(data / "train" / "000000.bin"))
        self.assertLess(float(np.abs(ours - reference).max()), 1e-6)
        self.assertGreater(float(reference[:17].max()), 0.9)  # the heatmaps are there, not an all-zero match

    def test_evaluation_schema(self) -> None:
        for name in ("model", "baseline"):
            self.assertEqual(set(self.metrics[name]), {"iou", "ssim"})
            self.assertTrue(all(0.0 <= v <= 1.0 for v in self.metrics[name].values()), self.metrics)
        self.assertEqual(self.metrics["cases"], 4)

    def test_onnx_export_follows_the_contract(self) -> None:
        self.assertLess(max(self.diffs.values()), 1e-3)
        card = json.loads((self.base / "models" / "tryon" / "card.json").read_text())
        self.assertEqual(card["name"], "tryon")
        self.assertEqual({i["name"]: i["shape"] for i in card["inputs"]}, {
            "body": [1, 19, HEIGHT, WIDTH], "garments": [1, 16, HEIGHT, WIDTH], "layout": [1, 9, HEIGHT, WIDTH], "person": [1, 3, HEIGHT, WIDTH]})
        for name in FILES.values():
            self.assertTrue((self.base / "models" / "tryon" / name).exists())
        self.assertEqual(set(card["metrics"]["test"]), {"model", "baseline"})

    def test_training_and_evaluation_are_deterministic(self) -> None:
        again = quick(self.base, "again")
        first = torch.load(self.base / "run" / "weights.pt", weights_only=False)
        second = torch.load(self.base / "again" / "weights.pt", weights_only=False)
        for key in ("shape", "appearance"):
            for name, tensor in first[key].items():
                self.assertTrue(torch.equal(tensor, second[key][name]), f"{key}.{name}")
        self.assertEqual({k: again[k] for k in ("model", "baseline")}, {k: self.metrics[k] for k in ("model", "baseline")})


if __name__ == "__main__":
    unittest.main()
