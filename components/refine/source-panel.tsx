"use client";
// The refinement's source: the current piece (or the shopper's photo) large on the studio background, and a drop
// zone to start from a photo instead. Files are checked here for type and size so mistakes are caught early; the
// server checks again by content.
import { useRef, useState, type DragEvent } from "react";
import { formatPrice } from "@/components/ui/format";
import type { RefineItem } from "./use-refine-engine";

export type Source = { kind: "product"; product: RefineItem["product"] } | { kind: "image"; file: Blob; dataUrl: string; name: string };

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];

export function SourcePanel({ source, onUpload }: { source: Source | null; onUpload: (source: Source) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function accept(file: File | undefined) {
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem("That file isn't a photo we can read. Use a JPEG, PNG, WebP or GIF.");
    if (file.size > MAX_BYTES) return setProblem("That photo is larger than 10 MB. Try a smaller one.");
    setProblem(null);
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    onUpload({ kind: "image", file, dataUrl, name: file.name });
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void accept(e.dataTransfer.files[0]);
  };

  return (
    <aside aria-label="Starting point" className="flex flex-col gap-4 lg:sticky lg:top-[96px] lg:self-start" data-testid="refine-source" data-id={source?.kind === "product" ? source.product.id : "photo"}>
      <p className="eyebrow text-muted">Starting from</p>
      <div className="relative aspect-square overflow-hidden bg-studio">
        {source ? (
          <img src={source.kind === "product" ? source.product.imageUrl : source.dataUrl} alt={source.kind === "product" ? source.product.title : "Your photo"} className="size-full object-contain" />
        ) : (
          <div className="flex size-full items-center justify-center p-10 text-center text-sm text-muted">Upload a photo of something you like, or open Refine from any product.</div>
        )}
      </div>
      {source?.kind === "product" ? (
        <div>
          <p className="eyebrow text-muted">{source.product.brand}</p>
          <p className="mt-1 font-display text-xl leading-snug text-ink">{source.product.title}</p>
          <p className="mt-1 text-sm text-ink-soft tabular-nums">{formatPrice(source.product.priceCents, source.product.currency)}</p>
        </div>
      ) : source ? (
        <p className="truncate text-sm text-ink-soft">Your photo · {source.name}</p>
      ) : null}
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`border border-dashed px-4 py-4 text-center text-xs transition-colors ${over ? "border-ink bg-sand" : "border-line-strong text-muted"}`}
      >
        <button type="button" onClick={() => input.current?.click()} className="text-ink underline decoration-line-strong underline-offset-4 hover:decoration-ink">
          Start from your own photo
        </button>
        <span> or drop it here · JPEG, PNG, WebP up to 10 MB</span>
        <input ref={input} type="file" accept={TYPES.join(",")} className="sr-only" data-testid="refine-upload" onChange={(e) => void accept(e.target.files?.[0])} />
      </div>
      {problem && <p role="alert" className="text-xs text-sale">{problem}</p>}
    </aside>
  );
}
