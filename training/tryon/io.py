"""The tensor contract of the try-on networks, mirrored from lib/tryon/network-io.ts (and the label set of
lib/tryon/labels.ts, the body model of lib/tryon/body-model.ts). A test checks the exported models against it."""
from __future__ import annotations

WIDTH, HEIGHT = 192, 256
GARMENT_SLOTS_TRYON = ("top", "bottom", "one_piece", "outerwear")
PARSE_LABELS = {"background": 0, "hair": 1, "face": 2, "skin": 3, "top": 4, "bottom": 5, "one_piece": 6, "outerwear": 7, "shoes": 8}
N_LABELS = len(PARSE_LABELS)
SLOT_LABELS = tuple(PARSE_LABELS[s] for s in GARMENT_SLOTS_TRYON)  # (4, 5, 6, 7)
CHANNELS = {"body": 19, "garments": 4 * len(GARMENT_SLOTS_TRYON), "layout": N_LABELS, "person": 3, "image": 3}
FILES = {"shape": "tryon_shape.onnx", "appearance": "tryon_appearance.onnx"}
MODEL = "tryon"
# body-model.ts
HEATMAP_SIGMA = 6.0
KEYPOINT_SCORE_THRESHOLD = 0.3
N_KEYPOINTS = 17
KP = {"left_shoulder": 5, "right_shoulder": 6, "left_elbow": 7, "right_elbow": 8, "left_wrist": 9, "right_wrist": 10,
      "left_hip": 11, "right_hip": 12, "left_knee": 13, "right_knee": 14, "left_ankle": 15, "right_ankle": 16}
# Labels the appearance network is given from the person photo where the new layout still shows them.
KEPT_LABELS = (PARSE_LABELS["hair"], PARSE_LABELS["face"], PARSE_LABELS["skin"], PARSE_LABELS["shoes"])
