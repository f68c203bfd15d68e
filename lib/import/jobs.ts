import "server-only";
// Import jobs as Job rows: what the console polls for progress, and the record of what an import did.
import { db } from "../db";
import type { RecordProblem } from "./records";

export type JobStatus = "queued" | "running" | "succeeded" | "failed";

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  label: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: RecordProblem[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** At most this many problems are kept per job; the count of failures stays exact. */
export const MAX_STORED_ERRORS = 1000;

export interface JobProgress {
  total?: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: RecordProblem[];
}

export async function createImportJob(label: string, userId?: string): Promise<string> {
  const job = await (await db()).job.create({
    data: { kind: "import", status: "queued", label: label.slice(0, 200), createdById: userId ?? null },
    select: { id: true },
  });
  return job.id;
}

export async function startJob(id: string, total: number): Promise<void> {
  await (await db()).job.update({ where: { id }, data: { status: "running", total, startedAt: new Date() } });
}

export async function saveProgress(id: string, progress: JobProgress): Promise<void> {
  await (await db()).job.update({
    where: { id },
    data: {
      ...(progress.total !== undefined ? { total: progress.total } : {}),
      processed: progress.processed,
      created: progress.created,
      updated: progress.updated,
      failed: progress.failed,
      errors: JSON.stringify(progress.errors.slice(0, MAX_STORED_ERRORS)),
    },
  });
}

export async function finishJob(id: string, status: "succeeded" | "failed", progress?: JobProgress): Promise<void> {
  if (progress) await saveProgress(id, progress);
  await (await db()).job.update({ where: { id }, data: { status, finishedAt: new Date() } });
}

/** A job that cannot run at all (unreadable file): one problem, nothing imported. */
export async function failJob(id: string, message: string, line = 0): Promise<void> {
  await (await db()).job.update({
    where: { id },
    data: { status: "failed", finishedAt: new Date(), errors: JSON.stringify([{ line, message }]) },
  });
}

export async function getJob(id: string): Promise<JobView | null> {
  const job = await (await db()).job.findUnique({ where: { id } });
  return job ? toView(job) : null;
}

export async function listImportJobs(limit = 10): Promise<JobView[]> {
  const jobs = await (await db()).job.findMany({ where: { kind: "import" }, orderBy: { createdAt: "desc" }, take: limit });
  return jobs.map(toView);
}

/**
 * Marks imports left "queued"/"running" by a process that stopped as failed. Call at server start, when no import
 * of this process can be running. Each product was written in its own transaction, so nothing is half-written,
 * and running the same file again finishes the job (SKUs already imported are updated, not duplicated).
 */
export async function failInterruptedJobs(): Promise<number> {
  const { count } = await (await db()).job.updateMany({
    where: { kind: "import", status: { in: ["queued", "running"] } },
    data: {
      status: "failed",
      finishedAt: new Date(),
      errors: JSON.stringify([{ line: 0, message: "Interrupted: the server stopped during this import. Products already imported are complete; import the same file again to finish." }]),
    },
  });
  return count;
}

type JobRow = Awaited<ReturnType<Awaited<ReturnType<typeof db>>["job"]["findUniqueOrThrow"]>>;

function toView(job: JobRow): JobView {
  let errors: RecordProblem[] = [];
  try {
    const parsed = JSON.parse(job.errors) as unknown;
    if (Array.isArray(parsed)) errors = parsed as RecordProblem[];
  } catch {
    errors = [];
  }
  return {
    id: job.id,
    kind: job.kind,
    status: job.status as JobStatus,
    label: job.label,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    failed: job.failed,
    errors,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
