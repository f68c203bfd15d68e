"""Exports VAL to ONNX for the app, checks it in ONNX Runtime, and writes the model card.

  /usr/bin/python3 -m training.refine.export [--models models --metrics <eval.json>]

  val_encoder.onnx   image (B, 3, 128, 128) -> low, mid, high backbone maps and emb_low, emb_mid, emb_high
                     (the catalogue side: pooled, L2-normalised target embeddings; includes the frozen backbone,
                     which the app needs for uploaded photos)
  val_composer.onnx  low, mid, high source maps + tokens (B, maxLen) int64 + lengths (B,) int64
                     -> query_low, query_mid, query_high (B, d), L2-normalised
Score of a catalogue item = sum over the three depths of query . emb (cosine similarity).
"""
from __future__ import annotations

import datetime
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import torch
from torch import nn

from training.common.backbone import CHANNELS, DEPTHS, GRID, INPUT_SIZE, Backbone
from training.common.config import parse_config, set_threads
from training.common.features import checkpoint_view, load_backbone, resolve_backbone
from training.common.images import MEAN, STD, view_preprocessing
from training.common.onnx_export import OPSET, export_checked
from training.prepare import GALLERY_WORLD_COUNT, TRAINED_WORLD_COUNT
from training.refine.evaluate import ROOT, GALLERY_HELP, evaluate, gallery_for, load_committed
from training.refine.model import RefineModel
from training.refine.vocab import PAD, load_vocab

VERSION = "2.3.0"  # 2.3.0: triplets over 60,000 products, 3 epochs; 2.2.0: triplets over 30,000 products (prepare.py ensure_refine_sets); 2.1.0: + the attribute term; 2.0.0: the tagger 4.0.0's CNN on the detail view; 1.0.0: models/backbone (the tagger v1) on whole flats


class Encoder(nn.Module):
    def __init__(self, backbone: Backbone, model: RefineModel) -> None:
        super().__init__()
        self.backbone, self.model = backbone, model

    def forward(self, image: torch.Tensor):
        maps = self.backbone(image)  # (B, 3, 128, 128) -> (B, 64, 16, 16), (B, 128, 8, 8), (B, 256, 4, 4)
        return (*maps, *self.model.targets(maps))  # + 3 x (B, d)


class Composer(nn.Module):
    def __init__(self, model: RefineModel) -> None:
        super().__init__()
        self.model = model

    def forward(self, low: torch.Tensor, mid: torch.Tensor, high: torch.Tensor, tokens: torch.Tensor, lengths: torch.Tensor):
        return tuple(self.model([low, mid, high], tokens, lengths.clamp(min=1)))  # 3 x (B, d)


def example_inputs(vocab, batch: int = 2, seed: int = 0) -> Dict[str, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    texts = ["is darker with long sleeves", "has a floral print and a v-neck and is shorter"][:batch]
    tokens, lengths = vocab.encode_batch(texts + ["is black"] * (batch - len(texts)))
    maps = {d: torch.rand(batch, CHANNELS[d], GRID[d], GRID[d], generator=g) * 2 for d in DEPTHS}
    return {**maps, "tokens": torch.from_numpy(tokens), "lengths": torch.from_numpy(lengths)}


def export_models(model: RefineModel, backbone: Backbone, vocab, out: Path) -> Dict[str, Dict[str, float]]:
    image = (torch.rand(2, 3, INPUT_SIZE, INPUT_SIZE, generator=torch.Generator().manual_seed(1)) - MEAN) / STD
    diffs = {"val_encoder": export_checked(Encoder(backbone, model), {"image": image},
                                           [*DEPTHS, *(f"emb_{d}" for d in DEPTHS)], out / "val_encoder.onnx")}
    diffs["val_composer"] = export_checked(Composer(model), example_inputs(vocab), [f"query_{d}" for d in DEPTHS], out / "val_composer.onnx")
    # The graphs must take other batch sizes than the export example's (the LSTM's initial state is the usual trap).
    other = verify_onnx(out / "val_composer.onnx", Composer(model), example_inputs(vocab, batch=3, seed=5), [f"query_{d}" for d in DEPTHS])
    single = verify_onnx(out / "val_encoder.onnx", Encoder(backbone, model), {"image": image[:1]}, [*DEPTHS, *(f"emb_{d}" for d in DEPTHS)])
    worst = max([*other.values(), *single.values()])
    print(f"other batch sizes: composer B=3, encoder B=1, max |diff| {worst:.2e}", flush=True)
    if worst > 1e-3:
        raise RuntimeError(f"ONNX Runtime disagrees with PyTorch at another batch size by {worst:.2e}")
    diffs["other_batch_sizes"] = {**{f"composer_{k}": v for k, v in other.items()}, **{f"encoder_{k}": v for k, v in single.items()}}
    return diffs


def verify_onnx(path: Path, module: nn.Module, inputs: Dict[str, torch.Tensor], output_names: List[str]) -> Dict[str, float]:
    """Runs an exported model in ONNX Runtime on new inputs (another batch size) and returns max |diff| per output."""
    module.eval()
    with torch.no_grad():
        expected = module(*inputs.values())
    reference = {
        "inputs": {n: {"dims": list(t.shape), "type": "int64" if t.dtype == torch.int64 else "float32", "data": t.flatten().tolist()} for n, t in inputs.items()},
        "outputs": {n: {"dims": list(t.shape), "data": t.flatten().tolist()} for n, t in zip(output_names, expected)},
    }
    ref = path.with_suffix(".verify.json")
    ref.write_text(json.dumps(reference))
    try:
        result = subprocess.run(["node", str(ROOT / "scripts/models/check-onnx.mjs"), str(path), str(ref)], capture_output=True, text=True, cwd=ROOT, check=False)
    finally:
        ref.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(f"ONNX Runtime run of {path.name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])["maxAbsDiff"]


def io_spec(d: int, max_len: int) -> Dict[str, dict]:
    maps = {depth: {"dtype": "float32", "shape": ["B", CHANNELS[depth], GRID[depth], GRID[depth]]} for depth in DEPTHS}
    embs = {name: {"dtype": "float32", "shape": ["B", d], "note": "L2-normalised"} for name in [*(f"emb_{x}" for x in DEPTHS)]}
    queries = {f"query_{x}": {"dtype": "float32", "shape": ["B", d], "note": "L2-normalised"} for x in DEPTHS}
    return {
        "val_encoder.onnx": {"inputs": {"image": {"dtype": "float32", "shape": ["B", 3, INPUT_SIZE, INPUT_SIZE]}},
                             "outputs": {**maps, **embs}},
        "val_composer.onnx": {"inputs": {**maps, "tokens": {"dtype": "int64", "shape": ["B", max_len], "note": f"padded with {PAD}"},
                                         "lengths": {"dtype": "int64", "shape": ["B"], "note": "tokens per query, >= 1"}},
                              "outputs": queries},
    }


def write_card(out: Path, meta: dict, model: RefineModel, vocab, metrics: dict, diffs: dict, view: str) -> None:
    training = json.loads((out / "training.json").read_text()) if (out / "training.json").exists() else {}
    manifest_path = ROOT / training.get("settings", {}).get("sets", "training/data/sets") / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    card = {
        "name": "val", "version": VERSION, "created": datetime.date.today().isoformat(),
        "paper": "Chen, Gong, Bazzani: Image Search with Text Feedback by Visiolinguistic Attention Learning, CVPR 2020",
        "data": {"world_products": sum(c.get("products", 0) for s, c in manifest.get("counts", {}).items() if s != "heldout"),
                 "splits": manifest.get("counts", {}), "train_triplets": meta.get("train_triplets"),
                 "format": "Fashion IQ (captions + image_splits), generated world"},
        "backbone": {"checkpoint": meta.get("backbone"), "digest": meta.get("backbone_digest"), "frozen": True, "view": view},
        # What the app feeds val_encoder.onnx (lib/ml/decode.ts cardView reads inputs[0].view).
        "inputs": [{"name": "image", "dtype": "float32", "shape": ["B", 3, INPUT_SIZE, INPUT_SIZE], "view": view,
                    "preprocessing": view_preprocessing(view)}],
        "model": model.describe(),
        "training": {k: v for k, v in training.get("settings", {}).items() if k not in ("world", "sets", "out", "baselines_out")},
        "training_seconds": training.get("seconds"),
        "design": {
            "composer": "per depth: 1x1 projection to d (shared with the target side), composite transformer = w_g * joint-attention "
                        "gate (channel x spatial sigmoid) * image + w_s * multi-head self-attention over the visiolinguistic tokens "
                        "(conv1x1 of [image; broadcast text]); the low depth's self-attention runs on 2x2-pooled tokens (CPU cost)",
            "text_encoder": "word embeddings + LSTM, max-pooled over words, linear to d (as VAL's code)",
            "loss": "hierarchical matching: bidirectional batch softmax (InfoNCE, learned temperature per depth) at every depth, "
                    "batches drawn from one slot (same-category negatives); plus VAL's visual-semantic term: the target's "
                    "side-information text (attribute phrase in shopper words) ranked against the target embedding at every depth; "
                    "plus the attribute term (loss.py attribute_loss): against every training product of the batch's slot, the "
                    "products that meet every constraint of the captions must outrank those that do not (summed score)",
            "baselines": "image_only (source embedding), text_only (linear on the text feature), concat (MLP on [image; text]), "
                         "tirg (gate * image + residual); each composes the pooled features at all three depths with the same "
                         "text encoder type, projections, loss, visual-semantic term, batches and epochs",
            "selection": "for every model, the epoch with the best validation-split R@10 + R@50",
        },
        "files_bytes": {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.suffix in (".onnx", ".pt", ".json") and p.name != "card.json"},
        "metrics": metrics,
        "metrics_protocol": "Fashion IQ: each (candidate, both captions joined with ' and ') ranks the test products of its slot "
                            "without the candidate; r10/r50 = Recall@K of the exact target; attr10 = share of the top 10 satisfying "
                            "every constraint of both captions, in a catalogue-sized gallery (the test products + every product of the "
                            f"families past the first {TRAINED_WORLD_COUNT:,} products of a {GALLERY_WORLD_COUNT:,}-product world, "
                            "new to every model; catalogue_r10/r50 = Recall@K there); attr10_norm = attr10 / (min(10, "
                            "satisfying products)/10) per query; attr10_ceiling = the best attr10 any ranking could reach; "
                            "split_attr10 = attr10 in the test split's own gallery.",
        "onnx": {"opset": OPSET, "max_abs_diff_vs_pytorch": diffs, "files": io_spec(model.config.width, vocab.max_len)},
        "preprocessing": {"image": view_preprocessing(view),
                          "text": "vocab.json: lowercase, split on the regex, fuzzy-correct out-of-vocabulary words, first maxLen ids, pad 0",
                          "score": "sum over low, mid, high of dot(query_depth, emb_depth)"},
    }
    (out / "card.json").write_text(json.dumps(card, indent=1))
    (out / "card.md").write_text(card_markdown(card))


def card_markdown(card: dict) -> str:
    metrics = card["metrics"].get("evaluation") or {k: v for k, v in card["metrics"].items() if k != "evaluation"}
    cell = lambda v: "" if v is None else f"{v:.4f}" if isinstance(v, float) else str(v)  # noqa: E731
    keys = ("r1", "r5", "r10", "r50", "catalogue_r10", "attr10", "attr10_norm", "attr10_ceiling", "split_attr10", "split_attr10_ceiling")
    rows = "\n".join(f"| {name} | " + " | ".join(cell(v.get(k)) for k in keys) + " |" for name, v in metrics.items())
    size = next((v.get("catalogue_size") for v in metrics.values() if v.get("catalogue_size")), None)
    asked = sorted({k[len("met10_"):] for v in metrics.values() for k in v if k.startswith("met10_")})
    by_key = "" if not asked else (
        "\nBy request, in the catalogue: of the queries asking something of each attribute, the share of the top 10 that "
        "meets that one condition (attr@10 needs every condition of the query at once).\n\n"
        f"| attribute | {' | '.join(metrics)} |\n| --- |{' --- |' * len(metrics)}\n"
        + "\n".join(f"| {key} | " + " | ".join(cell(v.get(f"met10_{key}")) for v in metrics.values()) + " |" for key in asked) + "\n")
    return f"""# VAL (Refine) v{card['version']}

Composes a product image with a shopper's text feedback ("is darker with long sleeves") into a query, as VAL
(Chen, Gong, Bazzani, CVPR 2020): composite transformers (joint-attention gate + self-attention over the
visiolinguistic tokens, mixed by learned weights) at the low, mid and high depths of a frozen CNN (the tagger's,
{card['backbone'].get('checkpoint')}, reading the {card['backbone'].get('view', 'full')} view),
a word-embedding + LSTM text encoder, hierarchical matching (bidirectional batch-softmax ranking per depth) and the
visual-semantic term (product side-information text tied to the product image), plus an attribute term: ranked
against every training product of its slot, the products that meet every constraint the captions ask for must come
before those that do not. Score = sum of the three cosine similarities. Trained on {card['data'].get('train_triplets')} generated Fashion IQ-format triplets
over the training split of {card['data'].get('world_products')} generated products in {card['training_seconds']} s (VAL and the four
baselines, same recipe).

| model | R@1 | R@5 | R@10 | R@50 | catalogue R@10 | attr@10 | attr@10 / attainable | attainable attr@10 | split attr@10 | split attainable |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}
{by_key}
Protocol: each test query (candidate + both captions joined with " and ") ranks the test products of its slot
without the candidate; R@K is the Fashion IQ Recall@K of the exact target in that gallery (36-140 products a slot).
heldout_phrasing is VAL on captions written only with held-out templates. attr@10 is the share of the top 10 that
satisfy every constraint of both captions, measured where a shopper meets it: in a catalogue-sized gallery
({size or '?'} products in all: the test products plus every product of the families past the first {TRAINED_WORLD_COUNT:,} of a
{GALLERY_WORLD_COUNT:,}-product export of the same generator, new to every model here, the tagger whose CNN VAL reads included;
`catalogue R@10` is the exact target's Recall@10 there). Some
captions ask for combinations that even such a catalogue holds fewer than 10 of, hence the attainable column (the
best any ranking could do) and the share of it reached. The last two columns are attr@10 and its ceiling in the
test split's own small gallery, where most captions have fewer than 10 matching products.

Files: `val_encoder.onnx` (image -> low/mid/high maps + pooled, L2-normalised target embeddings; includes the frozen
backbone), `val_composer.onnx` (maps + tokens + lengths -> three L2-normalised query embeddings), `vocab.json`
(tokenisation rules and words; shared with lib/refine/tokenizer.ts), `weights.pt` (PyTorch weights, no backbone).
Inputs, outputs, preprocessing and settings: card.json.
"""


@dataclass
class ExportConfig:
    models: str = field(default="models", metadata={"help": "folder with val/ and val-baselines/"})
    sets: str = "training/data/sets"
    world: str = "training/data/world"
    backbone: str = field(default="", metadata={"help": "backbone checkpoint (default: the tagger's, models/tagger/weights.pt; random: random weights)"})
    metrics: str = field(default="", metadata={"help": "evaluation JSON to put in the card (default: run evaluate)"})
    gallery_world: str = field(default="", metadata={"help": GALLERY_HELP})
    threads: int = 1


def main(argv: Optional[List[str]] = None) -> Dict[str, Dict[str, float]]:
    cfg = parse_config(ExportConfig, argv, "Export VAL to ONNX and write its card.")
    set_threads(cfg.threads)
    models = Path(cfg.models) if Path(cfg.models).is_absolute() else ROOT / cfg.models
    out = models / "val"
    composers, meta = load_committed(models)
    vocab = load_vocab(out / "vocab.json")
    checkpoint = resolve_backbone(cfg.backbone)
    backbone = load_backbone(checkpoint)[0]
    diffs = export_models(composers["val"], backbone, vocab, out)
    metrics = (json.loads(Path(cfg.metrics).read_text()) if cfg.metrics
               else evaluate(models, cfg.sets, cfg.world, cfg.backbone, gallery_world=gallery_for(cfg.gallery_world)))
    write_card(out, meta, composers["val"], vocab, metrics, diffs, checkpoint_view(checkpoint))
    print(json.dumps(metrics), flush=True)
    return diffs


if __name__ == "__main__":
    main()
