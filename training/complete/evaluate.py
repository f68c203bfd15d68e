"""Evaluates CSA-Net and its single-embedding baseline on the Polyvore Outfits protocol of a generated test split.

  /usr/bin/python3 -m training.complete.evaluate [--models models] [--sets training/data/sets] [--world training/data/world]

FITB: for each question, the answer (4 candidates of the blank's category) with the smallest outfit-to-candidate
distance wins. Compatibility: an outfit's mean pair distance, each pair measured in its own category-pair subspace,
mapped to [0, 1] by a logistic curve fitted on the validation split; AUC over compatibility_test.txt. Also here:
the paper's retrieval scheme (`retrieve`) and Recall@K of held-out test items against their category's catalogue.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import torch

from training.atelier_data.polyvore import FitbQuestion, PolyvoreSplit
from training.common.config import parse_config, set_threads
from training.common.features import resolve_backbone
from training.complete.data import ItemTable, load_items, load_splits, pad_outfits
from training.complete.model import CSANet

MODEL_NAMES = {"csa": "csa", "baseline": "csa-baseline"}


@torch.no_grad()
def embed_all(model: CSANet, items: ItemTable, batch: int = 2048) -> torch.Tensor:
    """General embeddings of every catalogue item: (N, D)."""
    model.eval()
    return torch.cat([model.embed(items.features[s : s + batch]) for s in range(0, len(items.ids), batch)])


@torch.no_grad()
def fitb_accuracy(model: CSANet, emb: torch.Tensor, items: ItemTable, questions: Sequence[FitbQuestion], batch: int = 512) -> float:
    correct = 0
    for s in range(0, len(questions), batch):
        chunk = questions[s : s + batch]
        rows, mask = pad_outfits([items.rows(q.question) for q in chunk])  # (B, L)
        answers = torch.tensor([items.rows(q.answers) for q in chunk])  # (B, 4)
        target = items.category[answers[:, 0]]  # (B,) the blank's category, shared by all answers
        d = model.outfit_distance(emb[rows], items.category[rows], mask, emb[answers], target)  # (B, 4)
        correct += int((d.argmin(1) == torch.tensor([q.answer_index for q in chunk])).sum())
    return correct / max(1, len(questions))


@torch.no_grad()
def outfit_distances(model: CSANet, emb: torch.Tensor, items: ItemTable, outfits: Sequence[Sequence[str]], batch: int = 512) -> torch.Tensor:
    """Mean pair distance of each outfit (lower: more compatible): (N,)."""
    out = []
    for s in range(0, len(outfits), batch):
        rows, mask = pad_outfits([items.rows(o) for o in outfits[s : s + batch]])
        out.append(model.outfit_distance_mean(emb[rows], items.category[rows], mask))
    return torch.cat(out) if out else torch.zeros(0)


def auc(labels: torch.Tensor, scores: torch.Tensor) -> float:
    """ROC AUC as the Mann-Whitney statistic, ties counted half."""
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None]).float().sum()
    ties = (pos[:, None] == neg[None]).float().sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def fit_compatibility_curve(distances: torch.Tensor, labels: torch.Tensor, steps: int = 200) -> Tuple[float, float]:
    """Logistic fit: P(compatible) = sigmoid(scale * mean_pair_distance + bias). Returns (scale, bias)."""
    z = (distances - distances.mean()) / distances.std().clamp_min(1e-6)
    params = torch.zeros(2, requires_grad=True)
    optimiser = torch.optim.LBFGS([params], max_iter=steps)

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(params[0] * z + params[1], labels.float())
        loss.backward()
        return loss

    optimiser.step(closure)
    a, b = params.detach()
    scale = float(a / distances.std().clamp_min(1e-6))
    return scale, float(b - scale * distances.mean())


def compatibility_scores(model: CSANet, emb: torch.Tensor, items: ItemTable, split: PolyvoreSplit, scale: float, bias: float) -> Tuple[torch.Tensor, torch.Tensor]:
    labels = torch.tensor([label for label, _ in split.compatibility])
    d = outfit_distances(model, emb, items, [o for _, o in split.compatibility])
    return labels, torch.sigmoid(scale * d + bias)


# ---- the paper's retrieval scheme ---------------------------------------------------------------------------------
@torch.no_grad()
def retrieve(model: CSANet, outfit: torch.Tensor, outfit_category: torch.Tensor, candidates: torch.Tensor,
             target_category: int, k: int = 10, batch: int = 4096) -> Tuple[torch.Tensor, torch.Tensor]:
    """Each outfit item's weighted subspace embedding searches the target category's candidates; per-candidate
    similarities (negative distances) are averaged over the outfit items.

    outfit (L, D) and candidates (N, D) general embeddings, outfit_category (L,) -> (top-k indices, scores).
    """
    scores = []
    for s in range(0, len(candidates), batch):
        chunk = candidates[s : s + batch]
        d = model.outfit_distance(outfit[None], outfit_category[None], torch.ones(1, len(outfit), dtype=torch.bool),
                                  chunk[None], torch.tensor([target_category]))  # (1, n)
        scores.append(-d[0])
    score = torch.cat(scores)
    top = score.topk(min(k, len(score)))
    return top.indices, top.values


def heldout_queries(items: ItemTable, split: PolyvoreSplit) -> List[Tuple[List[int], int]]:
    """One query per test outfit and item: (the other items' rows, the held-out item's row)."""
    out = []
    for outfit in split.outfits.values():
        rows = items.rows(outfit)
        for i, r in enumerate(rows):
            out.append((rows[:i] + rows[i + 1 :], r))
    return out


@torch.no_grad()
def recall_at_k(model: CSANet, emb: torch.Tensor, items: ItemTable, queries: Sequence[Tuple[List[int], int]],
                catalogue: Sequence[int], ks: Sequence[int] = (10, 50), candidate_batch: Optional[int] = 256) -> Dict[str, float]:
    """Share of queries whose held-out item ranks in the top k of its category's catalogue, by the retrieval scheme.
    `candidate_batch=None` scores the whole category at once (the full-matrix reference the tests compare with)."""
    catalogue_t = torch.tensor(sorted(set(catalogue)))
    hits = {k: 0 for k in ks}
    for rest, target in queries:
        cat = int(items.category[target])
        pool = catalogue_t[items.category[catalogue_t] == cat]
        rows = torch.tensor(rest)
        score = []
        step = candidate_batch or len(pool)
        for s in range(0, len(pool), step):
            d = model.outfit_distance(emb[rows][None], items.category[rows][None], torch.ones(1, len(rows), dtype=torch.bool),
                                      emb[pool[s : s + step]][None], torch.tensor([cat]))
            score.append(-d[0])
        scores = torch.cat(score)
        rank = int((scores > scores[(pool == target).nonzero()[0, 0]]).sum())
        for k in ks:
            hits[k] += rank < k
    return {f"recall@{k}": hits[k] / max(1, len(queries)) for k in ks}


# ---- loading committed weights ------------------------------------------------------------------------------------
def load_model(path: Path) -> Tuple[CSANet, dict]:
    saved = torch.load(path, map_location="cpu")
    model = CSANet(len(saved["categories"]), **saved["model"])
    model.load_state_dict(saved["state_dict"])
    model.eval()
    return model, saved


@dataclass
class EvalConfig:
    models: str = field(default="models", metadata={"help": "folder holding csa/ and csa-baseline/ weights.pt"})
    sets: str = field(default="training/data/sets", metadata={"help": "exported data sets (polyvore/ inside)"})
    world: str = field(default="training/data/world", metadata={"help": "catalogue world (images, feature cache)"})
    backbone: str = field(default="", metadata={"help": "backbone checkpoint (default: models/tagger/weights.pt, the tagger's CNN; 'random' for tests)"})
    retrieval: bool = field(default=False, metadata={"help": "also measure Recall@10/50 of held-out test items"})
    threads: int = 1


def evaluate(models: str = "models", sets: str = "training/data/sets", world: str = "training/data/world",
             backbone: Optional[str] = None, retrieval: bool = False, split: str = "test") -> Dict[str, Dict[str, float]]:
    """{"csa": {"fitb", "auc"}, "baseline": {"fitb", "auc"}} on the test split (plus recall@k with `retrieval`).
    `backbone`: checkpoint path, None for the default one, "random" for the untrained backbone (tests)."""
    data = load_splits(sets, (split,))[split]
    items = load_items(world, data.metadata, resolve_backbone(backbone))
    out: Dict[str, Dict[str, float]] = {}
    for key, name in MODEL_NAMES.items():
        model, saved = load_model(Path(models) / name / "weights.pt")
        if saved["backbone"] != items.backbone:
            raise RuntimeError(f"{name} was trained on backbone {saved['backbone']}, features are from {items.backbone}")
        emb = embed_all(model, items)
        labels, scores = compatibility_scores(model, emb, items, data, saved["compat"]["scale"], saved["compat"]["bias"])
        out[key] = {"fitb": round(fitb_accuracy(model, emb, items, data.fitb), 4), "auc": round(auc(labels, scores), 4)}
        if retrieval:
            catalogue = sorted({r for o in data.outfits.values() for r in items.rows(o)})
            out[key].update({k: round(v, 4) for k, v in recall_at_k(model, emb, items, heldout_queries(items, data), catalogue).items()})
    return out


def main(argv: Optional[List[str]] = None) -> Dict[str, Dict[str, float]]:
    cfg = parse_config(EvalConfig, argv, "Evaluate CSA-Net and the single-embedding baseline (FITB, compatibility AUC).")
    set_threads(cfg.threads)
    metrics = evaluate(cfg.models, cfg.sets, cfg.world, cfg.backbone or None, cfg.retrieval)
    print(json.dumps(metrics), flush=True)
    return metrics


if __name__ == "__main__":
    main()
