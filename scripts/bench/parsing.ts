// Person parsing latency on the server (SPEC §5: the browser bar for pose + segmentation is ≤ 300 ms): MoveNet and
// selfie segmentation timed separately and together (the full parse + body-model mapping), warm, p50/p95 over
// --runs per backend, on the real photos in --dir, read where they lie (they are never copied into the project).
// Usage: npm run bench:parsing [-- --runs 30 --backends wasm,cpu --dir ../shared/real-samples/people]
// (the pure-JS cpu backend takes ~5 s per pose: `--backends cpu --runs 6` is enough to see it)
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs";
import { NoFullBodyError, toBodyModel } from "../../lib/tryon/body-model";
import { useBackend, type ParsingBackend } from "../../lib/tryon/parsing/backend";
import { detectPose, parsePersonPixels, segmentPerson, wholeImageRegion } from "../../lib/tryon/parsing/infer";
import { POSE_MODEL, SEGMENTATION_MODEL } from "../../lib/tryon/parsing/model-files";
import { decodePixels, loadParsingModelsUncached } from "../../lib/tryon/parsing/server";

const { values } = parseArgs({ options: {
  runs: { type: "string", default: "30" }, backends: { type: "string", default: "wasm,cpu" },
  dir: { type: "string", default: "../shared/real-samples/people" }, warmup: { type: "string", default: "3" },
} });
const runs = Number(values.runs);
const files = readdirSync(values.dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
if (files.length === 0) throw new Error(`no photos in ${values.dir}`);
const photos = await Promise.all(files.map(async (f) => decodePixels(await readFile(path.join(values.dir, f)))));

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

console.log(`person parsing: ${POSE_MODEL.file} (${POSE_MODEL.size}²) + ${SEGMENTATION_MODEL.file} (${SEGMENTATION_MODEL.size}²), ${photos.length} photos ${photos[0].width}×${photos[0].height}, ${runs} warm runs each, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()})`);
const rows: Record<string, string | number>[] = [];
for (const backend of values.backends.split(",") as ParsingBackend[]) {
  if (!(await useBackend(backend))) {
    console.log(`${backend}: cannot start here`);
    continue;
  }
  const loadStarted = performance.now();
  const models = await loadParsingModelsUncached();
  const loaded = performance.now() - loadStarted;
  const photo = (i: number) => photos[i % photos.length];
  for (let i = 0; i < Number(values.warmup); i++) await parsePersonPixels(models, photo(i));
  const pose: number[] = [];
  const segmentation: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const image = photo(i);
    const whole = wholeImageRegion(image.width, image.height);
    pose.push(await time(() => detectPose(models, image, whole)));
    segmentation.push(await time(() => segmentPerson(models, image, whole)));
    total.push(await time(async () => {
      try {
        toBodyModel(await parsePersonPixels(models, image));
      } catch (error) {
        if (!(error instanceof NoFullBodyError)) throw error;
      }
    }));
  }
  for (const [stage, xs] of [["pose", pose], ["segmentation", segmentation], ["parse + body model", total]] as const) {
    rows.push({ backend: `${backend}${backend === "wasm" ? ` (${tf.env().getBool("WASM_HAS_SIMD_SUPPORT") ? "simd" : "no simd"}, ${tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT") ? "threads" : "1 thread"})` : ""}`, stage, "p50 ms": Math.round(percentile(xs, 50)), "p95 ms": Math.round(percentile(xs, 95)), "load ms": Math.round(loaded) });
  }
  models.pose.dispose();
  models.segmentation.dispose();
}
console.table(rows);
