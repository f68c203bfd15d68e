import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchandiser } from "@/lib/auth/current";
import { listImportJobs } from "@/lib/import/jobs";
import { IMPORT_COLUMNS } from "@/lib/import/records";
import { ImportForm } from "@/components/admin/import-form";
import { JobStatusBadge } from "@/components/admin/job-status-badge";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requireMerchandiser("/admin/import");
  const jobs = await listImportJobs(10);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import products</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Products are matched by SKU: new SKUs are created, known ones updated, so the same file can be imported again safely.
          Each product is saved whole or not at all; problems are listed by line.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section className="rounded-lg border border-line bg-white p-6 shadow-xs">
          <ImportForm />
        </section>
        <aside className="rounded-lg border border-line bg-white p-5 text-sm text-ink-soft shadow-xs">
          <h2 className="font-semibold text-ink">File format</h2>
          <p className="mt-2">One product per line (JSON Lines) or per row (CSV). Columns:</p>
          <p className="mt-2 break-words font-mono text-xs leading-relaxed text-muted">{IMPORT_COLUMNS.join(", ")}</p>
          <p className="mt-3">Values are ontology ids (e.g. <code className="rounded bg-sand px-1">long</code>, <code className="rounded bg-sand px-1">v_neck</code>); <code className="rounded bg-sand px-1">priceCents</code> is in cents; <code className="rounded bg-sand px-1">image</code> is the name of one of the uploaded images. New SKUs need an image.</p>
          <pre className="mt-3 overflow-x-auto rounded bg-studio p-3 text-[11px] leading-relaxed text-ink-soft">{`{"sku":"SS26-TEE-01","title":"Boxy Tee","brand":"Maison Lumen",
 "priceCents":2900,"category":"tshirt","color":"white",
 "pattern":"solid","sleeve":"short","image":"tee.png"}`}</pre>
        </aside>
      </div>
      <section>
        <h2 className="text-sm font-semibold text-ink">Recent imports</h2>
        {jobs.length ? (
          <ul className="mt-3 divide-y divide-line/70 overflow-hidden rounded-lg border border-line bg-white shadow-xs">
            {jobs.map((job) => (
              <li key={job.id}>
                <Link href={`/admin/import/${job.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm hover:bg-studio/70">
                  <JobStatusBadge status={job.status} failed={job.failed} />
                  <span className="font-medium text-ink">{job.label}</span>
                  <span className="text-muted">{job.created} created · {job.updated} updated · {job.failed} failed</span>
                  <span className="ml-auto text-xs text-muted">{new Date(job.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-muted">No imports yet.</p>
        )}
      </section>
    </div>
  );
}
