// The contract between the try-on networks (training/tryon, exported to ONNX in models/tryon/) and the code that
// serves them (lib/tryon/render*.ts, the browser worker). Python mirrors these constants in training/tryon/io.py;
// a test checks the exported models' input and output shapes against them.
//
// Every tensor is float32, NCHW, batch 1, in the body-model frame (lib/tryon/body-model.ts): H = 256, W = 192.
//
//   tryon_shape.onnx       (O-VITON's shape generation network)
//     in   body      (1, 19, 256, 192)  bodyModelTensor(): 17 keypoint heatmaps, person mask, keep mask
//     in   garments  (1, 16, 256, 192)  GARMENT_SLOTS_TRYON × [R, G, B, mask] of each garment's catalogue flat
//     out  layout    (1, 9, 256, 192)   logits over PARSE_LABELS (lib/tryon/labels.ts)
//
//   tryon_appearance.onnx  (O-VITON's appearance generation network)
//     in   layout    (1, 9, 256, 192)   one-hot of the chosen layout (argmax of the shape network's logits)
//     in   person    (1, 3, 256, 192)   the person in the frame, RGB in [-1, 1], zero outside keep regions
//                                       (face, hair, hands and skin the new layout still shows as skin)
//     in   garments  (1, 16, 256, 192)  as above
//     out  image     (1, 3, 256, 192)   RGB in [-1, 1]
//
// Garments: each slot's flat (the catalogue master image) is fitted (contain) into 192×256 on a black background,
// RGB scaled to [-1, 1], its mask 1 on the garment and 0 elsewhere; an empty slot is all zeros (mask 0).
export const TRYON_SIZE = { width: 192, height: 256 } as const;

/** Slots the networks dress, in the order of the `garments` tensor's channel groups (shoes are kept as worn). */
export const GARMENT_SLOTS_TRYON = ["top", "bottom", "one_piece", "outerwear"] as const;
export type TryOnSlot = (typeof GARMENT_SLOTS_TRYON)[number];

export const TRYON_CHANNELS = { body: 19, garments: 4 * GARMENT_SLOTS_TRYON.length, layout: 9, person: 3, image: 3 } as const;

export const TRYON_FILES = { shape: "tryon_shape.onnx", appearance: "tryon_appearance.onnx" } as const;
export const TRYON_MODEL = "tryon";
