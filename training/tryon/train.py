"""Trains O-VITON's shape and appearance generators from single images, calibrates the warp-and-paste baseline,
and evaluates both on the paired test cases.

  npm run tryon:export-train -- --out training/data/tryon --train 3000 --test 120 --seed 1
  /usr/bin/python3 -m training.tryon.train [--steps 400] [--quick]

Single-image training (as in the paper): the target is the figure itself; the shape network sees its body model and
its garments, the appearance network its ground-truth layout, its kept pixels and its garments. A garment slot holds
the garment cut out of the picture it is worn in (worn_share of the time) or its catalogue flat (the rest): the flat
is what inference gives, the worn cut-out is the paper's signal. Two augmentations stand in for the outfit change
that single images never show: the body model's person mask is dilated at random (at test time it is the silhouette
of the OLD outfit), and bands of skin are blanked in the person input (a new layout may show skin the photo hid).
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import List, Optional

import numpy as np
import torch
import torch.nn.functional as F

from training.common.config import parse_config, seed_everything, set_threads
from training.tryon.baseline import calibrate
from training.tryon.data import TrainSet, kept_person, one_hot
from training.tryon.io import PARSE_LABELS
from training.tryon.loss import appearance_loss, layout_loss
from training.tryon.model import AppearanceNet, PatchDiscriminator, ShapeNet, parameter_count


@dataclass
class Config:
    data: str = field(default="training/data/tryon", metadata={"help": "export of npm run tryon:export-train"})
    out: str = field(default="training/runs/tryon", metadata={"help": "checkpoint and metrics folder"})
    steps: int = field(default=1500, metadata={"help": "optimisation steps (each: one batch for each network)"})
    batch_size: int = 8
    lr: float = 2e-3
    weight_decay: float = 1e-4
    worn_share: float = field(default=0.3, metadata={"help": "share of garment slots filled from the worn picture"})
    dilate_share: float = field(default=0.5, metadata={"help": "share of body models whose person mask is dilated"})
    skin_drop_share: float = field(default=0.5, metadata={"help": "share of person inputs with a band of skin blanked"})
    gan_weight: float = field(default=0.01, metadata={"help": "PatchGAN term weight (0: off)"})
    gan_start: float = field(default=0.5, metadata={"help": "share of the steps after which the PatchGAN term joins"})
    silhouette_dilation: int = field(default=15, metadata={"help": "odd kernel the shape network dilates the person mask by (0: off)"})
    shape_dim: int = 16
    appearance_dim: int = 32
    width: int = 16
    seed: int = 1
    threads: int = 2
    limit: int = field(default=0, metadata={"help": "use the first N training figures only (0: all)"})
    eval_limit: int = field(default=0, metadata={"help": "evaluate on the first N test cases only (0: all)"})
    max_minutes: float = field(default=30.0, metadata={"help": "training-loop wall-time budget: the schedule ends here if the steps do not"})
    quick: bool = field(default=False, metadata={"help": "3 steps of batch 2 on 8 figures (pipeline check)"})


def dilate_person(body: torch.Tensor, rng: np.random.Generator, share: float) -> torch.Tensor:
    """body (B, 19, H, W): the person mask (channel 17) dilated by a random odd kernel for `share` of the batch."""
    body = body.clone()
    for i in range(body.shape[0]):
        if rng.random() < share:
            k = int(rng.choice([3, 5, 7, 9, 11]))
            body[i, 17] = F.max_pool2d(body[i, 17][None, None], k, 1, k // 2)[0, 0]
    return body


def blank_skin(person: torch.Tensor, labels: torch.Tensor, keep: torch.Tensor, rng: np.random.Generator, share: float) -> torch.Tensor:
    """person (B, 3, H, W): for `share` of the batch, skin outside the keep mask is zeroed in a random horizontal band."""
    person = person.clone()
    h = person.shape[-2]
    for i in range(person.shape[0]):
        if rng.random() < share:
            y0 = int(rng.integers(h // 5, h - 20))
            y1 = min(h, y0 + int(rng.integers(20, h // 2)))
            drop = (labels[i, y0:y1] == PARSE_LABELS["skin"]) & (keep[i, y0:y1] < 0.5)
            person[i, :, y0:y1][:, drop] = 0
    return person


def main(argv: Optional[List[str]] = None) -> dict:
    cfg = parse_config(Config, argv, description=__doc__)
    if cfg.quick:
        cfg.steps, cfg.batch_size, cfg.limit, cfg.eval_limit = 3, 2, cfg.limit or 8, cfg.eval_limit or 4
    set_threads(cfg.threads)
    seed_everything(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    started = time.time()
    train = TrainSet(Path(cfg.data), cfg.limit)
    print(f"tryon: {len(train)} training figures loaded in {time.time() - started:.0f} s", flush=True)
    shape_args = {"dim": cfg.shape_dim, "width": cfg.width, "silhouette_dilation": cfg.silhouette_dilation}
    appearance_args = {"dim": cfg.appearance_dim, "width": cfg.width}
    shape, appearance, critic = ShapeNet(**shape_args), AppearanceNet(**appearance_args), PatchDiscriminator()
    print(f"tryon: shape {parameter_count(shape)[1]:.2f} MB, appearance {parameter_count(appearance)[1]:.2f} MB", flush=True)
    optimisers = [torch.optim.AdamW(m.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay, betas=(0.5, 0.999) if m is critic else (0.9, 0.999))
                  for m in (shape, appearance, critic)]
    step = 0
    train_started = time.time()
    log = {"shape": 0.0, "appearance": 0.0, "gan": 0.0}
    stopped_early = False
    progress = 0.0
    for step in range(1, cfg.steps + 1):
        # Progress is the larger of the step share and the time share: on shared CPUs a run bound by max_minutes
        # still anneals to the end of its cosine (such a run is not step-for-step reproducible; the card says which).
        progress = max((step - 1) / cfg.steps, (time.time() - train_started) / 60 / cfg.max_minutes)
        if progress >= 1:
            print(f"tryon: time budget reached at step {step - 1} of {cfg.steps} ({cfg.max_minutes} min)", flush=True)
            stopped_early = True
            step -= 1
            break
        lr = cfg.lr * 0.5 * (1 + math.cos(math.pi * progress))  # cosine to 0
        for opt in optimisers:
            for group in opt.param_groups:
                group["lr"] = lr
        batch = train.batch(list(rng.integers(0, len(train), cfg.batch_size)), rng, cfg.worn_share)
        # Shape generation: body model + garments -> layout.
        logits = shape(dilate_person(batch["body"], rng, cfg.dilate_share), batch["garments"])
        loss_shape = layout_loss(logits, batch["labels"])
        optimisers[0].zero_grad()
        loss_shape.backward()
        optimisers[0].step()
        # Appearance generation: ground-truth layout + kept pixels + garments -> image.
        layout = one_hot(batch["labels"])
        person = kept_person(batch["person"], batch["labels"], batch["keep"], batch["labels"])
        person = blank_skin(person, batch["labels"], batch["keep"], rng, cfg.skin_drop_share)
        image = appearance(layout, person, batch["garments"])
        loss_app = appearance_loss(image, batch["person"], batch["labels"])
        use_gan = cfg.gan_weight > 0 and progress > cfg.gan_start
        if use_gan:
            loss_gan = ((critic(image, layout) - 1) ** 2).mean()  # least-squares GAN, generator side
            loss_app = loss_app + cfg.gan_weight * loss_gan
            log["gan"] += float(loss_gan)
        optimisers[1].zero_grad()
        loss_app.backward()
        optimisers[1].step()
        if use_gan:
            d_loss = ((critic(batch["person"], layout) - 1) ** 2).mean() + (critic(image.detach(), layout) ** 2).mean()
            optimisers[2].zero_grad()
            d_loss.backward()
            optimisers[2].step()
        log["shape"] += float(loss_shape)
        log["appearance"] += float(loss_app)
        if step % 20 == 0 or step == cfg.steps:
            n = 20 if step % 20 == 0 else step % 20
            print(f"step {step}/{cfg.steps} lr {lr:.2e} shape {log['shape'] / n:.4f} appearance {log['appearance'] / n:.4f} "
                  f"gan {log['gan'] / n:.4f} ({time.time() - train_started:.0f} s)", flush=True)
            log = {k: 0.0 for k in log}
    seconds = time.time() - started
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    state = {"shape": shape.state_dict(), "appearance": appearance.state_dict(), "shape_args": shape_args,
             "appearance_args": appearance_args, "calibration": calibrate(train),
             "config": {**asdict(cfg), "seconds": round(seconds), "stepsDone": step, "stoppedEarly": stopped_early,
                        "figures": len(train)}}
    torch.save(state, out / "weights.pt")
    from training.tryon.evaluate import evaluate
    metrics = evaluate(str(out / "weights.pt"), cfg.data, cfg.eval_limit)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(f"tryon: trained in {seconds / 60:.1f} min; test {json.dumps(metrics)}", flush=True)
    return metrics


if __name__ == "__main__":
    main()
