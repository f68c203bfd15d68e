// Runs an exported ONNX model in onnxruntime-node on the inputs PyTorch saw at export, and prints the largest
// absolute difference from PyTorch's outputs per output, as one JSON line. Called by training/*/export.py (Python
// has no ONNX Runtime here) so that every committed model is checked in the runtime the app serves it with.
//   node scripts/models/check-onnx.mjs <model.onnx> <reference.json>
// reference.json: { inputs: { name: { dims, type: "float32"|"int64", data } }, outputs: { name: { dims, data } } }
import { readFileSync } from "node:fs";
import ort from "onnxruntime-node";

const [modelPath, referencePath] = process.argv.slice(2);
if (!modelPath || !referencePath) {
  console.error("usage: node scripts/models/check-onnx.mjs <model.onnx> <reference.json>");
  process.exit(2);
}
const reference = JSON.parse(readFileSync(referencePath, "utf8"));
const session = await ort.InferenceSession.create(modelPath);
const feeds = {};
for (const [name, t] of Object.entries(reference.inputs)) {
  const data = t.type === "int64" ? BigInt64Array.from(t.data.map(BigInt)) : Float32Array.from(t.data);
  feeds[name] = new ort.Tensor(t.type, data, t.dims);
}
const results = await session.run(feeds);
const maxAbsDiff = {};
for (const [name, expected] of Object.entries(reference.outputs)) {
  const got = results[name];
  if (!got) throw new Error(`model has no output "${name}" (has ${Object.keys(results).join(", ")})`);
  if (got.dims.join("x") !== expected.dims.join("x")) throw new Error(`output ${name}: dims ${got.dims} != ${expected.dims}`);
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) worst = Math.max(worst, Math.abs(Number(got.data[i]) - expected.data[i]));
  maxAbsDiff[name] = worst;
}
console.log(JSON.stringify({ model: modelPath, maxAbsDiff }));
