// Exports generated model photos as a VITON-style folder (see lib/tryon/export-viton.ts and the README it writes).
// Usage: npm run tryon:export -- --out data/viton --count 2000 --seed 1 [--test-share 0.1] [--concurrency 2]
import { parseArgs } from "node:util";
import { DEFAULT_CATALOGUE } from "../../lib/catalogue/generator";
import { exportViton } from "../../lib/tryon/export-viton";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "data/viton" },
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    "test-share": { type: "string", default: "0.1" },
    concurrency: { type: "string", default: "2" },
    "catalogue-count": { type: "string", default: String(DEFAULT_CATALOGUE.count) },
    "catalogue-seed": { type: "string", default: String(DEFAULT_CATALOGUE.seed) },
  },
});

let last = 0;
const summary = await exportViton({
  out: values.out!, count: Number(values.count), seed: Number(values.seed), testShare: Number(values["test-share"]),
  concurrency: Number(values.concurrency),
  catalogue: { count: Number(values["catalogue-count"]), seed: Number(values["catalogue-seed"]) },
  onProgress: (done, total) => {
    if (done === total || Date.now() - last > 2000) {
      last = Date.now();
      process.stdout.write(`figures: ${done}/${total}\n`);
    }
  },
});
console.log(`${values.out}: ${summary.train} train + ${summary.test} test figures in ${summary.seconds.toFixed(1)} s (${summary.itemsPerSecond.toFixed(1)} items/s)`);
