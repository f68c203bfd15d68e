// Runs person parsing on every photo of a folder and prints what it found; writes a debug overlay per photo.
// Usage: npm run tryon:parse-people [-- --dir ../shared/real-samples/people --out /tmp/atelier-parsing]
// The photos are read where they lie: real samples are never copied into the project.
import { mkdirSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { COCO_KEYPOINTS, KEYPOINT_SCORE_THRESHOLD, NoFullBodyError, toBodyModel } from "../../lib/tryon/body-model";
import { personBox } from "../../lib/tryon/full-body";
import { decodePixels, loadParsingModels } from "../../lib/tryon/parsing/server";
import { parsePersonPixels } from "../../lib/tryon/parsing/infer";
import { bodyModelOverlayPng } from "./debug-overlay";

const { values } = parseArgs({ options: { dir: { type: "string", default: "../shared/real-samples/people" }, out: { type: "string", default: "/tmp/atelier-parsing" } } });
const files = readdirSync(values.dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
mkdirSync(values.out, { recursive: true });
const models = await loadParsingModels();
console.log(`backend ${models.backend}, ${files.length} photos from ${values.dir}`);
let accepted = 0;
for (const file of files) {
  const pixels = await decodePixels(await readFile(path.join(values.dir, file)));
  const started = performance.now();
  const parse = await parsePersonPixels(models, pixels);
  const ms = performance.now() - started;
  const box = personBox(parse);
  const coverage = box ? box.area / (pixels.width * pixels.height) : 0;
  const missing = parse.keypoints.flatMap((k, i) => (k[2] < KEYPOINT_SCORE_THRESHOLD ? [COCO_KEYPOINTS[i]] : []));
  try {
    const body = toBodyModel(parse);
    accepted++;
    const keep = body.keepMask.reduce((n, v) => n + v, 0) / body.keepMask.length;
    const person = body.personMask.reduce((n, v) => n + v, 0) / body.personMask.length;
    console.log(`${file} ${pixels.width}×${pixels.height}: body model OK (${ms.toFixed(0)} ms) person ${(coverage * 100).toFixed(0)}% of photo, ${(person * 100).toFixed(0)}% of frame, keep ${(keep * 100).toFixed(1)}%; crop x=${body.crop.x.toFixed(0)} y=${body.crop.y.toFixed(0)} scale=${body.crop.scale.toFixed(2)}; below ${KEYPOINT_SCORE_THRESHOLD}: ${missing.join(", ") || "none"}`);
    await writeFile(path.join(values.out, file.replace(/\.\w+$/, ".png")), await bodyModelOverlayPng(pixels, body));
  } catch (error) {
    if (!(error instanceof NoFullBodyError)) throw error;
    console.log(`${file} ${pixels.width}×${pixels.height}: refused (${error.reason}) (${ms.toFixed(0)} ms); person ${(coverage * 100).toFixed(0)}% of photo; below ${KEYPOINT_SCORE_THRESHOLD}: ${missing.join(", ") || "none"}`);
  }
}
console.log(`${accepted}/${files.length} accepted; overlays in ${values.out}/`);
