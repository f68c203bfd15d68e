import "server-only";
// The bulk import job: reads the file, checks every record, and writes each product (row + image rows) in its own
// transaction through upsertProductBySku. Idempotent by SKU; a bad record fails alone with its line number; a
// crash at any point leaves only whole products behind, and running the same file again completes the import.
import pLimit from "p-limit";
import { ProductWriteError, parseProductInput, prepareImage, revalidateCatalogue, upsertProductBySku, type PreparedImage } from "../catalogue/write";
import { log } from "../log";
import type { ImageSource } from "./image-source";
import { finishJob, failJob, saveProgress, startJob, type JobProgress } from "./jobs";
import { ImportFileError, parseImportFile, recordToInput, skuOf, type ImportRecord, type RecordProblem } from "./records";
import { tagMissingAttributes } from "./tagger";

export const MAX_IMPORT_RECORDS = 100_000;
const PROGRESS_INTERVAL_MS = 300;

export interface ImportOptions {
  fileName: string;
  text: string;
  images: ImageSource;
  /** Products written at once; image rendering dominates, so about the number of cores. */
  concurrency?: number;
  onProgress?: (progress: Required<JobProgress>) => void;
}

export interface ImportSummary extends Required<JobProgress> {
  status: "succeeded" | "failed";
}

export async function runImport(jobId: string, options: ImportOptions): Promise<ImportSummary> {
  const progress: Required<JobProgress> = { total: 0, processed: 0, created: 0, updated: 0, failed: 0, errors: [] };
  let records: ImportRecord[];
  try {
    const parsed = parseImportFile(options.fileName, options.text);
    if (parsed.records.length + parsed.problems.length > MAX_IMPORT_RECORDS) {
      throw new ImportFileError(`The file has more than ${MAX_IMPORT_RECORDS} records; split it into smaller files.`);
    }
    records = parsed.records;
    progress.total = parsed.records.length + parsed.problems.length;
    for (const problem of parsed.problems) fail(progress, problem);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await failJob(jobId, error.message);
    return { ...progress, errors: [{ line: 0, message: error.message }], status: "failed" };
  }

  await startJob(jobId, progress.total);
  let lastSaved = 0;
  let saving: Promise<void> = Promise.resolve();
  const report = (force = false) => {
    options.onProgress?.(progress);
    if (!force && Date.now() - lastSaved < PROGRESS_INTERVAL_MS) return;
    lastSaved = Date.now();
    const snapshot = { ...progress, errors: [...progress.errors] };
    saving = saving.then(() => saveProgress(jobId, snapshot)).catch((error) => log.warn({ err: error, jobId }, "could not save import progress"));
  };

  try {
    const { unique, duplicates } = splitDuplicates(records);
    for (const problem of duplicates) fail(progress, problem);
    report(true);
    const prepareOnce = imageCache(options.images);
    const limit = pLimit(options.concurrency ?? 2);
    await Promise.all(
      unique.map((record) =>
        limit(async () => {
          try {
            const { created } = await importRecord(record, options.images, prepareOnce);
            progress.processed += 1;
            if (created) progress.created += 1;
            else progress.updated += 1;
          } catch (error) {
            fail(progress, { line: record.line, sku: skuOf(record.fields), message: messageOf(error) });
            if (!(error instanceof ProductWriteError) && !(error instanceof RecordError)) {
              log.error({ err: error, jobId, line: record.line }, "import record failed unexpectedly");
            }
          }
          report();
        }),
      ),
    );
    await saving;
    progress.errors.sort((a, b) => a.line - b.line);
    await finishJob(jobId, "succeeded", progress);
    if (progress.created + progress.updated > 0) await revalidateCatalogue();
    if (progress.created + progress.updated > 0) (await import("../embeddings/job")).refreshEmbeddingsSoon();
    options.onProgress?.(progress);
    return { ...progress, status: "succeeded" };
  } catch (error) {
    log.error({ err: error, jobId }, "import job failed");
    await saving;
    progress.errors.push({ line: 0, message: `The import stopped: ${messageOf(error)}. Products already written are complete; run the file again to finish.` });
    await finishJob(jobId, "failed", progress).catch(() => undefined);
    return { ...progress, status: "failed" };
  }
}

class RecordError extends Error {}

function fail(progress: Required<JobProgress>, problem: RecordProblem): void {
  progress.processed += 1;
  progress.failed += 1;
  progress.errors.push(problem);
}

function messageOf(error: unknown): string {
  if (error instanceof ProductWriteError || error instanceof RecordError) return error.message;
  return error instanceof Error ? `unexpected error: ${error.message}` : "unexpected error";
}

/** Each SKU once per file: a repeat is ambiguous (which row is right?), so it fails and names the first line. */
function splitDuplicates(records: ImportRecord[]): { unique: ImportRecord[]; duplicates: RecordProblem[] } {
  const firstLine = new Map<string, number>();
  const unique: ImportRecord[] = [];
  const duplicates: RecordProblem[] = [];
  for (const record of records) {
    const sku = skuOf(record.fields);
    const seen = sku ? firstLine.get(sku) : undefined;
    if (sku && seen !== undefined) {
      duplicates.push({ line: record.line, sku, message: `SKU ${sku} already appears on line ${seen}; each SKU may appear once per file` });
      continue;
    }
    if (sku) firstLine.set(sku, record.line);
    unique.push(record);
  }
  return { unique, duplicates };
}

/** Records that share an image file render and store it once. */
function imageCache(images: ImageSource) {
  const cache = new Map<string, Promise<PreparedImage>>();
  return (reference: string, data: Uint8Array) => {
    let prepared = cache.get(reference);
    if (!prepared) {
      prepared = prepareImage(data, `image "${reference}"`);
      cache.set(reference, prepared);
    }
    return prepared;
  };
}

async function importRecord(record: ImportRecord, images: ImageSource, prepareOnce: (reference: string, data: Uint8Array) => Promise<PreparedImage>) {
  const { input, image, unknownFields } = recordToInput(record.fields);
  if (unknownFields.length) throw new RecordError(`unknown field${unknownFields.length > 1 ? "s" : ""} ${unknownFields.map((f) => `"${f}"`).join(", ")}`);
  let bytes: Uint8Array | null = null;
  if (image) {
    const loaded = await images.load(image);
    if (!loaded.ok) throw new RecordError(loaded.message);
    bytes = loaded.data;
  }
  // Validate the product before touching the image store, so a bad record writes no files at all.
  const product = parseProductInput(await tagMissingAttributes(bytes, input));
  const prepared = image && bytes ? await prepareOnce(image, bytes) : null;
  // One cache invalidation at the end of the job, not one per product.
  return upsertProductBySku(product, prepared, { source: "import", revalidate: false });
}
