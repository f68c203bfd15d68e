"""Exports the try-on networks for the app: tryon_shape.onnx and tryon_appearance.onnx (checked in ONNX Runtime
against PyTorch), the weights, and the model card with the metrics of O-VITON and of the warp-and-paste baseline.

  /usr/bin/python3 -m training.tryon.export [--run training/runs/tryon] [--models models]
"""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

import torch

from training.common.config import parse_config
from training.common.onnx_export import ROOT, export_checked
from training.tryon.evaluate import load_model
from training.tryon.io import CHANNELS, FILES, HEIGHT, MODEL, WIDTH
from training.tryon.model import parameter_count

VERSION = "1.0.0"
BARS = {"iou": 0.85, "ssim": 0.85}  # SPEC §5

TIMING_SCRIPT = """
import ort from "onnxruntime-node";
const [path, ...specs] = process.argv.slice(2);
const session = await ort.InferenceSession.create(path, { intraOpNumThreads: 2 });
const feeds = {};
for (const spec of specs) { const [name, dims] = spec.split("="); const d = dims.split("x").map(Number);
  feeds[name] = new ort.Tensor("float32", new Float32Array(d.reduce((a, b) => a * b)).fill(0.1), d); }
await session.run(feeds);
const times = [];
for (let i = 0; i < 10; i++) { const t = performance.now(); await session.run(feeds); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log(JSON.stringify({ medianMs: times[5], maxMs: times[9] }));
"""


@dataclass
class ExportConfig:
    run: str = field(default="training/runs/tryon", metadata={"help": "training output (weights.pt, metrics.json)"})
    models: str = field(default="models", metadata={"help": "writes <models>/tryon/"})
    time_runs: bool = field(default=True, metadata={"help": "time each ONNX model in onnxruntime-node (2 threads)"})


def time_onnx(path: Path, inputs: Dict[str, List[int]]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", dir=ROOT / "scripts", delete=False) as f:
        f.write(TIMING_SCRIPT)
    try:
        args = [f"{k}={'x'.join(map(str, v))}" for k, v in inputs.items()]
        out = subprocess.run(["node", f.name, str(path), *args], capture_output=True, text=True, cwd=ROOT, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        Path(f.name).unlink(missing_ok=True)


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    cfg = parse_config(ExportConfig, argv, "Export the try-on networks (ONNX, weights, card).")
    run, out = Path(cfg.run), Path(cfg.models) / MODEL
    out.mkdir(parents=True, exist_ok=True)
    shape, appearance, state = load_model(run / "weights.pt")
    torch.manual_seed(0)
    body = torch.rand(1, CHANNELS["body"], HEIGHT, WIDTH)
    garments = torch.rand(1, CHANNELS["garments"], HEIGHT, WIDTH) * 2 - 1
    layout = torch.nn.functional.one_hot(torch.randint(0, CHANNELS["layout"], (1, HEIGHT, WIDTH)), CHANNELS["layout"]).permute(0, 3, 1, 2).float()
    person = torch.rand(1, 3, HEIGHT, WIDTH) * 2 - 1
    diffs = {}
    diffs.update(export_checked(shape, {"body": body, "garments": garments}, ["layout"], out / FILES["shape"], dynamic_batch=False))
    diffs.update(export_checked(appearance, {"layout": layout, "person": person, "garments": garments}, ["image"],
                                out / FILES["appearance"], dynamic_batch=False))
    timing = {}
    if cfg.time_runs:
        timing["shape"] = time_onnx(out / FILES["shape"], {"body": list(body.shape), "garments": list(garments.shape)})
        timing["appearance"] = time_onnx(out / FILES["appearance"], {"layout": list(layout.shape), "person": list(person.shape), "garments": list(garments.shape)})
        print(f"onnxruntime-node, 2 threads, 192x256: {json.dumps(timing)}", flush=True)
    torch.save({k: v for k, v in state.items()}, out / "weights.pt")
    metrics_path = run / "metrics.json"
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    card = build_card(state, metrics, diffs, timing, shape, appearance)
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n")
    (out / "card.md").write_text(card_markdown(card))
    print(f"wrote {out}/{FILES['shape']}, {FILES['appearance']}, weights.pt, card.json, card.md")
    return diffs


def build_card(state: dict, metrics: dict, diffs: Dict[str, float], timing: dict, shape, appearance) -> dict:
    cfg = state["config"]
    test = {k: metrics[k] for k in ("model", "baseline") if k in metrics}
    met = bool(test) and all(test["model"][k] >= v for k, v in BARS.items())
    beats = bool(test) and all(test["model"][k] > test["baseline"][k] for k in BARS)
    return {
        "name": MODEL,
        "version": VERSION,
        "created": date.today().isoformat(),
        "task": "virtual try-on: dress the person of a photo in chosen catalogue garments (top + bottom, one-piece, outerwear over either)",
        "paper": "Neuberger, Borenstein, Hilleli, Oks, Alpert. Image Based Virtual Try-on Network from Unpaired Data (O-VITON). CVPR 2020",
        "architecture": (f"shape generation: garment encoder (per slot RGB+mask, 3 strided convs, masked pool, + mean colour and "
                         f"presence; shared across slots) -> {shape.encoder.dim}-d per slot -> linear 32, broadcast at 1/4 resolution "
                         f"into a U-Net (width {cfg['width']}, 4 levels) over the 19-channel body model -> 9 layout logits at 1/2 "
                         f"resolution, upsampled; appearance generation: the same kind of encoder -> {appearance.encoder.dim}-d per slot, "
                         f"spread over that slot's label region of the layout (region-wise appearance maps) into a U-Net over layout "
                         f"one-hot + kept person pixels with a full-resolution head -> tanh RGB. "
                         f"Parameters: shape {parameter_count(shape)[0]}, appearance {parameter_count(appearance)[0]}"),
        "data": {
            "export": "npm run tryon:export-train -- --out training/data/tryon --train 3000 --test 120 --seed 1 (lib/tryon/export-tryon.ts)",
            "train": f"{cfg.get('figures')} generated figures, single images: target = the figure itself",
            "test": "120 paired cases from a separate figure stream: the same figure (body, pose, skin, hair, shoes) in outfit X "
                    "(input) and outfit Y (ground truth, cropped in X's frame); Y's catalogue flats as garments; Y cycles "
                    "separates, one-piece, separates + outerwear, one-piece + outerwear",
            "garmentInput": (f"training slots hold the catalogue flat ({1 - cfg['worn_share']:.0%}) or the garment cut out of the "
                             f"picture it is worn in by the label map and laid like a flat ({cfg['worn_share']:.0%}): the flat is what "
                             "inference provides (a pure worn-cut-out training would meet flats only at test time); the worn cut-out "
                             "is the paper's single-image signal and keeps the encoders from keying on flat-only drawing details"),
        },
        "training": cfg,
        "metrics": {"test": test, "modelIouByKind": metrics.get("modelIouByKind"), "cases": metrics.get("cases"),
                    "bars": {**BARS, "met": met, "beatsBaseline": beats}},
        "onnxCheck": {"maxAbsDiff": diffs},
        "inference": {"runtime": "onnxruntime-node, intraOpNumThreads 2, batch 1, 192x256", **timing},
        "refinement": ("measured, not shipped: training/tryon/refine.py optimises only the per-slot appearance codes (Adam) on "
                       "the flats' self-reconstruction, the paper's per-request fine-tuning made bounded; on the first 24 test "
                       "cases SSIM went 0.8387 -> 0.8387 (5 steps, 0.56 s/request) and 0.8387 -> 0.8383 (20 steps, lr 0.2, "
                       "2.2 s/request), with the committed model 0.8369 -> 0.8366 (5 steps): pooled per-slot codes cannot carry a pattern's layout, so there is nothing for them "
                       "to recover, and the served ONNX path has no gradients; fine-tuning the generator's weights as the "
                       "paper does was not tried in the time available"),
        "inputs": [
            {"name": "body", "dtype": "float32", "shape": [1, CHANNELS["body"], HEIGHT, WIDTH], "preprocessing": "bodyModelTensor() (lib/tryon/body-model.ts)"},
            {"name": "garments", "dtype": "float32", "shape": [1, CHANNELS["garments"], HEIGHT, WIDTH], "preprocessing": "per slot (top, bottom, one_piece, outerwear): catalogue flat contain-fitted on black, RGB in [-1, 1], mask 0/1; empty slot zeros (lib/tryon/network-io.ts)"},
            {"name": "layout", "dtype": "float32", "shape": [1, CHANNELS["layout"], HEIGHT, WIDTH], "preprocessing": "one-hot of argmax of the shape network's layout"},
            {"name": "person", "dtype": "float32", "shape": [1, 3, HEIGHT, WIDTH], "preprocessing": "person RGB in [-1, 1], zero outside keep regions"},
        ],
        "outputs": [{"name": "layout", "model": FILES["shape"], "dtype": "float32", "shape": [1, CHANNELS["layout"], HEIGHT, WIDTH]},
                    {"name": "image", "model": FILES["appearance"], "dtype": "float32", "shape": [1, 3, HEIGHT, WIDTH], "range": [-1, 1]}],
    }


def card_markdown(card: dict) -> str:
    m = card["metrics"]
    rows = "\n".join(f"| {name} | {v['iou']:.4f} | {v['ssim']:.4f} |" for name, v in m["test"].items())
    return f"""# Model card: {card['name']} {card['version']}

{card['task'].capitalize()}. Implements {card['paper']}.

- Architecture: {card['architecture']}.
- Data: {json.dumps(card['data'])}
- Training: {json.dumps(card['training'])}
- Inputs/outputs: `tryon_shape.onnx` (body, garments) -> layout logits; `tryon_appearance.onnx` (layout, person, garments) -> image; see lib/tryon/network-io.ts.
- ONNX Runtime vs PyTorch, max |diff|: {json.dumps(card['onnxCheck']['maxAbsDiff'])}
- Inference: {json.dumps(card['inference'])}
- Appearance refinement: {card['refinement']}.

## Test metrics (paired generated test cases; baseline: keypoint-driven warp-and-paste, no shape network)

| model | garment-region IoU | SSIM |
| --- | --- | --- |
{rows}

Model IoU by outfit kind: {json.dumps(m.get('modelIouByKind'))}. Cases: {m.get('cases')}.
Bars (SPEC §5): {json.dumps(m.get('bars'))}.
"""


if __name__ == "__main__":
    main()
