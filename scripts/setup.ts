// Run by `npm start` after migrations: seeds the default catalogue and model gallery when they are missing, and creates the first
// merchandiser from ADMIN_EMAIL / ADMIN_PASSWORD when no user exists yet.
import { env } from "../lib/env";
import { seedCatalogue } from "../lib/catalogue/seed";

const { CATALOGUE_COUNT: count, CATALOGUE_SEED: seed } = env();
let lastPrinted = 0;
const result = await seedCatalogue({
  count,
  seed,
  onProgress: (done, total) => {
    if (done < total && Date.now() - lastPrinted > 3000) {
      lastPrinted = Date.now();
      console.log(`  drawing the catalogue: ${done}/${total} products`);
    }
  },
});
console.log(`  catalogue: ${result.total} products (${result.created} new) in ${result.seconds.toFixed(1)} s`);

// The default model gallery, dressed from the catalogue just seeded (idempotent: existing figures are kept).
const { seedPeople } = await import("../lib/tryon/people");
const people = await seedPeople({ catalogue: { count, seed } });
console.log(`  model photos: ${people.created + people.skipped} (${people.created} new)`);

// Catalogue embeddings for every model that has landed (only missing or stale vectors; a no-op when current).
const { runEmbeddingJob } = await import("../lib/embeddings/job");
for (const run of await runEmbeddingJob({ onProgress: (model, done, total) => done % 640 === 0 && console.log(`  embedding the catalogue (${model}): ${done}/${total}`) })) {
  console.log(`  embeddings: ${run.model} ${run.version}, ${run.embedded} of ${run.total} missing or stale computed${run.failed ? `, ${run.failed} failed` : ""} in ${run.seconds.toFixed(1)} s`);
}

try {
  const { ensureFirstMerchandiser } = await import("../lib/auth/first-user");
  console.log(`  ${await ensureFirstMerchandiser()}`);
} catch (error) {
  if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
}
process.exit(0);
