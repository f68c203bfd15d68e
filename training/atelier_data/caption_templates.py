"""Clause templates for relative captions: one clause per attribute a caption mentions.

A caption (see captions.py) is built from clauses, one per attribute it mentions ("is darker", "has long sleeves"), joined by a
frame ("is darker with long sleeves", "darker, long sleeves"). Clause templates and frames carry ids, and a
fixed subset is marked `heldout`: train/val/test captions never use them, the `heldout` split uses only them,
so evaluation can measure how the model copes with phrasings it has never seen (as with real shopper text).
Relative words follow the ontology: "darker" only when the target's colour lightness is lower, "longer" along
the ordered length (or sleeve) values, "more formal" along formality, and so on.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from . import lexicon as lx
from .constraints import Constraints
from .ontology import Ontology
from .products import Product, is_colorful, is_shiny


@dataclass(frozen=True)
class Clause:
    verb: str  # "is" or "has": lets frames write "is darker with long sleeves"
    body: str
    constraints: Constraints


@dataclass
class Ctx:
    src: Product
    tgt: Product
    onto: Ontology
    rng: random.Random
    diffs: Sequence[str]

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(list(options))

    def rank(self, attr: str, p: Product) -> int:
        return self.onto.attributes[attr].rank(p.attributes[attr])

    def up(self, attr: str) -> bool:
        return self.rank(attr, self.tgt) > self.rank(attr, self.src)


Render = Callable[[Ctx], Optional[Tuple[str, str, Constraints]]]


@dataclass(frozen=True)
class Template:
    id: str
    topic: str
    heldout: bool
    render: Render


def noun_phrase(ctx: Ctx, adj: str) -> str:
    noun = ctx.pick(lx.CATEGORY_NOUN[ctx.tgt.category])
    if ctx.tgt.category in lx.PLURAL_CATEGORIES:
        return f"{adj} {noun}"
    return f"{'an' if adj[:1] in 'aeiou' else 'a'} {adj} {noun}"


# ---- colour -------------------------------------------------------------------------------------------------
def _color(ctx: Ctx) -> str:
    return ctx.pick(lx.COLOR_WORDS[ctx.tgt.color])


def _src_color(ctx: Ctx) -> str:
    return ctx.pick(lx.COLOR_WORDS[ctx.src.color])


def _light(ctx: Ctx) -> Tuple[int, int]:
    return ctx.onto.lightness(ctx.src.color), ctx.onto.lightness(ctx.tgt.color)


def _darker(words: Sequence[str]) -> Render:
    def render(ctx: Ctx):
        ls, lt = _light(ctx)
        return ("is", ctx.pick(words), {"lightness": f"<{ls}"}) if lt < ls else None
    return render


def _lighter(words: Sequence[str]) -> Render:
    def render(ctx: Ctx):
        ls, lt = _light(ctx)
        return ("is", ctx.pick(words), {"lightness": f">{ls}"}) if lt > ls else None
    return render


def _dark_abs(ctx: Ctx):
    ls, lt = _light(ctx)
    if lt <= 1 < ls:
        return "is", ctx.pick(["dark", "a dark color", "dark colored"]), {"lightness": "<2"}
    if lt >= 5 > ls:
        return "is", ctx.pick(["light", "a light color", "light colored", "pale"]), {"lightness": ">4"}
    return None


COLOR_TEMPLATES = [
    Template("color.is", "color", False, lambda c: ("is", _color(c), {"color": c.tgt.color})),
    Template("color.in_color", "color", False, lambda c: ("is", f"{_color(c)} in color", {"color": c.tgt.color})),
    Template("color.colored", "color", False, lambda c: ("is", f"{_color(c)} colored", {"color": c.tgt.color})),
    Template("color.not", "color", False, lambda c: ("is", f"{_color(c)} not {_src_color(c)}", {"color": c.tgt.color})),
    Template("color.noun", "color", False, lambda c: ("is", noun_phrase(c, _color(c)), {"color": c.tgt.color})),
    Template("color.darker", "color", False, _darker(["darker", "darker in color", "a darker color"])),
    Template("color.lighter", "color", False, _lighter(["lighter", "lighter in color", "brighter", "a lighter color"])),
    Template("color.dark_abs", "color", False, _dark_abs),
    Template("color.in", "color", True, lambda c: ("is", f"in {_color(c)}", {"color": c.tgt.color})),
    Template("color.instead", "color", True, lambda c: ("is", f"{_color(c)} instead of {_src_color(c)}", {"color": c.tgt.color})),
    Template("color.shade_dark", "color", True, _darker(["a darker shade", "a deeper color", "darker toned"])),
    Template("color.shade_light", "color", True, _lighter(["a lighter shade", "paler", "a paler color"])),
]


# ---- pattern ------------------------------------------------------------------------------------------------
def _plainer(words: Sequence[str]) -> Render:
    return lambda c: ("is", c.pick(words), {"pattern": "solid"}) if c.tgt.pattern == "solid" else None


PATTERN_TEMPLATES = [
    Template("pattern.adj", "pattern", False, lambda c: ("is", c.pick(lx.PATTERN_ADJ[c.tgt.pattern]), {"pattern": c.tgt.pattern})),
    Template("pattern.noun", "pattern", False, lambda c: ("has", c.pick(lx.PATTERN_NOUN[c.tgt.pattern]), {"pattern": c.tgt.pattern})),
    Template("pattern.plainer", "pattern", False, _plainer(["plainer", "plain", "solid"])),
    Template("pattern.print", "pattern", False, lambda c: None if c.tgt.pattern == "solid" else
             ("has", f"a {c.pick(lx.PATTERN_ADJ[c.tgt.pattern])} design", {"pattern": c.tgt.pattern})),
    Template("pattern.instead", "pattern", True, lambda c: ("has", f"{c.pick(lx.PATTERN_NOUN[c.tgt.pattern])} instead of "
             f"{c.pick(lx.PATTERN_NOUN[c.src.pattern])}", {"pattern": c.tgt.pattern})),
    Template("pattern.simpler", "pattern", True, _plainer(["simpler", "less busy", "without a pattern"])),
]


# ---- shape --------------------------------------------------------------------------------------------------
def _less_revealing(attr: str) -> Render:
    """"less revealing" / "more revealing" for one attribute, only when no other change goes the other way."""
    def render(ctx: Ctx):
        ups = [a for a in ("sleeve", "length") if a in ctx.diffs and a in ctx.src.attributes and ctx.up(a)]
        downs = [a for a in ("sleeve", "length") if a in ctx.diffs and a in ctx.src.attributes and not ctx.up(a)]
        if ctx.tgt.attributes.get("neckline") in lx.REVEALING_NECKLINES and "neckline" in ctx.diffs:
            downs.append("neckline")
        if attr in ups and not downs:
            return "is", ctx.pick(["less revealing", "more modest", "more covered"]), {attr: f">{ctx.src.attributes[attr]}"}
        if attr in downs and not ups and attr != "neckline":
            return "is", ctx.pick(["more revealing", "sexier", "more sexy"]), {attr: f"<{ctx.src.attributes[attr]}"}
        return None
    return render


def _rel(attr: str, up: Tuple[str, ...], down: Tuple[str, ...], verb: str = "is") -> Render:
    def render(ctx: Ctx):
        src = ctx.src.attributes[attr]
        words, op = (up, ">") if ctx.up(attr) else (down, "<")
        return verb, ctx.pick(words), {attr: f"{op}{src}"}
    return render


SLEEVE_TEMPLATES = [
    Template("sleeve.noun", "sleeve", False, lambda c: ("has", c.pick(lx.SLEEVE_NOUN[c.tgt.attributes["sleeve"]]), {"sleeve": c.tgt.attributes["sleeve"]})),
    Template("sleeve.adj", "sleeve", False, lambda c: ("is", c.pick(lx.SLEEVE_ADJ[c.tgt.attributes["sleeve"]]), {"sleeve": c.tgt.attributes["sleeve"]})),
    Template("sleeve.rel", "sleeve", False, _rel("sleeve", ("longer sleeves",), ("shorter sleeves",), "has")),
    Template("sleeve.revealing", "sleeve", False, _less_revealing("sleeve")),
    Template("sleeve.rel_held", "sleeve", True, _rel("sleeve", ("sleeves that are longer", "more sleeve"), ("sleeves that are shorter", "less sleeve"), "has")),
]

NECK_TEMPLATES = [
    Template("neckline.noun", "neckline", False, lambda c: ("has", c.pick(lx.NECK_NOUN[c.tgt.attributes["neckline"]]), {"neckline": c.tgt.attributes["neckline"]})),
    Template("neckline.adj", "neckline", False, lambda c: ("is", c.pick(lx.NECK_ADJ[c.tgt.attributes["neckline"]]), {"neckline": c.tgt.attributes["neckline"]})
             if c.tgt.attributes["neckline"] in lx.NECK_ADJ else None),
    Template("neckline.modest", "neckline", False, lambda c: ("is", "less revealing", {"neckline": "!" + "|".join(lx.REVEALING_NECKLINES)})
             if c.src.attributes["neckline"] in lx.REVEALING_NECKLINES and c.tgt.attributes["neckline"] not in lx.REVEALING_NECKLINES else None),
    Template("neckline.instead", "neckline", True, lambda c: ("has", f"{c.pick(lx.NECK_NOUN[c.tgt.attributes['neckline']])} instead of "
             f"{c.pick(lx.NECK_NOUN[c.src.attributes['neckline']])}", {"neckline": c.tgt.attributes["neckline"]})),
]

LENGTH_TEMPLATES = [
    Template("length.rel", "length", False, _rel("length", ("longer", "much longer"), ("shorter", "much shorter"))),
    Template("length.adj", "length", False, lambda c: ("is", c.pick(lx.LENGTH_ADJ[c.tgt.attributes["length"]]), {"length": c.tgt.attributes["length"]})),
    Template("length.revealing", "length", False, _less_revealing("length")),
    Template("length.rel_held", "length", True, _rel("length", ("a longer length", "longer in length"), ("a shorter length", "shorter in length"))),
]

FIT_TEMPLATES = [
    Template("fit.rel", "fit", False, _rel("fit", ("looser", "baggier", "less fitted"), ("tighter", "more fitted", "slimmer"))),
    Template("fit.adj", "fit", False, lambda c: ("is", c.pick(lx.FIT_ADJ[c.tgt.attributes["fit"]]), {"fit": c.tgt.attributes["fit"]})),
    Template("fit.held", "fit", True, lambda c: ("has", f"{'an' if c.tgt.attributes['fit'][0] in 'aeiou' else 'a'} {c.tgt.attributes['fit']} fit", {"fit": c.tgt.attributes["fit"]})),
]

MATERIAL_TEMPLATES = [
    Template("material.adj", "material", False, lambda c: ("is", c.pick(lx.MATERIAL_ADJ[c.tgt.attributes["material"]]), {"material": c.tgt.attributes["material"]})),
    Template("material.made", "material", False, lambda c: ("is", f"made of {c.tgt.attributes['material']}", {"material": c.tgt.attributes["material"]})),
    Template("material.held", "material", True, lambda c: ("is", f"in {c.tgt.attributes['material']} fabric", {"material": c.tgt.attributes["material"]})),
]

HEEL_TEMPLATES = [
    Template("heel.rel", "heel", False, _rel("heel", ("a higher heel", "higher"), ("a lower heel", "lower"), "has")),
    Template("heel.noun", "heel", False, lambda c: ("has", c.pick(lx.HEEL_NOUN[c.tgt.attributes["heel"]]), {"heel": c.tgt.attributes["heel"]})),
    Template("heel.held", "heel", True, _rel("heel", ("a taller heel",), ("a flatter heel",), "has")),
]


# ---- extras: said on top of the differences, never instead of them -----------------------------------------
def _formality(words_up: Sequence[str], words_down: Sequence[str]) -> Render:
    def render(ctx: Ctx):
        fs, ft = ctx.src.attributes.get("formality"), ctx.tgt.attributes.get("formality")
        if not fs or not ft or fs == ft:
            return None
        return _rel("formality", tuple(words_up), tuple(words_down))(ctx)
    return render


EXTRA_TEMPLATES = [
    Template("formality.rel", "formality", False, _formality(["more formal", "dressier", "more professional"], ["more casual", "less formal"])),
    Template("formality.abs", "formality", False, lambda c: ("is", c.pick(lx.FORMALITY_ABS[c.tgt.attributes["formality"]]), {"formality": c.tgt.attributes["formality"]})
             if c.src.attributes.get("formality") != c.tgt.attributes.get("formality") else None),
    Template("formality.held", "formality", True, _formality(["more elegant", "classier"], ["more relaxed", "more laid back"])),
    Template("shiny.rel", "shiny", False, lambda c: ("is", c.pick(["shinier", "shiny", "more shiny"]), {"shiny": "true"})
             if is_shiny(c.tgt, c.onto) and not is_shiny(c.src, c.onto) else None),
    Template("shiny.held", "shiny", True, lambda c: ("is", "more metallic", {"shiny": "true"})
             if is_shiny(c.tgt, c.onto) and not is_shiny(c.src, c.onto) else None),
    Template("colorful.rel", "colorful", False, lambda c: ("is", c.pick(["more colorful", "colorful", "brighter"]), {"colorful": "true"})
             if is_colorful(c.tgt, c.onto) and not is_colorful(c.src, c.onto) else None),
    Template("colorful.patterned", "colorful", False, lambda c: (c.pick([("is", "patterned"), ("has", "more patterns"), ("has", "a pattern")]) + ({"pattern": "!solid"},))
             if c.src.pattern == "solid" and c.tgt.pattern != "solid" else None),
    Template("colorful.bright", "colorful", False, lambda c: ("is", c.pick(["a bright color", "more colors", "bright"]), {"color_family": "!neutral"})
             if c.onto.is_neutral(c.src.color) and not c.onto.is_neutral(c.tgt.color) else None),
    Template("colorful.held", "colorful", True, lambda c: ("is", "more vibrant", {"colorful": "true"})
             if is_colorful(c.tgt, c.onto) and not is_colorful(c.src, c.onto) else None),
    Template("color.different", "different", False, lambda c: ("is", c.pick(["a different color", "another color"]), {"color": f"!{c.src.color}"})
             if c.src.color != c.tgt.color else None),
    Template("season.warm", "season", False, lambda c: ("is", c.pick(["warmer", "for winter"]), {"season": "winter"})
             if c.tgt.attributes.get("season") == "winter" != c.src.attributes.get("season") else None),
    Template("season.summer", "season", True, lambda c: ("is", "more summery", {"season": "summer"})
             if c.tgt.attributes.get("season") == "summer" != c.src.attributes.get("season") else None),
]

TOPIC_TEMPLATES: Dict[str, List[Template]] = {}
for _t in (COLOR_TEMPLATES + PATTERN_TEMPLATES + SLEEVE_TEMPLATES + NECK_TEMPLATES + LENGTH_TEMPLATES
           + FIT_TEMPLATES + MATERIAL_TEMPLATES + HEEL_TEMPLATES + EXTRA_TEMPLATES):
    TOPIC_TEMPLATES.setdefault(_t.topic, []).append(_t)
ALL_TEMPLATES: List[Template] = [t for ts in TOPIC_TEMPLATES.values() for t in ts]
HELDOUT_TEMPLATE_IDS = frozenset(t.id for t in ALL_TEMPLATES if t.heldout)
EXTRA_TOPICS = ("formality", "shiny", "colorful", "different", "season")
