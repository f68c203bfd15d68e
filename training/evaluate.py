"""`npm run eval`: evaluates every committed model and every baseline on the generated test splits in one run.

Prepares the data first when it is missing (the generated world is deterministic from its seed, so a fresh clone
rebuilds exactly the data the models were evaluated on), prints a table, writes the metrics into each model card,
and prints, as its last line, one JSON object:
  {"refine": {...}, "complete": {...}, "tagger": {...}, "tryon": {"model": {"iou", "ssim"}, "baseline": {"iou", "ssim"}}}
"complete" also holds "stylist_on_tagger": the outfit rules run on the tagger's readings, a reference, not a model.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Callable, Dict, Optional

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.prepare import ensure_data, ensure_gallery_world  # noqa: E402

MODELS = Path("models")


def table(results: Dict[str, dict]) -> str:
    lines = ["", "capability  model              metric          value", "-" * 54]
    for capability, models in results.items():
        for model, metrics in models.items():
            if isinstance(metrics, dict):
                for metric, value in metrics.items():
                    lines.append(f"{capability:<11} {model:<18} {metric:<15} {value:.4f}")
            else:
                lines.append(f"{capability:<11} {'tagger':<18} {model:<15} {metrics:.4f}")
    return "\n".join(lines)


def write_into_card(folder: Path, key: str, metrics: dict, markdown: Optional[Callable[[dict], str]] = None) -> None:
    """Puts the metrics into the model's card.json (metrics.<key>) and, given the model's card_markdown, writes its
    card.md again, whose tables show them."""
    card_path = folder / "card.json"
    if not card_path.exists():
        return
    card = json.loads(card_path.read_text())
    card.setdefault("metrics", {})[key] = metrics
    card_path.write_text(json.dumps(card, indent=2) + "\n")
    if markdown:
        (folder / "card.md").write_text(markdown(card))


def main() -> dict:
    started = time.time()
    world, sets = ensure_data()
    results: Dict[str, dict] = {}
    # A capability is evaluated once its model is committed; until then it is named as missing, not faked.
    if (MODELS / "val" / "card.json").exists():
        from training.refine.evaluate import evaluate as evaluate_refine
        # attr10 is measured in a catalogue-sized gallery (the detail world drawn on to 125,000 products, on first use).
        results["refine"] = evaluate_refine(world=str(world), sets=str(sets), gallery_world=str(ensure_gallery_world()))
        from training.refine.export import card_markdown as val_markdown
        write_into_card(MODELS / "val", "evaluation", results["refine"], val_markdown)
    else:
        print("refine: no committed model (models/val) to evaluate")
    if (MODELS / "csa" / "card.json").exists():
        from training.complete.evaluate import evaluate as evaluate_complete
        results["complete"] = evaluate_complete(world=str(world), sets=str(sets))
        # Not a model: the stylist's own rules on what the tagger reads off the images, i.e. how much of the task the
        # images show to the best reader we have (training/complete/perceived.py).
        from training.complete.perceived import evaluate_perceived
        results["complete"]["stylist_on_tagger"] = evaluate_perceived(str(sets), str(world))
        from training.complete.export import card_markdown as csa_markdown
        write_into_card(MODELS / "csa", "evaluation", results["complete"], csa_markdown)
    else:
        print("complete: no committed model (models/csa) to evaluate")
    from training.tagger.evaluate import evaluate as evaluate_tagger
    results["tagger"] = evaluate_tagger(world=str(world))
    from training.tagger.export import card_markdown as tagger_markdown
    write_into_card(MODELS / "tagger", "evaluation", results["tagger"], tagger_markdown)
    if (MODELS / "tryon" / "card.json").exists():
        from training.prepare import ensure_tryon_data
        from training.tryon.evaluate import evaluate as evaluate_tryon
        tryon = evaluate_tryon(weights=str(MODELS / "tryon" / "weights.pt"), data=str(ensure_tryon_data()))
        results["tryon"] = {k: tryon[k] for k in ("model", "baseline")}
        write_into_card(MODELS / "tryon", "evaluation", tryon)
    else:
        print("tryon: no committed model (models/tryon) to evaluate")
    print(table(results))
    print(f"\nevaluated in {time.time() - started:.0f} s")
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
