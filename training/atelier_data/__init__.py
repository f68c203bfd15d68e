"""Atelier's training data-set layer: refinement triplets (Fashion IQ layout) and outfits (Polyvore Outfits
layout) exported from the generated catalogue, plus loaders that also read the real public files."""
