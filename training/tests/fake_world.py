"""A tiny catalogue world built in Python from the ontology, so tests never depend on training/data."""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Dict, List

from training.atelier_data.ontology import Ontology, load_ontology

# Rough formality per category (as the TypeScript generator derives it), in formality-rank units.
BASE_FORMALITY = {"tshirt": 1, "tank": 1, "hoodie": 0.6, "sweater": 1.5, "shirt": 2.3, "blouse": 2.3, "dress": 2,
                  "jumpsuit": 2, "jeans": 1, "trousers": 2.5, "shorts": 0.8, "skirt": 2, "jacket": 1.5, "coat": 2.6,
                  "blazer": 3, "sneakers": 0.5, "boots": 1.6, "heels": 3.4, "sandals": 1.3, "loafers": 2.6,
                  "handbag": 2.6, "backpack": 0.8, "hat": 1.2, "scarf": 1.8, "belt": 2.4, "sunglasses": 1.3}
MATERIAL_BONUS = {"sequin": 1.8, "satin": 1.3, "silk": 0.8, "lace": 0.6, "wool": 0.4, "denim": -0.6, "canvas": -0.5}


def _season(category: str, attrs: Dict[str, str]) -> str:
    if category in ("coat", "boots", "scarf") or attrs.get("material") == "wool":
        return "winter"
    if category in ("sandals", "shorts", "tank") or attrs.get("sleeve") == "sleeveless":
        return "summer"
    return random.Random(category).choice(["all_season", "spring_fall"])


def fake_products(n_families_per_category: int = 3, seed: int = 7, onto: Ontology | None = None) -> List[dict]:
    onto = onto or load_ontology()
    rng = random.Random(seed)
    formality = onto.attributes["formality"].values
    out, family = [], 0
    for _ in range(n_families_per_category):
        for category in onto.categories:
            slot = onto.category_slot[category]
            shape = {a: rng.choice(onto.attributes[a].values) for a in ("sleeve", "neckline", "length", "fit", "heel")
                     if a in onto.attributes_for_slot(slot)}
            material = rng.choice(onto.attributes["material"].values)
            pattern = "solid" if rng.random() < 0.5 else rng.choice(onto.patterns)
            colors = rng.sample(sorted(onto.colors), rng.randint(2, 4))
            for v, color in enumerate(colors):
                attrs = dict(shape)
                if v and rng.random() < 0.4:
                    name = rng.choice(sorted(shape) + ["pattern"])
                    if name == "pattern":
                        pattern = rng.choice(onto.patterns)
                    else:
                        attrs[name] = rng.choice(onto.attributes[name].values)
                attrs["material"] = material
                score = BASE_FORMALITY[category] + MATERIAL_BONUS.get(material, 0) + rng.uniform(-0.5, 0.5)
                attrs["formality"] = formality[max(0, min(4, round(score)))]
                attrs["season"] = _season(category, attrs)
                attrs["style"] = rng.choice(["classic", "minimal", "classic", rng.choice(onto.attributes["style"].values)])
                pid = f"f{family:03d}{v}"
                out.append({"id": pid, "sku": pid.upper(), "title": f"Fake {category} {v}", "brand": "Test", "priceCents": 1000,
                            "currency": "EUR", "category": category, "slot": slot, "color": color, "pattern": pattern,
                            "attributes": attrs, "family": family, "inStock": True, "imageUrl": f"images/{pid}.png"})
            family += 1
    return out


def write_fake_world(folder: Path, **kwargs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "products.jsonl").write_text("\n".join(json.dumps(p) for p in fake_products(**kwargs)) + "\n")
    return folder
