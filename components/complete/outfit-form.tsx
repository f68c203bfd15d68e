"use client";
// Create/edit a curated outfit: a title, its pieces (product ids, pasted or found by search), draft or published.
// The server action checks every piece exists and that the outfit is wearable (one piece per slot).
import { useActionState, useEffect, useState } from "react";
import { saveOutfit, type OutfitFormState } from "@/app/admin/(console)/outfits/actions";
import { buttonClass, describedBy, Field, inputClass, Notice } from "@/components/admin/form-controls";
import { labelOf } from "@/lib/ontology";

interface PieceSummary { id: string; title: string; thumbUrl?: string; imageUrl?: string; category: string }

export interface OutfitFormValues { id?: string; title: string; productIds: string[]; status: "draft" | "published"; pieces: PieceSummary[] }

export function OutfitForm({ initial }: { initial: OutfitFormValues }) {
  const [state, dispatch, pending] = useActionState<OutfitFormState, FormData>(saveOutfit, null);
  const [ids, setIds] = useState(initial.productIds.join("\n"));
  const [q, setQ] = useState("");
  const [found, setFound] = useState<PieceSummary[]>([]);
  const errorOf = (field: string) => (state && !state.ok && state.field === field ? state.message : undefined);

  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/products?limit=8&q=${encodeURIComponent(q.trim())}`, { signal: controller.signal })
        .then((r) => r.json())
        .then((json: { items: PieceSummary[] }) => setFound(json.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const addId = (id: string) => setIds((text) => (text.split(/\s+/).includes(id) ? text : `${text.trim()}\n${id}`.trim()));

  return (
    <form action={dispatch} className="grid gap-6 rounded-lg border border-line bg-white p-6 shadow-xs lg:grid-cols-2">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {state ? <div className="lg:col-span-2"><Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice></div> : null}
      <div className="space-y-5">
        <Field label="Title" htmlFor="title" error={errorOf("title")}>
          <input {...describedBy("title", errorOf("title"))} name="title" defaultValue={initial.title} required maxLength={120} className={inputClass} />
        </Field>
        <Field label="Pieces (product ids, one per line)" htmlFor="productIds" error={errorOf("productIds")} hint="Two to eight pieces: top and bottom or a one-piece, shoes, and optionally outerwear, a bag, an accessory.">
          <textarea {...describedBy("productIds", errorOf("productIds"), "hint")} name="productIds" rows={7} value={ids} onChange={(e) => setIds(e.target.value)} className={inputClass + " font-mono"} />
        </Field>
        <Field label="Status" htmlFor="status">
          <select id="status" name="status" defaultValue={initial.status} className={inputClass}>
            <option value="draft">Draft (console only)</option>
            <option value="published">Published (shown on product pages)</option>
          </select>
        </Field>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? "Saving…" : "Save outfit"}</button>
      </div>
      <div className="space-y-3">
        <Field label="Find pieces" htmlFor="outfit-piece-search" hint="Search the catalogue and add a piece's id to the list.">
          <input id="outfit-piece-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="navy blazer, leather boots…" className={inputClass} />
        </Field>
        <ul className="divide-y divide-line/70">
          {(found.length ? found : initial.pieces).map((p) => (
            <li key={p.id} className="flex items-center gap-3 py-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed thumbnails */}
              <img src={p.thumbUrl || p.imageUrl} alt="" width={40} height={40} className="size-10 rounded border border-line bg-studio object-contain" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate text-ink">{p.title}</p>
                <p className="font-mono text-xs text-muted">{p.id} · {labelOf(p.category)}</p>
              </div>
              {found.length ? (
                <button type="button" onClick={() => addId(p.id)} className={buttonClass("secondary")} aria-label={`Add ${p.title}`}>Add</button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
