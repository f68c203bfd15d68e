// Seeds the default generated catalogue and model gallery (idempotent). Usage: npm run seed [-- --count 3000 --seed 1]
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { seedCatalogue } from "../lib/catalogue/seed";

const { values } = parseArgs({ options: { count: { type: "string" }, seed: { type: "string" } } });
const count = Number(values.count ?? env().CATALOGUE_COUNT);
const seed = Number(values.seed ?? env().CATALOGUE_SEED);

let lastPrinted = 0;
const result = await seedCatalogue({
  count,
  seed,
  onProgress: (done, total) => {
    if (done === total || Date.now() - lastPrinted > 2000) {
      lastPrinted = Date.now();
      process.stdout.write(`catalogue: ${done}/${total} products\n`);
    }
  },
});
console.log(`catalogue ready: ${result.total} products (${result.created} new, ${result.skipped} already there) in ${result.seconds.toFixed(1)} s`);
const { seedPeople } = await import("../lib/tryon/people");
const people = await seedPeople({ catalogue: { count, seed } });
console.log(`model photos ready: ${people.created + people.skipped} (${people.created} new, ${people.skipped} already there)`);
process.exit(0);
