// Copies ONNX Runtime Web's wasm build from node_modules to public/ort/ (git-ignored), where the Refine worker loads
// it lazily. Run before every `next build` (npm start, npm test, the prebuild script). Node built-ins only.
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

const FILES = ["ort.wasm.min.mjs", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm"];
const from = path.join("node_modules", "onnxruntime-web", "dist");
const to = path.join("public", "ort");
mkdirSync(to, { recursive: true });
for (const file of FILES) {
  const source = path.join(from, file);
  if (!existsSync(source)) throw new Error(`${source} is missing: is onnxruntime-web installed?`);
  const target = path.join(to, file);
  if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
}
console.log(`  onnxruntime-web files in ${to}/`);
