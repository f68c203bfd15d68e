"use client";
// Step 1: who wears it. The gallery of generated models, filterable by body shape and skin tone, or the shopper's
// own full-body photo, checked for a whole person in the browser before it is ever sent.
import { useCallback, useMemo, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { labelOfId, type ChosenPerson, type GalleryPerson } from "./try-on-types";
import { useFullBodyCheck } from "./use-full-body-check";

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

interface PersonPickerProps {
  people: GalleryPerson[];
  bodyShapes: readonly string[];
  skinTones: Record<string, string>;
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson) => void;
}

export function PersonPicker({ people, bodyShapes, skinTones, chosen, onChoose }: PersonPickerProps) {
  const [shape, setShape] = useState("");
  const [tone, setTone] = useState("");
  const [upload, setUpload] = useState<{ state: "idle" | "checking" | "error"; message?: string; progress?: number | null }>({ state: "idle" });
  const [parsed, setParsed] = useState<{ ms: number; backend: string } | null>(null);
  const [checked, setChecked] = useState(0); // photos checked so far, so a script can tell one answer from the next
  const input = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => people.filter((p) => (!shape || p.attributes.bodyShape === shape) && (!tone || p.attributes.skinTone === tone)), [people, shape, tone]);
  const onProgress = useCallback((progress: number | null) => setUpload((u) => (u.state === "checking" ? { ...u, progress } : u)), []);
  const checkFullBody = useFullBodyCheck(onProgress);

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (!/^image\/(png|jpeg|webp|gif)$/.test(file.type)) return setUpload({ state: "error", message: "That file isn't a photo we can read. Use a JPEG, PNG or WebP." });
    if (file.size > MAX_UPLOAD_BYTES) return setUpload({ state: "error", message: "That photo is over 10 MB. A smaller copy works just as well." });
    setUpload({ state: "checking", progress: null });
    const answer = await checkFullBody(file);
    setChecked((n) => n + 1);
    if (answer.ok === false) return setUpload({ state: "error", message: answer.message });
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    setUpload({ state: "idle" });
    setParsed(answer.ok === true ? { ms: answer.tookMs, backend: answer.backend } : null);
    onChoose({ kind: "upload", dataUrl, name: file.name, body: answer.ok === true ? answer.body : undefined });
  }

  const select = "h-10 border-b border-line-strong bg-transparent pr-6 text-sm text-ink focus:border-ink focus:outline-none";
  return (
    <section aria-labelledby="tryon-person" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="tryon-person" className="font-display text-xl text-ink"><span className="mr-2 text-muted">1</span>Choose a model</h2>
        <div className="flex gap-4">
          <label className="flex flex-col text-[11px] tracking-wide text-muted uppercase">
            Body shape
            <select value={shape} onChange={(e) => setShape(e.target.value)} className={select} data-testid="filter-body-shape">
              <option value="">All</option>
              {bodyShapes.map((s) => <option key={s} value={s}>{labelOfId(s)}</option>)}
            </select>
          </label>
          <label className="flex flex-col text-[11px] tracking-wide text-muted uppercase">
            Skin tone
            <select value={tone} onChange={(e) => setTone(e.target.value)} className={select} data-testid="filter-skin-tone">
              <option value="">All</option>
              {Object.keys(skinTones).map((t) => <option key={t} value={t}>{labelOfId(t)}</option>)}
            </select>
          </label>
        </div>
      </div>
      <div role="radiogroup" aria-label="Models" className="-mx-5 flex snap-x gap-2 overflow-x-auto px-5 pb-2 sm:mx-0 sm:grid sm:grid-cols-6 sm:overflow-visible sm:px-0 sm:pb-0 lg:grid-cols-4 xl:grid-cols-6" data-testid="tryon-gallery">
        {shown.map((p) => {
          const selected = chosen?.kind === "gallery" && chosen.person.id === p.id;
          return (
            <button
              key={p.id}
              type="button"
              role="radio"
              aria-checked={selected}
              aria-label={`Model: ${labelOfId(p.attributes.bodyShape)} build, ${p.attributes.skinTone} skin, ${p.attributes.pose.replace(/_/g, " ")}`}
              onClick={() => onChoose({ kind: "gallery", person: p })}
              className={cn("relative aspect-[3/4] w-20 shrink-0 snap-start overflow-hidden bg-studio outline-offset-2 transition sm:w-auto", selected ? "ring-2 ring-ink" : "opacity-90 hover:opacity-100")}
              data-testid="tryon-person"
              data-id={p.id}
            >
              <img src={p.imageUrl} alt="" loading="lazy" className="size-full object-contain" />
              <span aria-hidden="true" className="absolute right-1 bottom-1 size-3 rounded-full border border-paper" style={{ background: skinTones[p.attributes.skinTone] }} />
            </button>
          );
        })}
        {shown.length === 0 && <p className="col-span-full py-6 text-sm text-muted">No model matches both filters. Try another skin tone or body shape.</p>}
      </div>
      <div className="flex flex-col gap-2 border border-dashed border-line-strong px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p className="text-sm text-ink">Or use your own photo</p>
          <p className="text-xs text-muted">Head to feet, facing the camera. We check it right here in your browser first; it is only sent to render, and never stored.</p>
        </div>
        <button type="button" onClick={() => input.current?.click()} disabled={upload.state === "checking"} className="h-10 shrink-0 border border-ink/80 px-4 text-xs tracking-wide text-ink hover:bg-ink hover:text-paper disabled:opacity-50">
          {upload.state === "checking" ? (upload.progress != null && upload.progress < 1 ? `Loading checker… ${Math.round(upload.progress * 100)}%` : "Checking your photo…") : chosen?.kind === "upload" ? "Use another photo" : "Upload a photo"}
        </button>
        <input ref={input} data-checked={checked} type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" tabIndex={-1} aria-label="Upload a full-body photo" onChange={(e) => { void onFile(e.target.files?.[0]); e.target.value = ""; }} data-testid="tryon-upload" />
      </div>
      {upload.state === "error" && <p role="alert" className="text-sm text-sale">{upload.message}</p>}
      {chosen?.kind === "upload" && (
        <p className="text-xs text-ok" data-testid="tryon-upload-status" data-parse-ms={chosen.body && parsed ? Math.round(parsed.ms) : ""} data-backend={parsed?.backend ?? ""}>
          Using your photo “{chosen.name}”{chosen.body && parsed ? ` · pose and outline found in your browser in ${Math.round(parsed.ms)} ms` : " · it will be read on our server"}.
        </p>
      )}
    </section>
  );
}
