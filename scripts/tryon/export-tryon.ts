// Exports the try-on networks' frame-space training figures and paired test cases (see lib/tryon/export-tryon.ts).
// Usage: npm run tryon:export-train -- --out training/data/tryon --train 3000 --test 120 --seed 1
import { parseArgs } from "node:util";
import { DEFAULT_CATALOGUE } from "../../lib/catalogue/generator";
import { exportTryOn } from "../../lib/tryon/export-tryon";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "training/data/tryon" },
    train: { type: "string", default: "3000" },
    test: { type: "string", default: "120" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "2" },
  },
});

let last = 0;
const summary = await exportTryOn({
  out: values.out!, train: Number(values.train), test: Number(values.test), seed: Number(values.seed),
  concurrency: Number(values.concurrency), catalogue: { ...DEFAULT_CATALOGUE },
  onProgress: (done, total) => {
    if (done === total || Date.now() - last > 5000) {
      last = Date.now();
      process.stdout.write(`figures: ${done}/${total}\n`);
    }
  },
});
console.log(`${values.out}: ${summary.train} train + ${summary.test} test figures, ${summary.flats} flats in ${summary.seconds.toFixed(1)} s`);
