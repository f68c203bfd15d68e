"""Fashion IQ retrieval metrics: Recall@K of the exact target, and the attribute precision of the top 10.

Each query ranks its group's gallery (the split's products of the candidate's slot) without the candidate itself.
A target's rank is the number of gallery items scored strictly higher, so batched and full-matrix computations
agree exactly.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Sequence

import numpy as np
import torch

from training.atelier_data.constraints import satisfies, satisfies_one, strip_key
from training.atelier_data.ontology import Ontology
from training.atelier_data.products import Product
from training.refine.model import score


def ranks_and_top(queries: Sequence[torch.Tensor], gallery: Sequence[torch.Tensor], target_cols: torch.Tensor,
                  exclude_cols: torch.Tensor, top: int = 10, batch: int = 256):
    """Per query: the target's 0-based rank and the top `top` gallery columns, computed `batch` queries at a time.
    queries [(Q, d)] and gallery [(G, d)] per depth; target_cols, exclude_cols (Q,) int64 gallery columns."""
    ranks, tops = [], []
    for start in range(0, len(target_cols), batch):
        sl = slice(start, start + batch)
        s = score([q[sl] for q in queries], gallery)  # (b, G)
        s.scatter_(1, exclude_cols[sl, None], float("-inf"))
        positive = s.gather(1, target_cols[sl, None])  # (b, 1)
        ranks.append((s > positive).sum(dim=1))
        tops.append(s.topk(min(top, s.shape[1]), dim=1).indices)
    return torch.cat(ranks), torch.cat(tops)


def recall_at(ranks: torch.Tensor, k: int) -> float:
    return float((ranks < k).float().mean()) if len(ranks) else 0.0


def attribute_precision(tops: torch.Tensor, gallery_ids: Sequence[str], constraints: Sequence[Mapping[str, str]],
                        products: Mapping[str, Product], onto: Ontology) -> List[float]:
    """Per query: share of its top results that satisfy every constraint the caption asks for."""
    out = []
    for row, cons in zip(tops.tolist(), constraints):
        out.append(float(np.mean([satisfies(products[gallery_ids[c]], cons, onto) for c in row])) if row else 0.0)
    return out


def precision_by_key(tops: torch.Tensor, gallery_ids: Sequence[str], constraints: Sequence[Mapping[str, str]],
                     products: Mapping[str, Product], onto: Ontology) -> Dict[str, List[float]]:
    """Per constraint key (color, neckline, lightness, ...): for each query that asks something of it, the share of
    its top results that meet that one condition. Says which kind of request a ranking gets wrong."""
    out: Dict[str, List[float]] = {}
    for row, cons in zip(tops.tolist(), constraints):
        for key, cond in cons.items():
            name = strip_key(key)
            met = [satisfies_one(products[gallery_ids[c]], name, cond, onto) for c in row]
            out.setdefault(name, []).append(float(np.mean(met)) if met else 0.0)
    return out


def attainable_precision(gallery_ids: Sequence[str], exclude: str, constraints: Mapping[str, str],
                         products: Mapping[str, Product], onto: Ontology, top: int = 10) -> float:
    """The best share any ranking could reach: min(top, #satisfying gallery items) / top."""
    n = sum(1 for g in gallery_ids if g != exclude and satisfies(products[g], constraints, onto))
    return min(top, n) / top


def summarise(ranks: torch.Tensor, precision: Sequence[float], attainable: Sequence[float]) -> Dict[str, float]:
    p, a = np.asarray(precision), np.asarray(attainable)
    return {"r10": round(recall_at(ranks, 10), 4), "r50": round(recall_at(ranks, 50), 4),
            # finer-grained diagnostics: galleries of 36-140 products make R@10 and R@50 saturate
            "r1": round(recall_at(ranks, 1), 4), "r5": round(recall_at(ranks, 5), 4),
            "attr10": round(float(p.mean()), 4) if len(p) else 0.0,
            # attr10 divided by what the gallery allows: most queries have fewer than 10 satisfying products.
            "attr10_norm": round(float(np.mean(np.where(a > 0, p / np.maximum(a, 1e-9), 1.0))), 4) if len(p) else 0.0,
            "attr10_ceiling": round(float(a.mean()), 4) if len(a) else 0.0,  # the best attr10 any ranking could reach
            "queries": int(len(ranks))}
