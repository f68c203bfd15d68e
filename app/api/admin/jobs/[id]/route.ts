import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { getJob } from "@/lib/import/jobs";

const idSchema = z.string().min(1).max(64);

// Polled by the console's progress bar while an import runs.
export const GET = apiRoute({ admin: true }, async ({ params }) => {
  const id = idSchema.safeParse(params.id);
  const job = id.success ? await getJob(id.data) : null;
  if (!job) throw notFound(`No job with id "${params.id}".`);
  return new Response(JSON.stringify(job), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});
