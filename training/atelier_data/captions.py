"""Writes the two captions of a (source, target) pair, as two Fashion IQ annotators would.

Each caption mentions a subset of the attribute differences, and together the two cover all of them (as in
Fashion IQ, where the pair of captions is the query). Clauses come from caption_templates.py; frames join
them in shopper word order ("is darker with long sleeves", "darker, long sleeves", "has a floral print and a
v-neck"). Some captions carry a typo. Each caption records the constraints it asks of the target.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from . import lexicon as lx
from .caption_templates import EXTRA_TOPICS, TOPIC_TEMPLATES, Clause, Ctx
from .constraints import Constraints, merge
from .ontology import Ontology
from .products import Product


@dataclass(frozen=True)
class CaptionConfig:
    typo_rate: float = 0.06  # shoppers misspell: "sleves", "darkr"
    extra_rate: float = 0.3  # chance a caption adds an extra ("more formal", "shinier") on top of the differences
    combo_rate: float = 0.5  # chance "solid" + colour become one clause: "is solid black"


@dataclass
class Caption:
    text: str
    constraints: Constraints
    template_ids: List[str] = field(default_factory=list)


def make_clause(topic: str, ctx: Ctx, heldout: bool) -> Optional[Tuple[Clause, str]]:
    """A clause for one topic from the allowed template set (heldout-only or train-only)."""
    options = [t for t in TOPIC_TEMPLATES.get(topic, []) if t.heldout == heldout]
    ctx.rng.shuffle(options)
    for template in options:
        out = template.render(ctx)
        if out is not None:
            verb, body, cons = out
            return Clause(verb, body, cons), template.id
    return None


def _solid_color_combo(ctx: Ctx, heldout: bool) -> Optional[Tuple[Clause, str]]:
    """"is solid black": pattern and colour in one clause, when the target is solid."""
    if ctx.tgt.pattern != "solid":
        return None
    color = ctx.pick(lx.COLOR_WORDS[ctx.tgt.color])
    body, tid = (f"all {color}", "combo.all_color") if heldout else (ctx.pick([f"solid {color}", f"plain {color}"]), "combo.solid_color")
    return Clause("is", body, {"color": ctx.tgt.color, "pattern": "solid"}), tid


# ---- frames ---------------------------------------------------------------------------------------------------
def _verb_join(clauses: Sequence[Clause], sep: str) -> str:
    """"has a floral print and a v-neck": a repeated verb is said once."""
    parts, last = [], None
    for c in clauses:
        parts.append(c.body if c.verb == last else f"{c.verb} {c.body}")
        last = c.verb
    return sep.join(parts)


def frame_and(clauses: Sequence[Clause], rng: random.Random) -> str:
    return _verb_join(clauses, " and ")


def frame_with(clauses: Sequence[Clause], rng: random.Random) -> str:
    """"is darker with long sleeves": is-clauses first, has-clauses after "with"."""
    is_part = [c for c in clauses if c.verb == "is"]
    has_part = [c for c in clauses if c.verb == "has"]
    if not is_part or not has_part:
        return frame_and(clauses, rng)
    return f"is {' and '.join(c.body for c in is_part)} with {' and '.join(c.body for c in has_part)}"


def frame_comma(clauses: Sequence[Clause], rng: random.Random) -> str:
    return ", ".join(c.body for c in clauses) if rng.random() < 0.5 else _verb_join(clauses, ", ")


def frame_terse(clauses: Sequence[Clause], rng: random.Random) -> str:
    return " ".join(c.body for c in clauses)


def frame_same_but(clauses: Sequence[Clause], rng: random.Random) -> str:
    """"same but has long sleeves", "similar but darker"."""
    return f"{rng.choice(['same but', 'similar but', 'the same but'])} {_verb_join(clauses, ' and ')}"


def frame_make_it(clauses: Sequence[Clause], rng: random.Random) -> str:
    """Held out: "make it darker with long sleeves"."""
    is_part = " and ".join(c.body for c in clauses if c.verb == "is")
    has_part = " and ".join(c.body for c in clauses if c.verb == "has")
    if is_part and has_part:
        return f"make it {is_part} with {has_part}"
    return f"make it {is_part}" if is_part else f"needs {has_part}"


def frame_want(clauses: Sequence[Clause], rng: random.Random) -> str:
    """Held out: "i want one that is darker and has long sleeves"."""
    return f"i want one that {_verb_join(clauses, ' and ')}"


Frame = Callable[[Sequence[Clause], random.Random], str]
TRAIN_FRAMES: Dict[str, Frame] = {"frame.and": frame_and, "frame.with": frame_with, "frame.comma": frame_comma, "frame.terse": frame_terse,
                                 "frame.same_but": frame_same_but}
HELDOUT_FRAMES: Dict[str, Frame] = {"frame.make_it": frame_make_it, "frame.want": frame_want}


def add_typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if w in lx.TYPOS]
    if candidates:
        i = rng.choice(candidates)
        words[i] = lx.TYPOS[words[i]]
    else:
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if long:  # swap two adjacent letters: "lgnoer"
            i = rng.choice(long)
            w, j = words[i], rng.randrange(len(words[i]) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def ids_topics(ids: Sequence[str]) -> List[str]:
    return [i.split(".")[0] for i in ids] + (["color"] if any(i.startswith("combo.") for i in ids) else [])


def write_caption(topics: Sequence[str], ctx: Ctx, heldout: bool, config: CaptionConfig) -> Optional[Caption]:
    topics = list(topics)
    ctx.rng.shuffle(topics)  # varied word order
    clauses: List[Clause] = []
    ids: List[str] = []
    if "color" in topics and "pattern" in topics and ctx.rng.random() < config.combo_rate:
        combo = _solid_color_combo(ctx, heldout)
        if combo:
            topics.remove("pattern")
            topics[topics.index("color")] = "__combo__"
    for topic in topics:
        made = _solid_color_combo(ctx, heldout) if topic == "__combo__" else make_clause(topic, ctx, heldout)
        if made is None:
            return None  # a difference this caption must mention has no phrasing: skip the pair
        clauses.append(made[0])
        ids.append(made[1])
    if ctx.rng.random() < config.extra_rate:
        for topic in ctx.rng.sample(EXTRA_TOPICS, len(EXTRA_TOPICS)):
            if topic == "different" and "color" in ids_topics(ids):
                continue
            made = make_clause(topic, ctx, heldout)
            if made:
                clauses.insert(ctx.rng.randrange(len(clauses) + 1), made[0])
                ids.append(made[1])
                break
    frames = HELDOUT_FRAMES if heldout else TRAIN_FRAMES
    frame_id = ctx.rng.choice(sorted(frames))
    text = frames[frame_id](clauses, ctx.rng)
    if ctx.rng.random() < config.typo_rate:
        text = add_typo(text, ctx.rng)
    return Caption(text, merge(*(c.constraints for c in clauses)), ids + [frame_id])


def write_caption_pair(src: Product, tgt: Product, diffs: Sequence[str], onto: Ontology, rng: random.Random,
                       heldout: bool = False, config: CaptionConfig = CaptionConfig()) -> Optional[Tuple[Caption, Caption]]:
    """Two captions whose mentioned differences together cover `diffs`; None when one cannot be phrased."""
    ctx = Ctx(src, tgt, onto, rng, diffs)
    diffs = list(diffs)
    first = rng.sample(diffs, rng.randint(1, len(diffs)))
    rest = [d for d in diffs if d not in first]
    second = rest + [d for d in diffs if d not in rest and rng.random() < 0.5]
    if not second:
        second = [rng.choice(diffs)]
    a = write_caption(first, ctx, heldout, config)
    b = write_caption(second, ctx, heldout, config)
    return (a, b) if a and b else None
