"""Exports CSA-Net for the app: the item encoder to ONNX, the attention table and the compatibility curve as JSON.

  /usr/bin/python3 -m training.complete.export [--models models] [--metrics models/csa/metrics.json]

Writes <models>/csa/csa_item.onnx (image (B,3,128,128) -> general (B,D) and subspaces (B,K,D); includes the frozen
backbone, since the app embeds catalogue images with it), attention.json (the attention network evaluated for every
(outfit item category, target category) pair: the app needs no runtime for it), compat.json, card.json, card.md.

How the app scores, exactly as evaluate.py does: for an outfit item o and target category t, w = attention[o.cat][t];
the pair embedding of any item x is normalise(Σ_k w_k subspaces_x[k]); distance = Euclidean distance of o's and the
candidate's pair embeddings; a candidate's score is minus the mean distance over the outfit items. Compatibility:
mean over item pairs (i, j) of the distance in the (cat_i, cat_j) subspace averaged with the (cat_j, cat_i) one,
then sigmoid(scale * mean + bias).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import torch
from torch import nn

from training.common.backbone import INPUT_SIZE, Backbone, pooled
from training.common.config import parse_config
from training.common.features import checkpoint_view, load_backbone, resolve_backbone, view_images
from training.common.images import to_tensor, view_preprocessing
from training.common.onnx_export import export_checked
from training.complete.data import load_splits
from training.complete.evaluate import MODEL_NAMES, load_model
from training.complete.model import CSANet

VERSION = "1.4.0"  # 1.4.0: the tagger's readings beside its features, 90,000 outfits over 30,000 products; 1.3.0: the tagger 4.0.0's CNN on the detail view; 1.2.0: the tagger 3.0.0's CNN on the detail view; 1.1.0: the tagger 2.0.0's on whole flats; 1.0.0: models/backbone
BARS = {"fitb": 0.70, "auc": 0.90}  # SPEC §5


class ItemEmbedder(nn.Module):
    """Image -> general embedding and K subspace embeddings, through the frozen backbone."""

    def __init__(self, backbone: Backbone, model: CSANet) -> None:
        super().__init__()
        self.backbone, self.model = backbone, model

    def forward(self, image: torch.Tensor):
        features = pooled(self.backbone(image))  # (B, 3, 128, 128) -> (B, 448)
        general = self.model.embed(features)  # (B, D); the tagger's readings, if any, are taken inside
        return general, self.model.subspace_embeddings(general)  # (B, D), (B, K, D)


def attention_table(model: CSANet) -> List[List[List[float]]]:
    """weights[item category][target category] = K attention weights, categories in model order."""
    c = model.n_categories
    with torch.no_grad():
        source = torch.arange(c)[:, None].expand(c, c)  # (C, C)
        target = torch.arange(c)[None, :].expand(c, c)
        return model.pair_weights(source, target).tolist()  # (C, C, K)


@dataclass
class ExportConfig:
    models: str = field(default="models", metadata={"help": "folder holding csa/ (written) and csa-baseline/"})
    backbone: str = field(default="", metadata={"help": "backbone checkpoint the weights were trained on (default: models/tagger/weights.pt); 'random' for tests"})
    world: str = field(default="training/data/world", metadata={"help": "world whose images serve as the ONNX check inputs"})
    metrics: str = field(default="", metadata={"help": "evaluation metrics JSON for the card (default: <models>/csa/metrics.json)"})


def check_images(world: str, checkpoint: Optional[str], n: int = 4) -> torch.Tensor:
    """A few real product images (normalised) in the backbone's view, so the ONNX check runs on the inputs the app
    will feed."""
    ids = [json.loads(line)["id"] for line in (Path(world) / "products.jsonl").read_text().splitlines()[:n] if line.strip()]
    images, row = view_images(world, ids, checkpoint)
    return to_tensor(np.asarray(images[[row[i] for i in ids]]))


def main(argv: Optional[List[str]] = None) -> Dict[str, float]:
    cfg = parse_config(ExportConfig, argv, "Export CSA-Net (item encoder ONNX, attention table, compatibility curve, card).")
    out = Path(cfg.models) / MODEL_NAMES["csa"]
    model, saved = load_model(out / "weights.pt")
    checkpoint = resolve_backbone(cfg.backbone)
    backbone, digest = load_backbone(checkpoint)
    if digest != saved["backbone"]:
        raise RuntimeError(f"csa was trained on backbone {saved['backbone']}, not {digest}")
    diffs = export_checked(ItemEmbedder(backbone, model), {"image": check_images(cfg.world, checkpoint)}, ["general", "subspaces"],
                           out / "csa_item.onnx")
    table = attention_table(model)
    (out / "attention.json").write_text(json.dumps({"categories": saved["categories"], "k": model.k, "weights": table}) + "\n")
    compat = {**saved["compat"], "distance": "mean pair distance (see card.md)", "score": "sigmoid(scale * distance + bias)"}
    (out / "compat.json").write_text(json.dumps(compat, indent=2) + "\n")
    metrics_path = Path(cfg.metrics) if cfg.metrics else out / "metrics.json"
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    if metrics.get("testSets"):
        test = load_splits(metrics["testSets"], ("test",))["test"]
        metrics["testData"] = {"sets": metrics["testSets"], "fitbQuestions": len(test.fitb), "compatibilityOutfits": len(test.compatibility)}
        test_scores = metrics.get("test", {})
        if test_scores:
            met = all(v["fitb"] >= BARS["fitb"] and v["auc"] >= BARS["auc"] for k, v in test_scores.items() if k == "csa")
            metrics["bars"] = {**BARS, "met": met}
    card = build_card(saved, model, metrics, diffs, checkpoint_view(checkpoint))
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n")
    (out / "card.md").write_text(card_markdown(card))
    print(f"wrote {out}/csa_item.onnx, attention.json, compat.json, card.json, card.md")
    return diffs


def build_card(saved: dict, model: CSANet, metrics: dict, diffs: Dict[str, float], view: str) -> dict:
    cfg = saved["config"]
    return {
        "name": "csa",
        "version": VERSION,
        "created": date.today().isoformat(),
        "task": "complete the look: outfit-conditioned retrieval of a target category, and outfit compatibility",
        "paper": "Lin, Tran, Davis. Fashion Outfit Complementary Item Retrieval (CSA-Net). CVPR 2020",
        "architecture": (f"frozen CNN of the tagger (models/tagger/weights.pt), reading the {view} view, pooled low+mid+high features (448-d)"
                         f"{readings_text(model)} -> MLP "
                         f"{cfg['hidden']} -> general embedding D={model.dim}; K={model.k} ReLU masks; attention MLP over "
                         f"one-hot (item category, target category) -> softmax over K; pair embedding "
                         f"normalise(Σ_k w_k m_k ⊙ e); Euclidean distance"),
        "data": {**saved.get("data", {}), "backbone": saved["backbone"]},
        "training": {**cfg, "seconds": saved.get("seconds"), "bestEpoch": saved.get("best", {}).get("epoch")},
        "metrics": metrics,
        "onnxCheck": {"maxAbsDiff": diffs},
        "inputs": [{"name": "image", "dtype": "float32", "shape": ["batch", 3, INPUT_SIZE, INPUT_SIZE], "view": view,
                    "preprocessing": view_preprocessing(view)}],
        "outputs": [{"name": "general", "dtype": "float32", "shape": ["batch", model.dim]},
                    {"name": "subspaces", "dtype": "float32", "shape": ["batch", model.k, model.dim]}],
        "files": {"attention.json": "{categories, k, weights[item category][target category] = K softmax weights}",
                  "compat.json": "{scale, bias}: compatibility = sigmoid(scale * mean pair distance + bias)"},
        "scoring": __doc__.split("How the app scores, exactly as evaluate.py does: ")[1].strip(),
    }


def readings_text(model: CSANet) -> str:
    if model.reader is None:
        return ""
    sizes = model.reader.sizes
    return (f" beside the tagger's frozen heads' readings of the same features (a softmax per field: {', '.join(sizes)}; "
            f"{sum(sizes.values())} values)")


def card_markdown(card: dict) -> str:
    m = card["metrics"]
    ref = m.get("evaluation", {}).get("stylist_on_tagger")
    reference = (f"The stylist's own rules run on what the tagger reads off the test images reach FITB {ref['fitb']:.3f} and AUC "
                 f"{ref['auc']:.3f} (`python3 -m training.complete.perceived --by-field`; with the true attributes they reach "
                 f"1.0 and 1.0): that is how much of the task the images show to the best reader this project has." if ref else "")
    rows = "\n".join(f"| {name} | {v.get('fitb', float('nan')):.4f} | {v.get('auc', float('nan')):.4f} |"
                     for name, v in m.get("test", {}).items())
    return f"""# Model card: {card['name']} {card['version']}

{card['task'].capitalize()}. Implements {card['paper']}.

- Architecture: {card['architecture']}.
- Data: {json.dumps(card['data'])}
- Training: {json.dumps(card['training'])}
- Input: `image` float32 (batch, 3, 128, 128): {card['inputs'][0]['preprocessing']}.
- Outputs: `general` (batch, D) and `subspaces` (batch, K, D) = m_k ⊙ general; `attention.json` and `compat.json` beside this file.
- Scoring: {card['scoring']}
- ONNX Runtime vs PyTorch, max |diff|: {json.dumps(card['onnxCheck']['maxAbsDiff'])}
- Limits: trained on generated outfits whose stylist rules read formality, season, material, pattern and style; the
  frozen CNN sees several of these only roughly (see the tagger card), which bounds what any model on it can reach.
  {reference}

## Test metrics (Polyvore protocol on the generated test split; baseline: one shared embedding, same recipe)

| model | FITB | compatibility AUC |
| --- | --- | --- |
{rows}

Test split: {json.dumps(m.get('testData'))}. Bars (SPEC §5): {json.dumps(m.get('bars'))}.
"""


if __name__ == "__main__":
    main()
