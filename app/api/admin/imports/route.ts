import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { ApiError, badRequest, tooLarge } from "@/lib/api/errors";
import { getJob, listImportJobs } from "@/lib/import/jobs";
import { MAX_DATA_FILE_BYTES, MAX_IMPORT_REQUEST_BYTES, startImport } from "@/lib/import/start";

// POST multipart/form-data: `file` (JSON Lines or CSV) and any number of `images`. Answers 202 with the job,
// whose progress GET /api/admin/jobs/:id reports.
export const POST = apiRoute({ admin: true }, async ({ request, userId }) => {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw badRequest("Send multipart/form-data with a `file` field and `images` files.", "unsupported_media_type");
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) throw new ApiError(411, "length_required", "The upload must declare its Content-Length.");
  if (length > MAX_IMPORT_REQUEST_BYTES) throw tooLarge(`The upload is ${(length / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_IMPORT_REQUEST_BYTES / 1024 / 1024} MB. Split the import into smaller files.`);

  const form = await request.formData().catch(() => {
    throw badRequest("The multipart body could not be read.", "invalid_multipart");
  });
  const file = form.get("file");
  if (!(file instanceof File) || !file.size) throw badRequest("Attach the product file (JSON Lines or CSV) as `file`.", "missing_file");
  if (file.size > MAX_DATA_FILE_BYTES) throw tooLarge(`The product file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB.`);
  const images = await Promise.all(
    form.getAll("images").filter((entry): entry is File => entry instanceof File && entry.size > 0)
      .map(async (image) => ({ name: image.name, data: new Uint8Array(await image.arrayBuffer()) })),
  );
  const jobId = await startImport({ fileName: file.name || "import", text: await file.text(), images, userId });
  return NextResponse.json({ job: await getJob(jobId) }, { status: 202, headers: { Location: `/api/admin/jobs/${jobId}` } });
});

export const GET = apiRoute({ admin: true }, async () => ({ items: await listImportJobs(20) }));
