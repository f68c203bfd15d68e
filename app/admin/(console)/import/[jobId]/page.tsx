import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMerchandiser } from "@/lib/auth/current";
import { getJob } from "@/lib/import/jobs";
import { JobProgress } from "@/components/admin/job-progress";

export const metadata: Metadata = { title: "Import progress" };

export default async function ImportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  await requireMerchandiser(`/admin/import/${encodeURIComponent(jobId)}`);
  const job = jobId.length <= 64 ? await getJob(jobId) : null;
  if (!job) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/import" className="text-sm text-muted hover:text-ink">← Import</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Importing {job.label}</h1>
        <p className="mt-1 text-sm text-muted">Started {new Date(job.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" })}. You can leave this page; the import keeps running.</p>
      </div>
      <JobProgress initial={job} />
    </div>
  );
}
