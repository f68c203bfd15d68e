"use client";
// Live progress of an import job: polls GET /api/admin/jobs/:id until the job finishes, then shows the outcome
// and every failed line with its reason.
import Link from "next/link";
import { useEffect, useState } from "react";
import clsx from "clsx";
import type { JobView } from "@/lib/import/jobs";
import { buttonClass, Notice } from "./form-controls";

const POLL_MS = 700;
const finished = (job: JobView) => job.status === "succeeded" || job.status === "failed";

export function JobProgress({ initial }: { initial: JobView }) {
  const [job, setJob] = useState(initial);
  const [connection, setConnection] = useState<string | null>(null);

  useEffect(() => {
    if (finished(job)) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/jobs/${job.id}`, { cache: "no-store" });
        if (response.status === 401) {
          setConnection("Your session has ended; sign in again to follow this import (it keeps running).");
          return;
        }
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as JobView;
        if (!cancelled) {
          setJob(next);
          setConnection(null);
        }
      } catch {
        if (!cancelled) {
          setConnection("Lost contact with the server; retrying…");
          setJob((current) => ({ ...current }));
        }
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job]);

  const percent = job.total ? Math.round((job.processed / job.total) * 100) : finished(job) ? 100 : 0;
  const label = job.status === "queued" ? "Waiting to start" : job.status === "running" ? `Importing… ${job.processed} of ${job.total}` : job.status === "succeeded" ? (job.failed ? "Done, with some products failed" : "Done") : "Import failed";

  return (
    <div className="space-y-6">
      {connection ? <Notice tone="error">{connection}</Notice> : null}
      <div className="rounded-lg border border-line bg-white p-5 shadow-xs">
        <div className="flex items-baseline justify-between gap-4">
          <p className="text-sm font-medium text-ink" data-testid="job-status" data-status={job.status}>{label}</p>
          <p className="text-sm tabular-nums text-muted">{percent}%</p>
        </div>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-3 h-2.5 overflow-hidden rounded-full bg-sand"
        >
          <div
            className={clsx("h-full rounded-full transition-[width] duration-500", job.status === "failed" ? "bg-red-600" : job.failed ? "bg-amber-500" : "bg-ink")}
            style={{ width: `${percent}%` }}
          />
        </div>
        <dl className="mt-5 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Processed" value={`${job.processed} / ${job.total}`} />
          <Stat label="Created" value={job.created} testId="job-created" />
          <Stat label="Updated" value={job.updated} testId="job-updated" />
          <Stat label="Failed" value={job.failed} testId="job-failed" tone={job.failed ? "bad" : undefined} />
        </dl>
      </div>

      {finished(job) ? (
        <div className="flex flex-wrap gap-3">
          <Link href="/admin/products" className={buttonClass("primary")}>View products</Link>
          <Link href="/admin/import" className={buttonClass("secondary")}>Import another file</Link>
        </div>
      ) : null}

      {job.errors.length ? <ErrorList job={job} /> : null}
    </div>
  );
}

function Stat({ label, value, testId, tone }: { label: string; value: string | number; testId?: string; tone?: "bad" }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
      <dd className={clsx("mt-1 text-lg font-semibold tabular-nums", tone === "bad" ? "text-red-700" : "text-ink")} data-testid={testId}>{value}</dd>
    </div>
  );
}

function ErrorList({ job }: { job: JobView }) {
  const more = job.failed - job.errors.filter((e) => e.line > 0).length;
  return (
    <section className="rounded-lg border border-line bg-white shadow-xs">
      <h2 className="border-b border-line px-5 py-3 text-sm font-semibold text-ink">Problems</h2>
      <div className="max-h-[28rem] overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-studio text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">Line</th>
              <th scope="col" className="px-3 py-2 font-medium">SKU</th>
              <th scope="col" className="px-3 py-2 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line/70" data-testid="job-errors">
            {job.errors.map((error, index) => (
              <tr key={index} className="align-top">
                <td className="px-5 py-2 tabular-nums text-muted">{error.line || "—"}</td>
                <td className="px-3 py-2 font-mono text-xs text-ink-soft">{error.sku ?? ""}</td>
                <td className="px-3 py-2 text-ink-soft">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && job.errors.length >= 1000 ? <p className="border-t border-line px-5 py-2 text-xs text-muted">Only the first 1,000 problems are listed.</p> : null}
    </section>
  );
}
