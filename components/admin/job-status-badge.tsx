// A job's status as a small coloured label.
import clsx from "clsx";

export function JobStatusBadge({ status, failed }: { status: string; failed: number }) {
  const [label, tone] =
    status === "succeeded" ? (failed ? ["Done with errors", "bg-amber-50 text-amber-800 ring-amber-200"] : ["Done", "bg-emerald-50 text-emerald-800 ring-emerald-200"])
    : status === "failed" ? ["Failed", "bg-red-50 text-red-800 ring-red-200"]
    : status === "running" ? ["Running", "bg-sky-50 text-sky-800 ring-sky-200"]
    : ["Queued", "bg-sand text-ink-soft ring-line"];
  return <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tone)}>{label}</span>;
}
