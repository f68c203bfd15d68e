import "server-only";
// Starting an import from the console's upload: the job row is created at once (the response carries its id for
// the progress bar) and the import runs in this server process after the response is sent.
import { log } from "../log";
import { UploadedImages } from "./image-source";
import { createImportJob, failJob } from "./jobs";
import { runImport } from "./run";

/** The data file itself; products' images are limited separately (lib/images/validate.ts). */
export const MAX_DATA_FILE_BYTES = 50 * 1024 * 1024;
/** The whole multipart request: the data file plus every image. */
export const MAX_IMPORT_REQUEST_BYTES = 500 * 1024 * 1024;

export interface UploadedImport {
  fileName: string;
  text: string;
  images: { name: string; data: Uint8Array }[];
  userId?: string;
}

export async function startImport(upload: UploadedImport): Promise<string> {
  const jobId = await createImportJob(upload.fileName, upload.userId);
  void runImport(jobId, { fileName: upload.fileName, text: upload.text, images: new UploadedImages(upload.images) }).catch(async (error) => {
    log.error({ err: error, jobId }, "import crashed");
    await failJob(jobId, `The import stopped unexpectedly (${(error as Error).message}). Run the same file again to finish.`).catch(() => undefined);
  });
  return jobId;
}
