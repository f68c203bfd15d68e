"""Exports the trained tagger to ONNX for the app (catalogue import tags untagged products with it).

  /usr/bin/python3 -m training.tagger.export --checkpoint training/runs/tagger/tagger.pt --out models/tagger

Writes <out>/tagger.onnx (image (B,3,128,128) -> one logits output per field), <out>/weights.pt (the checkpoint,
which also carries the shared backbone VAL and CSA-Net build on), <out>/card.json and <out>/card.md.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

import torch
from torch import nn

from training.common.backbone import INPUT_SIZE
from training.common.config import parse_config
from training.common.images import MEAN, STD
from training.common.onnx_export import export_checked
from training.tagger.model import Tagger

VERSION = "1.0.0"


@dataclass
class ExportConfig:
    checkpoint: str = field(default="training/runs/tagger/tagger.pt", metadata={"help": "trained tagger checkpoint"})
    out: str = field(default="models/tagger", metadata={"help": "model folder to write"})
    metrics: str = field(default="", metadata={"help": "metrics.json of the run (default: beside the checkpoint)"})


class _Outputs(nn.Module):
    """The tagger with a tuple of outputs in field order (ONNX wants positional outputs)."""

    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, image: torch.Tensor):
        logits = self.tagger(image)
        return tuple(logits[name] for name in self.tagger.fields)


def load_tagger(checkpoint: str) -> Tagger:
    saved = torch.load(checkpoint, map_location="cpu")
    model = Tagger(saved["vocab"])
    model.load_state_dict(saved["state_dict"])
    return model.eval()


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    cfg = parse_config(ExportConfig, argv, "Export the attribute tagger to ONNX with its model card.")
    out = Path(cfg.out)
    model = load_tagger(cfg.checkpoint)
    image = torch.randn(2, 3, INPUT_SIZE, INPUT_SIZE, generator=torch.Generator().manual_seed(0))
    diffs = export_checked(_Outputs(model), {"image": image}, model.fields, out / "tagger.onnx")
    shutil.copyfile(cfg.checkpoint, out / "weights.pt")
    metrics_path = Path(cfg.metrics) if cfg.metrics else Path(cfg.checkpoint).with_name("metrics.json")
    run = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    saved = torch.load(cfg.checkpoint, map_location="cpu")
    card = {
        "name": "tagger",
        "version": VERSION,
        "created": date.today().isoformat(),
        "task": "attribute tagging of product images: category, colour, pattern and every ontology attribute",
        "architecture": "shared 4-stage CNN backbone (common/backbone.py), pooled low+mid+high features (448-d), one linear head per field",
        "data": {"world": "generated catalogue, 6,000 products, seed 1, 128x128 flats", "split": "by product family, stratified by category",
                 "trainProducts": run.get("train_products"), "testProducts": run.get("test_products")},
        "training": {"schedule": "stage 1: 10 epochs from scratch, lr 2e-3; stage 2: 16 epochs from stage 1, lr 1.5e-3 (training/train.py)",
                     **saved.get("config", {})},
        "metrics": {"testAccuracy": run.get("test_accuracy", {})},
        "onnxCheck": {"maxAbsDiff": diffs},
        "inputs": [{"name": "image", "dtype": "float32", "shape": ["batch", 3, INPUT_SIZE, INPUT_SIZE],
                    "preprocessing": f"RGB flattened on #f6f4f1, resized to {INPUT_SIZE}x{INPUT_SIZE}, /255, (x-{MEAN})/{STD}, CHW"}],
        "outputs": [{"name": name, "dtype": "float32", "shape": ["batch", len(values)], "labels": values} for name, values in saved["vocab"].items()],
    }
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n")
    (out / "card.md").write_text(card_markdown(card))
    print(f"wrote {out}/tagger.onnx, weights.pt, card.json, card.md")
    return diffs


def card_markdown(card: dict) -> str:
    rows = "\n".join(f"| {name} | {acc:.3f} |" for name, acc in card["metrics"]["testAccuracy"].items())
    return f"""# Model card: {card['name']} {card['version']}

{card['task'].capitalize()}. {card['architecture']}.

- Data: {card['data']['world']}; {card['data']['split']}; {card['data']['trainProducts']} training and {card['data']['testProducts']} test products.
- Training: {json.dumps(card['training'])}
- ONNX Runtime vs PyTorch, max |diff| per output: {json.dumps(card['onnxCheck']['maxAbsDiff'])}
- Input: `image` float32 (batch, 3, 128, 128): {card['inputs'][0]['preprocessing']}.
- Outputs: one logits tensor per field, labels in ontology order (see card.json).
- Used by: catalogue import, which fills the attributes an imported product lacks.
- Limits: trained on generated fashion flats only; real product photos differ in lighting, pose and background.

## Test accuracy (products of families never seen in training)

| field | accuracy |
| --- | --- |
{rows}
"""


if __name__ == "__main__":
    main()
