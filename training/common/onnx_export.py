"""ONNX export with a check in ONNX Runtime (onnxruntime-node, the runtime the app serves with)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Dict, Sequence

import torch

ROOT = Path(__file__).resolve().parents[2]
OPSET = 14


def export_checked(model: torch.nn.Module, inputs: Dict[str, torch.Tensor], output_names: Sequence[str], path: Path,
                   dynamic_batch: bool = True, tolerance: float = 1e-3) -> Dict[str, float]:
    """Exports `model(**inputs)` to `path`, runs it in ONNX Runtime on the same inputs, and returns the max
    absolute difference per output; raises if any exceeds `tolerance`."""
    model.eval()
    path.parent.mkdir(parents=True, exist_ok=True)
    names = list(inputs)
    axes = {name: {0: "batch"} for name in [*names, *output_names]} if dynamic_batch else None
    with torch.no_grad():
        expected = model(*inputs.values())
        if isinstance(expected, torch.Tensor):
            expected = (expected,)
        torch.onnx.export(model, tuple(inputs.values()), str(path), input_names=names, output_names=list(output_names),
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    reference = {
        "inputs": {n: {"dims": list(t.shape), "type": "int64" if t.dtype == torch.int64 else "float32", "data": t.flatten().tolist()} for n, t in inputs.items()},
        "outputs": {n: {"dims": list(t.shape), "data": t.flatten().tolist()} for n, t in zip(output_names, expected)},
    }
    reference_path = path.with_suffix(".check.json")
    reference_path.write_text(json.dumps(reference))
    try:
        result = subprocess.run(["node", str(ROOT / "scripts/models/check-onnx.mjs"), str(path), str(reference_path)],
                                capture_output=True, text=True, cwd=ROOT, check=False)
    finally:
        reference_path.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(f"ONNX Runtime check of {path.name} failed:\n{result.stderr}")
    diffs = json.loads(result.stdout.strip().splitlines()[-1])["maxAbsDiff"]
    print(f"{path.name}: ONNX Runtime vs PyTorch max |diff| " + ", ".join(f"{k}={v:.2e}" for k, v in diffs.items()), flush=True)
    worst = max(diffs.values()) if diffs else 0.0
    if worst > tolerance:
        raise RuntimeError(f"{path.name}: ONNX Runtime and PyTorch disagree by {worst:.2e} (> {tolerance})")
    return diffs
