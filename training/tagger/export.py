"""Exports the trained tagger to ONNX for the app (catalogue import tags untagged products with it).

  /usr/bin/python3 -m training.tagger.export --checkpoint training/runs/tagger-v2/tagger.pt --out models/tagger

Writes <out>/tagger.onnx (image (B,3,128,128) -> one logits output per field), <out>/weights.pt (the checkpoint),
<out>/card.json and <out>/card.md. VAL and CSA-Net read this checkpoint's CNN, frozen (training/common/features.py
resolve_backbone), so retraining the tagger means retraining them.
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
from training.common.images import view_preprocessing
from training.common.onnx_export import export_checked
from training.tagger.model import Tagger

# 4.0.0: trained on twice the products (and logo sunglasses that show their logo); 3.0.0: reads the detail view (the
# product cropped out of a flat drawn at twice the size)
VERSION = "4.0.0"
SCHEDULE = ("backbone (tagger v1): 10 epochs from scratch at lr 2e-3, then 16 at lr 1.5e-3 on the "
            "6,000-product world (about 25 min); tagger v2: from those weights on the 30,000-product tagger world, pattern's "
            "loss doubled, 5 epochs at lr 1.5e-3 (28.4 min) then 3 at lr 1e-3 (16.2 min); tagger v3: from the v2's weights on "
            "the same 30,000 products in the detail view (training/data/world-detail), pattern's loss doubled, 4 epochs at lr "
            "1.5e-3 (22.6 min, sharing the cores with an evaluation; about 15 alone) then 3 at lr 1e-3 (11.8 min); tagger v4: "
            "from the v3's weights on the 60,000-product detail world (its first 30,000 the v3's, whose split they keep), "
            "pattern's loss doubled, 3 epochs at lr 1e-3 (18.9 min) then 2 at lr 5e-4 (11.3 min; the numbers below are this "
            "stage's) (training/train.py)")


@dataclass
class ExportConfig:
    checkpoint: str = field(default="training/runs/tagger-v4b/tagger.pt", metadata={"help": "trained tagger checkpoint"})
    out: str = field(default="models/tagger", metadata={"help": "model folder to write"})
    metrics: str = field(default="", metadata={"help": "metrics.json of the run (default: beside the checkpoint)"})
    schedule: str = field(default=SCHEDULE, metadata={"help": "how the checkpoint was trained, for the card"})


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
    config = saved.get("config", {})
    products = f"{run['world_products']:,}" if "world_products" in run else "?"
    split = "by product family, stratified by category"
    if config.get("split_world"):
        split += (f"; it extends {config['split_world'].replace(',', ', then ')} (path:N, the first N products), whose families "
                  "keep their split, so their test products stay unseen")
    card = {
        "name": "tagger",
        "version": VERSION,
        "created": date.today().isoformat(),
        "task": "attribute tagging of product images: category, colour, pattern and every ontology attribute",
        "architecture": ("4-stage CNN (common/backbone.py; the shared backbone's architecture, its weights trained further), pooled "
                         "low+mid+high features (448-d), one linear head per field"),
        "data": {"world": f"generated catalogue, {products} products, seed {config.get('seed', 1)}, {INPUT_SIZE}x{INPUT_SIZE} flats, "
                          f"{config.get('view', 'full')} view",
                 "split": split, "trainProducts": run.get("train_products"), "testProducts": run.get("test_products")},
        "training": {"schedule": cfg.schedule, **config,
                     "minutes": round(run["seconds"] / 60, 1) if "seconds" in run else None, "imagesPerSecond": run.get("images_per_second")},
        "metrics": {"testAccuracy": run.get("test_accuracy", {})},
        "onnxCheck": {"maxAbsDiff": diffs},
        "inputs": [{"name": "image", "dtype": "float32", "shape": ["batch", 3, INPUT_SIZE, INPUT_SIZE], "view": config.get("view", "full"),
                    "preprocessing": view_preprocessing(config.get("view", "full"))}],
        "outputs": [{"name": name, "dtype": "float32", "shape": ["batch", len(values)], "labels": values} for name, values in saved["vocab"].items()],
    }
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n")
    (out / "card.md").write_text(card_markdown(card))
    print(f"wrote {out}/tagger.onnx, weights.pt, card.json, card.md")
    return diffs


def card_markdown(card: dict) -> str:
    # npm run eval adds the 6,000-product world's test split (metrics.evaluation) to a card written before it.
    evaluation = card["metrics"].get("evaluation", {})
    rows = "\n".join(f"| {name} | {acc:.3f} | {evaluation[name]:.3f} |" if name in evaluation else f"| {name} | {acc:.3f} | |"
                     for name, acc in card["metrics"]["testAccuracy"].items())
    return f"""# Model card: {card['name']} {card['version']}

{card['task'].capitalize()}. {card['architecture']}.

- Data: {card['data']['world']}; {card['data']['split']}; {card['data']['trainProducts']} training and {card['data']['testProducts']} test products.
- Training: {json.dumps(card['training'])}
- ONNX Runtime vs PyTorch, max |diff| per output: {json.dumps(card['onnxCheck']['maxAbsDiff'])}
- Input: `image` float32 (batch, 3, 128, 128): {card['inputs'][0]['preprocessing']}.
- Outputs: one logits tensor per field, labels in ontology order (see card.json).
- Used by: catalogue import, which fills the attributes an imported product lacks; CSA-Net (models/csa, 1.1.0 on), whose item encoder is this CNN, and VAL (models/val, 2.0.0 on), whose image side is this CNN, both frozen, on the same view.
- Limits: trained on generated fashion flats only; real product photos differ in lighting, pose and background.
  Pattern is misread most where a print has little to show: on the thin frames of sunglasses (a leopard frame reads
  as geometric, a plain one as leopard) and the straps of sandals, a print covers a few pixels; and a placed graphic
  (a picture badge with a caption) and a circled monogram logo look alike at 128 px
  (`/usr/bin/python3 -m training.tagger.evaluate --confusion pattern`).

## Test accuracy (products of families never seen in training)

The second column is the tagger's own test split ({card['data']['testProducts']} products); the third, the
6,000-product world's test split that `npm run eval` scores (card.json, metrics.evaluation).

| field | accuracy | `npm run eval` |
| --- | --- | --- |
{rows}
"""


if __name__ == "__main__":
    main()
