// Bulk import from the command line, recorded as a Job like console imports (so the console shows it too).
// Usage: npm run import -- --file products.jsonl --images dir/ [--concurrency 2]
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { FolderImages, UploadedImages } from "../../lib/import/image-source";
import { createImportJob } from "../../lib/import/jobs";
import { runImport } from "../../lib/import/run";
import { MAX_DATA_FILE_BYTES } from "../../lib/import/start";

const { values } = parseArgs({
  options: { file: { type: "string" }, images: { type: "string" }, concurrency: { type: "string" }, help: { type: "boolean", short: "h" } },
});
const usage = "Usage: npm run import -- --file products.jsonl|products.csv [--images dir/] [--concurrency 2]";
if (values.help || !values.file) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

const file = path.resolve(values.file);
if ((await stat(file)).size > MAX_DATA_FILE_BYTES) {
  console.error(`${file} is larger than ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB; split it into smaller files.`);
  process.exit(2);
}
const images = values.images ? await FolderImages.open(values.images) : new UploadedImages([]);
const jobId = await createImportJob(`${path.basename(file)} (command line)`);
console.log(`import job ${jobId}: ${path.basename(file)} with ${images.count} image file(s) available`);

const started = Date.now();
let lastPrinted = 0;
const summary = await runImport(jobId, {
  fileName: file,
  text: await readFile(file, "utf8"),
  images,
  concurrency: values.concurrency ? Math.max(1, Number(values.concurrency)) : undefined,
  onProgress: (p) => {
    if (Date.now() - lastPrinted < 1000) return;
    lastPrinted = Date.now();
    console.log(`  ${p.processed}/${p.total} processed · ${p.created} created · ${p.updated} updated · ${p.failed} failed`);
  },
});

const seconds = (Date.now() - started) / 1000;
for (const error of summary.errors) console.log(`  line ${error.line}${error.sku ? ` (${error.sku})` : ""}: ${error.message}`);
console.log(
  `import ${summary.status}: ${summary.created} created, ${summary.updated} updated, ${summary.failed} failed of ${summary.total} ` +
    `in ${seconds.toFixed(1)} s (${(summary.processed / Math.max(seconds, 0.001)).toFixed(1)} records/s)`,
);
process.exit(summary.status === "succeeded" && summary.failed === 0 ? 0 : 1);
