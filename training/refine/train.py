"""Trains VAL and its four baselines in one run, on cached features of the frozen shared backbone.

  /usr/bin/python3 -m training.refine.train [--epochs 6 --threads 2]

npm run train (training/train.py) runs it on prepare.py ensure_refine_sets's triplets: --world training/data/world-detail
--count 60000 --sets training/data/sets-refine --epochs 3.

Every kind gets the same data, batches, text encoder type, projections, loss and epochs. The loss is VAL's
hierarchical matching and visual-semantic term plus the attribute term (loss.py attribute_loss): ranked against every
training product of the batch's slot, those that meet all the captions' constraints must come first. Writes
<out>/weights.pt and <out>/vocab.json (VAL), <baselines_out>/<kind>.pt (each baseline) and <out>/training.json
(settings, per-epoch validation metrics, timings). The model kept for each kind is the epoch with the best
validation-split Recall@10 + Recall@50.
"""
from __future__ import annotations

import copy
import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import torch

from training.atelier_data import lexicon as lx
from training.atelier_data.constraints import SatisfactionTable
from training.atelier_data.ontology import load_ontology
from training.atelier_data.products import load_products
from training.common.config import parse_config, seed_everything, set_threads
from training.common.features import load_backbone, resolve_backbone, world_features
from training.refine.data import FeatureBank, TripletTensors, load_triplets, side_information, train_captions
from training.refine.evaluate import ROOT, evaluate_split
from training.refine.loss import attribute_loss, batch_softmax, hierarchical_loss, semi_hard_triplet
from training.refine.model import KINDS, ModelConfig, RefineModel, score
from training.refine.vocab import PAD, UNK, build_vocab, read_word_list


@dataclass
class TrainConfig:
    world: str = field(default="training/data/world", metadata={"help": "catalogue world (products.jsonl + images/)"})
    count: int = field(default=0, metadata={"help": "use only the world's first N products (0: all; a world drawn on keeps its first products)"})
    sets: str = field(default="training/data/sets", metadata={"help": "exported data sets (fashion_iq/ inside)"})
    backbone: str = field(default="", metadata={"help": "backbone checkpoint (default: the tagger's, models/tagger/weights.pt; random: random weights)"})
    out: str = field(default="models/val", metadata={"help": "VAL weights, vocabulary and training log"})
    baselines_out: str = field(default="models/val-baselines", metadata={"help": "baseline weights"})
    kinds: str = field(default=",".join(KINDS), metadata={"help": "comma-separated model kinds to train"})
    epochs: int = field(default=6, metadata={"help": "passes over the training triplets"})
    batch_size: int = 128
    lr: float = 1e-3
    weight_decay: float = 1e-4
    width: int = field(default=128, metadata={"help": "common embedding width d"})
    heads: int = 2
    qk_dim: int = 64
    low_attention_pool: int = field(default=2, metadata={"help": "pool the low map's self-attention tokens by this factor (CPU cost)"})
    word_dim: int = 128
    text_dim: int = 256
    dropout: float = 0.1
    w_gate: float = 1.0
    w_self: float = 1.0
    loss: str = field(default="softmax", metadata={"help": "softmax (batch InfoNCE) or triplet (semi-hard, margin 0.2)"})
    vs_weight: float = field(default=0.5, metadata={"help": "weight of the visual-semantic term"})
    source_negatives: bool = field(default=True, metadata={"help": "the batch's source images are negatives too (softmax loss)"})
    attr_weight: float = field(default=3.0, metadata={"help": "weight of the attribute term: products that meet every constraint of the captions outrank those that do not (0: off)"})
    attr_scale: float = field(default=10.0, metadata={"help": "scale of the summed cosine similarities in the attribute term"})
    answers_not_negatives: bool = field(default=False, metadata={"help": "in the exact-target ranking loss, a batch product that meets every constraint of the caption is not a negative"})
    attr_pool: str = field(default="slot", metadata={"help": "candidates of the attribute term: slot (every training product of the batch's slot, as a catalogue search ranks them) or batch (the batch's targets and sources)"})
    word_dropout: float = field(default=0.1, metadata={"help": "share of caption words replaced by <unk> in training"})
    slot_batches: bool = field(default=True, metadata={"help": "draw each batch from one slot (same-category negatives)"})
    real_words: str = field(default="../shared/refinement-vocabulary.tsv", metadata={"help": "shopper word list (word<TAB>count): real words that spelling correction must not rewrite"})
    min_count: int = field(default=2, metadata={"help": "vocabulary: minimum word count in the train captions"})
    max_len: int = field(default=32, metadata={"help": "tokens kept per query (both captions joined)"})
    eval_every: int = field(default=2, metadata={"help": "validate every N epochs (and at the end)"})
    limit: int = field(default=0, metadata={"help": "use only the first N training triplets (quick runs)"})
    resume: str = field(default="", metadata={"help": "folder for per-epoch training state; a rerun with the same settings continues from it"})
    seed: int = 1
    threads: int = field(default=1, metadata={"help": "torch threads (0: all cores)"})


def batches(data: TripletTensors, size: int, by_slot: bool, rng: np.random.Generator) -> List[np.ndarray]:
    """Index batches; with by_slot every batch holds one slot's triplets, so in-batch negatives are hard ones."""
    if not by_slot:
        order = rng.permutation(len(data))
        return [order[i : i + size] for i in range(0, len(order) - size + 1, size)]
    groups: Dict[str, List[int]] = {}
    for i, g in enumerate(data.groups):
        groups.setdefault(g, []).append(i)
    out = []
    for idx in groups.values():
        idx = rng.permutation(idx)
        n = max(1, round(len(idx) / size))  # near-equal chunks, no tiny leftovers
        out += [c for c in np.array_split(idx, n) if len(c) >= 8]
    return [out[i] for i in rng.permutation(len(out))]


def same_run(a: Dict[str, object], b: Dict[str, object]) -> bool:
    """Settings that change the result agree (threads and the resume folder do not change it)."""
    ignore = ("threads", "resume")
    return {k: v for k, v in a.items() if k not in ignore} == {k: v for k, v in b.items() if k not in ignore}


def train_kind(kind: str, cfg: TrainConfig, vocab_size: int, stats: List[torch.Tensor], bank: FeatureBank,
               pooled: List[torch.Tensor], train: TripletTensors, side_tokens: torch.Tensor, side_lengths: torch.Tensor,
               val_data: TripletTensors, row_of: Dict[str, int], products: dict, table: SatisfactionTable) -> Dict[str, object]:
    """`table` holds the world's products in feature-row order: it says which meet every constraint of a query."""
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    model = RefineModel(ModelConfig(vocab_size, kind, width=cfg.width, word_dim=cfg.word_dim, text_dim=cfg.text_dim, heads=cfg.heads,
                                    qk_dim=cfg.qk_dim, low_attention_pool=cfg.low_attention_pool, dropout=cfg.dropout,
                                    w_gate=cfg.w_gate, w_self=cfg.w_self))
    model.set_input_stats(stats)
    optimiser = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    steps = cfg.epochs * len(batches(train, cfg.batch_size, cfg.slot_batches, np.random.default_rng(0)))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=cfg.lr, total_steps=max(1, steps), pct_start=0.1)
    history, best, best_state = [], -1.0, None
    slot_rows = {group: torch.tensor([row_of[i] for i in ids if i in row_of]) for group, ids in train.gallery.items()}
    started = time.time()
    step, first_epoch, earlier = 0, 0, 0.0
    state_file = Path(cfg.resume) / f"{kind}.pt" if cfg.resume else None
    if state_file and state_file.exists():
        state = torch.load(state_file)
        if same_run(state["settings"], asdict(cfg)):
            model.load_state_dict(state["model"])
            optimiser.load_state_dict(state["optimiser"])
            schedule.load_state_dict(state["schedule"])
            rng.bit_generator.state = state["numpy_rng"]
            torch.set_rng_state(state["torch_rng"])
            history, best, best_state, step, first_epoch, earlier = (state[k] for k in ("history", "best", "best_state", "step", "epoch", "seconds"))
            print(f"{kind}: resuming after epoch {first_epoch}", flush=True)
    started -= earlier
    for epoch in range(first_epoch, cfg.epochs):
        model.train()
        totals = np.zeros(3)
        plan = batches(train, cfg.batch_size, cfg.slot_batches, rng)
        for idx in plan:
            sel = torch.from_numpy(np.sort(idx))
            order = torch.from_numpy(rng.integers(0, 2, len(sel)))  # caption order: given or swapped
            lengths = train.lengths[sel, order]
            tokens = train.tokens[sel, order, : int(lengths.max())]  # (B, longest in batch): no LSTM steps over padding only
            if cfg.word_dropout > 0:  # unknown words at test time ("make it", "i want one that") must not derail the query
                drop = torch.from_numpy(rng.random(tuple(tokens.shape)) < cfg.word_dropout) & (tokens != PAD)
                tokens = tokens.masked_fill(drop, UNK)
            tgt = train.target[sel]
            same_target = tgt[:, None] == tgt[None, :]
            answers = torch.from_numpy(np.stack([table.row(train.constraints[i]) for i in sel.tolist()]))  # (B, N_world)
            same = same_target | answers[:, tgt] if cfg.answers_not_negatives else same_target
            queries = model(bank.maps(train.source[sel]), tokens, lengths)
            targets = model.targets_from_pooled([p[tgt] for p in pooled])
            sources = source_same = None
            if cfg.source_negatives:
                src = train.source[sel]
                sources = model.targets_from_pooled([p[src] for p in pooled])
                source_same = tgt[:, None] == src[None, :]
                if cfg.answers_not_negatives:
                    source_same = source_same | answers[:, src]
            match = sum(hierarchical_loss(queries, targets, model.log_scale, same, cfg.loss, sources, source_same))
            attr = match * 0.0
            if cfg.attr_weight > 0:
                if cfg.attr_pool == "slot" and cfg.slot_batches:
                    candidates = slot_rows[train.groups[int(sel[0])]]
                    gallery = model.targets_from_pooled([p[candidates] for p in pooled])
                else:
                    candidates = torch.cat([tgt, src]) if sources else tgt
                    gallery = [torch.cat([t, s]) for t, s in zip(targets, sources)] if sources else targets
                attr = attribute_loss(cfg.attr_scale * score(queries, gallery), answers[:, candidates])  # the ranking's own score
            # Visual-semantic term: the target's side-information text (a random phrasing) against the target.
            phrasing = torch.from_numpy(rng.integers(0, side_tokens.shape[1], len(sel)))
            side_len = side_lengths[tgt, phrasing]
            side = model.side_embeddings(side_tokens[tgt, phrasing, : int(side_len.max())], side_len)
            scales = model.log_scale.clamp(max=4.6).exp()
            vs = sum(batch_softmax(s, t, scales[i], same_target) if cfg.loss == "softmax" else semi_hard_triplet(s, t, same_target)
                     for i, (s, t) in enumerate(zip(side, targets)))
            loss = match + cfg.vs_weight * vs + cfg.attr_weight * attr
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if step < steps:
                schedule.step()
            step += 1
            totals += [float(match), float(vs), float(attr)]
        line = {"epoch": epoch + 1, "match": round(totals[0] / len(plan), 4), "vs": round(totals[1] / len(plan), 4),
                "attr": round(totals[2] / len(plan), 4),
                "seconds": round(time.time() - started, 1)}
        if (epoch + 1) % cfg.eval_every == 0 or epoch + 1 == cfg.epochs:
            metrics = evaluate_split(model, bank, pooled, val_data, row_of, products)
            line["val_split"] = metrics
            if metrics["r10"] + metrics["r50"] > best:
                best, best_state = metrics["r10"] + metrics["r50"], copy.deepcopy(model.state_dict())
                line["kept"] = True
        history.append(line)
        print(f"{kind} " + json.dumps(line), flush=True)
        if state_file:  # everything needed to continue exactly here after an interruption
            state_file.parent.mkdir(parents=True, exist_ok=True)
            torch.save({"settings": asdict(cfg), "model": model.state_dict(), "optimiser": optimiser.state_dict(),
                        "schedule": schedule.state_dict(), "numpy_rng": rng.bit_generator.state, "torch_rng": torch.get_rng_state(),
                        "history": history, "best": best, "best_state": best_state, "step": step, "epoch": epoch + 1,
                        "seconds": time.time() - started}, state_file.with_suffix(".tmp"))
            state_file.with_suffix(".tmp").replace(state_file)
    return {"config": model.describe(), "state_dict": best_state or model.state_dict(), "history": history,
            "seconds": round(time.time() - started, 1)}


def side_information_tokens(products: list, vocab, variants: int, seed: int):
    """(N_world, variants, L) token ids and (N_world, variants) lengths of each product's side information."""
    rng = random.Random(seed)
    tokens, lengths = [], []
    for v in range(variants):
        t, n = vocab.encode_batch([side_information(p, rng if v else None) for p in products])
        tokens.append(t)
        lengths.append(n)
    return torch.from_numpy(np.stack(tokens, 1)), torch.from_numpy(np.stack(lengths, 1))


def main(argv: Optional[List[str]] = None) -> Dict[str, Dict[str, object]]:
    cfg = parse_config(TrainConfig, argv, "Train VAL and its baselines on the frozen backbone's cached features.")
    if cfg.count < 0:
        raise SystemExit(f"--count is a number of products (0: all), not {cfg.count}")
    if cfg.attr_pool not in ("slot", "batch"):
        raise SystemExit(f"--attr-pool is slot or batch, not {cfg.attr_pool!r}")
    set_threads(cfg.threads)
    seed_everything(cfg.seed)
    started = time.time()
    world, sets = (Path(p) if Path(p).is_absolute() else ROOT / p for p in (cfg.world, cfg.sets))
    out, baselines_out = (Path(p) if Path(p).is_absolute() else ROOT / p for p in (cfg.out, cfg.baselines_out))
    checkpoint = resolve_backbone(cfg.backbone)
    digest = load_backbone(checkpoint)[1]
    print(f"backbone: {checkpoint or 'random weights (no tagger checkpoint yet)'} [{digest}]", flush=True)
    products = load_products(world)
    by_id = {p.id: p for p in products}  # all of them: a feature cache may hold more than the first `count`
    features, row_of = world_features(world, [p.id for p in products[: cfg.count or None]], checkpoint)
    bank = FeatureBank(features)
    pooled = bank.pooled()
    real_words = read_word_list(cfg.real_words if Path(cfg.real_words).is_absolute() else ROOT / cfg.real_words)
    vocab = build_vocab(train_captions(sets), cfg.min_count, cfg.max_len, real_words, lx.TYPOS.values())
    train = load_triplets(sets, "train", vocab, row_of)
    if cfg.limit:
        keep = torch.arange(min(cfg.limit, len(train)))
        train = TripletTensors(train.source[keep], train.target[keep], train.tokens[keep], train.lengths[keep],
                               *(x[: len(keep)] for x in (train.groups, train.texts, train.constraints, train.candidate_ids, train.target_ids)),
                               train.gallery)
    val_data = load_triplets(sets, "val", vocab, row_of)
    world_order = sorted(row_of, key=row_of.get)
    side_tokens, side_lengths = side_information_tokens([by_id[i] for i in world_order], vocab, 4, cfg.seed)
    train_products = torch.tensor(sorted(set(train.source.tolist()) | set(train.target.tolist())))
    stats = bank.channel_stats(train_products)
    table = SatisfactionTable([by_id[i] for i in world_order], load_ontology())  # which products answer a query, per batch
    setup = time.time() - started
    print(f"{len(train)} train triplets, {len(val_data)} validation, vocabulary {vocab.size} ids, "
          f"features ready in {setup:.0f} s", flush=True)
    results = {}
    for kind in [k.strip() for k in cfg.kinds.split(",") if k.strip()]:
        results[kind] = train_kind(kind, cfg, vocab.size, stats, bank, pooled, train, side_tokens, side_lengths, val_data, row_of, by_id, table)
    out.mkdir(parents=True, exist_ok=True)
    vocab.save(out / "vocab.json")
    meta = {"backbone": str(Path(checkpoint).relative_to(ROOT)) if checkpoint and Path(checkpoint).is_relative_to(ROOT) else checkpoint,
            "backbone_digest": digest, "train_triplets": len(train), "val_triplets": len(val_data)}
    if "val" in results:
        torch.save({**{k: results["val"][k] for k in ("config", "state_dict")}, **meta}, out / "weights.pt")
    for kind, r in results.items():
        if kind != "val":  # one file per baseline keeps each committed file small
            baselines_out.mkdir(parents=True, exist_ok=True)
            torch.save({"config": r["config"], "state_dict": r["state_dict"]}, baselines_out / f"{kind}.pt")
    total = setup + sum(r["seconds"] for r in results.values())  # training time, summed over resumed runs
    log = {"settings": asdict(cfg), **meta, "seconds": round(total, 1),
           "kinds": {k: {"seconds": r["seconds"], "history": r["history"]} for k, r in results.items()}}
    (out / "training.json").write_text(json.dumps(log, indent=1))
    print(f"trained {', '.join(results)} in {total:.0f} s", flush=True)
    return results


if __name__ == "__main__":
    main()
