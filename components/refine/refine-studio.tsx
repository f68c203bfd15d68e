"use client";
// The Refine studio: a source (a product or the shopper's photo), a caption with suggestion chips, the results,
// and multi-turn refinement — pick a result to refine again; every step stays in a breadcrumb that can be undone.
import { useMemo, useState, type FormEvent } from "react";
import { facetsOf, understand } from "@/lib/refine/understand";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RefineResults } from "./refine-results";
import { SourcePanel, type Source } from "./source-panel";
import { RefineError, useRefineEngine, type EngineMode, type RefineItem } from "./use-refine-engine";

interface Step {
  source: Source;
  text?: string;
  items?: RefineItem[];
  ranIn?: "browser" | "server";
  tookMs?: number;
}

interface RefineStudioProps {
  initialSource: Source | null;
  suggestions: string[];
  categories: { id: string; label: string }[];
  engine: EngineMode;
}

export function RefineStudio({ initialSource, suggestions, categories, engine }: RefineStudioProps) {
  const [steps, setSteps] = useState<Step[]>(initialSource ? [{ source: initialSource }] : []);
  const [text, setText] = useState("");
  const [category, setCategory] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { status, progress, run } = useRefineEngine(engine);
  const current = steps[steps.length - 1];
  // The attributes the text names, read as the server reads them: the results that meet them all come first.
  const asked = useMemo(() => {
    if (!current?.text) return [];
    return understand(current.text, current.source.kind === "product" ? facetsOf(current.source.product) : undefined);
  }, [current]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!current || busy) return;
    const caption = text.trim();
    if (!caption) return setError("Tell us how it should differ — for example “darker” or “with long sleeves”.");
    setBusy(true);
    setError(null);
    try {
      const source = current.source.kind === "product" ? { kind: "product" as const, productId: current.source.product.id } : { kind: "image" as const, file: current.source.file, dataUrl: current.source.dataUrl };
      const sourceCategory = current.source.kind === "product" ? current.source.product.category : undefined;
      const result = await run({ source, text: caption, category: category || undefined }, sourceCategory);
      setSteps((all) => [...all.slice(0, -1), { ...current, text: caption, items: result.items, ranIn: result.ranIn, tookMs: result.tookMs }]);
    } catch (e) {
      setError(e instanceof RefineError ? e.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  function refineFrom(item: RefineItem) {
    setSteps((all) => [...all, { source: { kind: "product", product: item.product } }]);
    setText("");
    setError(null);
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  function undo() {
    setSteps((all) => (all.length > 1 ? all.slice(0, -1) : all.map((s) => ({ source: s.source }))));
    setError(null);
  }

  function setSource(source: Source) {
    setSteps([{ source }]);
    setCategory("");
    setError(null);
  }

  const addChip = (chip: string) => setText((t) => (t.trim() ? `${t.trim()} and ${chip.replace(/^is /, "")}` : chip));

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,4fr)_minmax(0,8fr)] lg:gap-14">
      <SourcePanel source={current?.source ?? null} onUpload={setSource} />

      <div className="flex min-w-0 flex-col gap-8">
        {steps.length > 0 && (
          <nav aria-label="Refinement steps" className="flex flex-wrap items-center gap-x-2 gap-y-2 text-xs text-muted">
            {steps.map((step, i) => (
              <span key={i} className="flex items-center gap-2" data-testid="refine-step">
                {i > 0 && <span aria-hidden="true">→</span>}
                <button
                  type="button"
                  onClick={() => setSteps((all) => all.slice(0, i + 1))}
                  disabled={i === steps.length - 1}
                  className={cn("max-w-[16rem] truncate rounded-full border px-3 py-1 transition-colors", i === steps.length - 1 ? "border-ink text-ink" : "border-line hover:border-ink hover:text-ink")}
                >
                  {step.source.kind === "product" ? step.source.product.title : "Your photo"}
                  {step.text ? <span className="text-muted"> · “{step.text}”</span> : null}
                </button>
              </span>
            ))}
            {(steps.length > 1 || current?.items) && (
              <Button variant="link" size="sm" onClick={undo} className="ml-2 text-xs" data-testid="refine-undo">
                Undo last step
              </Button>
            )}
          </nav>
        )}

        <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={busy}>
          <label htmlFor="refine-text" className="font-display text-2xl leading-tight text-ink lg:text-3xl">
            How should it differ?
          </label>
          <div className="flex flex-col gap-3 sm:flex-row">
            <input
              id="refine-text"
              data-testid="refine-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={300}
              autoComplete="off"
              disabled={!current}
              placeholder={current ? "is darker, with long sleeves" : "Choose a piece or upload a photo first"}
              className="h-12 min-w-0 flex-1 border-b border-ink/70 bg-transparent px-1 text-lg text-ink placeholder:text-muted/70 focus:border-ink focus:outline-none"
            />
            <Button type="submit" size="md" disabled={!current || busy} data-testid="refine-submit" className="h-12 min-w-32">
              {busy ? "Refining…" : "Refine"}
            </Button>
          </div>
          <ul aria-label="Suggestions" className="flex flex-wrap gap-2">
            {suggestions.map((chip) => (
              <li key={chip}>
                <button type="button" onClick={() => addChip(chip)} className="rounded-full border border-line bg-paper px-3 py-1.5 text-xs text-ink-soft transition-colors hover:border-ink hover:text-ink" data-testid="refine-chip">
                  {chip}
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-muted">
            <label className="flex items-center gap-2">
              <span className="eyebrow">Search in</span>
              <select value={category} onChange={(e) => setCategory(e.target.value)} className="border-b border-line bg-transparent py-1 text-ink focus:outline-none" data-testid="refine-category">
                <option value="">{current?.source.kind === "product" ? "the same category" : "every category"}</option>
                <option value="all">every category</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </select>
            </label>
            <EngineNote status={status} progress={progress} ranIn={current?.ranIn} tookMs={current?.tookMs} />
          </div>
          {error && (
            <p role="alert" className="border-l-2 border-sale bg-sand/60 px-4 py-3 text-sm text-ink" data-testid="refine-error">
              {error}
            </p>
          )}
        </form>

        <RefineResults items={current?.items} asked={asked} busy={busy} onRefineFrom={refineFrom} />
      </div>
    </div>
  );
}

function EngineNote({ status, progress, ranIn, tookMs }: { status: string; progress: number; ranIn?: string; tookMs?: number }) {
  const label =
    status === "loading" ? `Preparing in-browser refinement… ${Math.round(progress * 100)}%` : status === "ready" ? "Refinement runs in your browser" : "Refinement runs on our servers";
  return (
    <p className="tabular-nums" data-testid="refine-engine" data-status={status} data-ran-in={ranIn ?? ""}>
      {label}
      {tookMs !== undefined && ranIn ? ` · last search ${Math.round(tookMs)} ms on the ${ranIn === "browser" ? "search index" : "server"}` : ""}
    </p>
  );
}
