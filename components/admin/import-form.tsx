"use client";
// Upload of a product file plus its images. Posts multipart to /api/admin/imports (a route handler, not an
// action: uploads can be hundreds of megabytes) and opens the job's progress page.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClass, Field, inputClass, Notice } from "./form-controls";

const fileInputClass = inputClass + " file:mr-3 file:rounded file:border-0 file:bg-sand file:px-3 file:py-1 file:text-sm file:font-medium file:text-ink-soft";

export function ImportForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imageCount, setImageCount] = useState(0);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || !file.size) {
      setError("Choose the product file (JSON Lines or CSV).");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/admin/imports", { method: "POST", body: data });
      const body = (await response.json().catch(() => null)) as { job?: { id: string }; error?: { message: string } } | null;
      if (!response.ok || !body?.job) {
        setError(body?.error?.message ?? `The upload failed (HTTP ${response.status}).`);
        setBusy(false);
        return;
      }
      router.push(`/admin/import/${body.job.id}`);
    } catch {
      setError("The upload did not reach the server. Check the connection and try again.");
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label="Product file" htmlFor="import-file" hint="JSON Lines (.jsonl) or CSV with a header row. Up to 50 MB.">
        <input id="import-file" name="file" type="file" accept=".jsonl,.ndjson,.json,.csv,text/csv,application/json" className={fileInputClass} aria-describedby="import-file-hint" />
      </Field>
      <Field label="Images" htmlFor="import-images" hint={imageCount ? `${imageCount} image${imageCount === 1 ? "" : "s"} chosen. Records name them in their image column.` : "The files named in the image column; choose them all at once. PNG, JPEG, WebP or GIF, up to 10 MB each."}>
        <input id="import-images" name="images" type="file" multiple accept="image/png,image/jpeg,image/webp,image/gif" onChange={(e) => setImageCount(e.target.files?.length ?? 0)} className={fileInputClass} aria-describedby="import-images-hint" />
      </Field>
      <button type="submit" disabled={busy} className={buttonClass("primary")}>
        {busy ? "Uploading…" : "Start import"}
      </button>
    </form>
  );
}
