"""How shoppers name ontology values (from refinement-vocabulary.tsv): several surface forms per key, so a
model learns "grey", "gray" and "charcoal" rather than one canonical label per value."""
from __future__ import annotations

from typing import Dict, List

COLOR_WORDS: Dict[str, List[str]] = {
    "black": ["black"], "charcoal": ["charcoal", "dark grey", "dark gray"], "gray": ["gray", "grey"],
    "silver": ["silver", "metallic silver"], "white": ["white"], "ivory": ["ivory", "cream", "off white"],
    "beige": ["beige"], "camel": ["camel", "tan"], "brown": ["brown"], "khaki": ["khaki"],
    "olive": ["olive", "olive green"], "green": ["green"], "mint": ["mint", "mint green"],
    "teal": ["teal", "turquoise"], "navy": ["navy", "navy blue"], "blue": ["blue", "royal blue"],
    "light_blue": ["light blue", "baby blue", "pale blue"], "purple": ["purple"],
    "lavender": ["lavender", "light purple"], "burgundy": ["burgundy", "maroon", "wine"], "red": ["red"],
    "pink": ["pink"], "blush": ["blush", "pale pink", "light pink"], "coral": ["coral", "peach"],
    "orange": ["orange"], "mustard": ["mustard", "mustard yellow"], "yellow": ["yellow"], "gold": ["gold", "golden"],
}

# Adjective forms ("is striped") and noun phrases ("has stripes") per pattern.
PATTERN_ADJ: Dict[str, List[str]] = {
    "solid": ["solid", "plain", "solid colored"], "striped": ["striped"], "polka_dot": ["polka dot", "dotted"],
    "floral": ["floral", "flowery"], "plaid": ["plaid", "checkered"], "gingham": ["gingham", "checked"],
    "houndstooth": ["houndstooth"], "leopard": ["leopard print", "animal print", "cheetah print"],
    "camouflage": ["camo", "camouflage"], "geometric": ["geometric"], "color_block": ["color block", "color blocked", "multi colored"],
    "graphic": ["graphic", "printed"], "logo": ["logo"],
}
PATTERN_NOUN: Dict[str, List[str]] = {
    "solid": ["no pattern", "no print", "one solid color"], "striped": ["stripes", "a striped pattern"],
    "polka_dot": ["polka dots", "dots"], "floral": ["a floral print", "flowers", "a flower print", "a floral pattern"],
    "plaid": ["a plaid pattern", "a checkered print"], "gingham": ["a gingham print", "small checks"],
    "houndstooth": ["a houndstooth pattern"], "leopard": ["a leopard print", "an animal print"],
    "camouflage": ["a camo print", "a camouflage pattern"], "geometric": ["a geometric pattern", "geometric shapes"],
    "color_block": ["color blocks", "blocks of color"], "graphic": ["a graphic", "a graphic print", "a picture on it", "graphics"],
    "logo": ["a logo", "a big logo", "a logo print"],
}

SLEEVE_NOUN: Dict[str, List[str]] = {
    "sleeveless": ["no sleeves", "spaghetti straps", "thin straps"], "short": ["short sleeves"], "elbow": ["elbow length sleeves", "half sleeves"],
    "three_quarter": ["three quarter sleeves", "3/4 sleeves"], "long": ["long sleeves"],
}
SLEEVE_ADJ: Dict[str, List[str]] = {
    "sleeveless": ["sleeveless", "without sleeves"], "short": ["short sleeved"], "elbow": ["half sleeved"],
    "three_quarter": ["three quarter sleeved"], "long": ["long sleeved"],
}

NECK_NOUN: Dict[str, List[str]] = {
    "crew": ["a crew neck", "a round neck", "a crew neckline"], "v_neck": ["a v-neck", "a v neck", "a v neckline"],
    "scoop": ["a scoop neck", "a scoop neckline"], "collared": ["a collar"], "turtleneck": ["a turtleneck", "a turtle neck"],
    "off_shoulder": ["an off shoulder neckline", "bare shoulders"], "halter": ["a halter neck", "a halter neckline"],
    "strapless": ["no straps"], "hooded": ["a hood"],
}
NECK_ADJ: Dict[str, List[str]] = {
    "collared": ["collared"], "off_shoulder": ["off the shoulder", "off shoulder"], "halter": ["halter"],
    "strapless": ["strapless"], "hooded": ["hooded"], "v_neck": ["v-necked"], "turtleneck": ["turtleneck"],
}
REVEALING_NECKLINES = ("strapless", "off_shoulder", "halter")

LENGTH_ADJ: Dict[str, List[str]] = {
    "cropped": ["cropped"], "mini": ["mini", "mini length"], "above_knee": ["above the knee", "above knee length"],
    "knee": ["knee length"], "midi": ["midi", "midi length"], "maxi": ["maxi", "maxi length", "floor length"],
    "full": ["full length"],
}

FIT_ADJ: Dict[str, List[str]] = {
    "fitted": ["fitted", "form fitting", "tight"], "regular": ["regular fit"], "loose": ["loose", "loose fitting", "flowy", "flowing"],
    "oversized": ["oversized", "baggy"],
}

MATERIAL_ADJ: Dict[str, List[str]] = {
    "cotton": ["cotton"], "denim": ["denim"], "knit": ["knit", "knitted"], "leather": ["leather"], "silk": ["silk"],
    "satin": ["satin"], "linen": ["linen"], "wool": ["wool", "woolen"], "lace": ["lace", "lacy"],
    "sequin": ["sequined", "sparkly"], "canvas": ["canvas"], "suede": ["suede"],
}

HEEL_NOUN: Dict[str, List[str]] = {"flat": ["no heel", "a flat sole"], "low": ["a low heel"], "mid": ["a mid heel"], "high": ["a high heel"]}

FORMALITY_ABS: Dict[str, List[str]] = {
    "athletic": ["athletic", "sporty"], "casual": ["casual"], "smart_casual": ["smart casual"],
    "business": ["business", "professional"], "evening": ["for evening", "elegant"],
}

CATEGORY_NOUN: Dict[str, List[str]] = {
    "tshirt": ["t-shirt", "tshirt", "tee", "shirt", "top"], "blouse": ["blouse", "top"], "shirt": ["shirt"], "sweater": ["sweater"],
    "tank": ["tank top", "tank", "top"], "hoodie": ["hoodie"], "dress": ["dress"], "jumpsuit": ["jumpsuit"],
    "jeans": ["jeans"], "trousers": ["trousers", "pants"], "shorts": ["shorts"], "skirt": ["skirt"], "jacket": ["jacket"],
    "coat": ["coat"], "blazer": ["blazer", "jacket"], "sneakers": ["sneakers"], "boots": ["boots"], "heels": ["heels"],
    "sandals": ["sandals"], "loafers": ["loafers"], "handbag": ["handbag", "bag"], "backpack": ["backpack", "bag"],
    "hat": ["hat"], "scarf": ["scarf"], "belt": ["belt"], "sunglasses": ["sunglasses"],
}
PLURAL_CATEGORIES = {"jeans", "trousers", "shorts", "sneakers", "boots", "heels", "sandals", "loafers", "sunglasses"}

# Misspellings seen in shopper captions (the vocabulary lists "sleevless", "lenght", "shiney", "colourfull").
TYPOS: Dict[str, str] = {
    "sleeves": "sleves", "sleeveless": "sleevless", "darker": "darkr", "length": "lenght", "shinier": "shiney",
    "colorful": "colourfull", "lighter": "ligher", "longer": "longr", "pattern": "patern", "black": "blak",
    "with": "wiht", "floral": "florall", "shorter": "shoter", "color": "colour",
}
