// Run by `npm start` after migrations: seeds the default catalogue when it is missing, and creates the first
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

try {
  const { ensureFirstMerchandiser } = await import("../lib/auth/first-user");
  console.log(`  ${await ensureFirstMerchandiser()}`);
} catch (error) {
  if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
}
process.exit(0);
