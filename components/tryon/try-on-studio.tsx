"use client";
// The try-on studio: choose a person and garments, render with POST /api/tryon, compare before/after and download.
// The chosen garments live in the URL (?products=a,b&person=id) so a look can be shared or bookmarked.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { checkTryOnSlots } from "@/lib/tryon/slots";
import { CompareSlider } from "./compare-slider";
import { GarmentPicker } from "./garment-picker";
import { PersonPicker } from "./person-picker";
import { personImageOf, type ChosenPerson, type GalleryPerson, type Garment } from "./try-on-types";
import { useTryOnEngine, type EngineMode } from "./use-tryon-engine";

interface TryOnStudioProps {
  people: GalleryPerson[];
  initialGarments: Garment[];
  initialPersonId?: string;
  bodyShapes: readonly string[];
  skinTones: Record<string, string>;
  notice?: string;
  engine: EngineMode;
}

type Render =
  | { state: "idle" }
  | { state: "rendering"; started: number }
  | { state: "done"; image: string; before: string; tookMs: number; modelVersion: string; where: "browser" | "server" }
  | { state: "error"; message: string };

/** What the server usually takes (a figure at 384×512 on two cores), for the progress bar. */
const EXPECTED_MS = 2500;

export function TryOnStudio({ people, initialGarments, initialPersonId, bodyShapes, skinTones, notice, engine }: TryOnStudioProps) {
  const initialPerson = people.find((p) => p.id === initialPersonId) ?? null;
  const [person, setPerson] = useState<ChosenPerson | null>(initialPerson ? { kind: "gallery", person: initialPerson } : null);
  const [garments, setGarments] = useState(initialGarments);
  const [render, setRender] = useState<Render>({ state: "idle" });
  const [elapsed, setElapsed] = useState(0);
  const aborter = useRef<AbortController | null>(null);
  const stage = useRef<HTMLElement>(null);
  const [phase, setPhase] = useState("");
  const renderWith = useTryOnEngine(engine);
  const ids = garments.map((g) => g.id).join(",");
  const check = checkTryOnSlots(garments);

  useEffect(() => {
    const params = new URLSearchParams();
    if (ids) params.set("products", ids);
    if (person?.kind === "gallery") params.set("person", person.person.id);
    if (engine !== "auto") params.set("engine", engine);
    const query = params.toString().replace(/%2C/g, ",");
    window.history.replaceState(null, "", query ? `/try-on?${query}` : "/try-on");
  }, [ids, person, engine]);

  useEffect(() => {
    if (render.state !== "rendering") return;
    const timer = setInterval(() => setElapsed(performance.now() - render.started), 100);
    return () => clearInterval(timer);
  }, [render]);

  async function run() {
    if (!person || !check.ok) return;
    aborter.current?.abort();
    const controller = (aborter.current = new AbortController());
    setElapsed(0);
    setRender({ state: "rendering", started: performance.now() });
    // On a phone the stage sits below the pickers: bring it into view so the progress is seen.
    if (stage.current && stage.current.getBoundingClientRect().top > window.innerHeight * 0.5) stage.current.scrollIntoView({ behavior: "smooth", block: "start" });
    setPhase("");
    try {
      const answer = await renderWith(person, garments, controller.signal, setPhase);
      if (!answer.ok) return setRender({ state: "error", message: answer.message });
      if (render.state === "done" && render.image.startsWith("blob:")) URL.revokeObjectURL(render.image);
      setRender({ state: "done", image: answer.image, before: personImageOf(person), tookMs: answer.tookMs, modelVersion: answer.modelVersion, where: answer.where });
    } catch (error) {
      if ((error as Error).name !== "AbortError") setRender({ state: "error", message: "Something went wrong while rendering. Please try again." });
    }
  }

  const add = (g: Garment) => setGarments((current) => (current.some((c) => c.id === g.id) ? current : [...current, g]));
  const remove = (g: Garment) => setGarments((current) => current.filter((c) => c.id !== g.id));
  const blocker = !person ? "Choose a model or upload your photo." : garments.length === 0 ? "Pick at least one garment." : !check.ok ? check.message : null;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-12 lg:grid-cols-[minmax(0,6fr)_minmax(0,5fr)] lg:gap-16">
      <div className="flex flex-col gap-12">
        {notice && <p className="text-sm text-sale">{notice}</p>}
        <PersonPicker people={people} bodyShapes={bodyShapes} skinTones={skinTones} chosen={person} onChoose={setPerson} />
        <GarmentPicker garments={garments} onAdd={add} onRemove={remove} />
      </div>
      <aside ref={stage} aria-label="Your try-on" className="flex flex-col gap-4 scroll-mt-28 lg:sticky lg:top-[96px] lg:self-start">
        <Stage person={person} render={render} elapsed={elapsed} phase={phase} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button size="lg" onClick={run} disabled={blocker !== null || render.state === "rendering"} data-testid="tryon-render" className="sm:flex-1">
            {render.state === "rendering" ? "Rendering…" : render.state === "done" ? "Render again" : "Try it on"}
          </Button>
          {render.state === "done" && (
            <a href={render.image} download="atelier-try-on.png" className="inline-flex h-13 items-center justify-center border border-ink/80 px-8 text-sm tracking-[0.08em] text-ink uppercase hover:bg-ink hover:text-paper" data-testid="tryon-download">
              Download
            </a>
          )}
        </div>
        {blocker && render.state !== "rendering" && <p className="text-sm text-muted" data-testid="tryon-blocker">{blocker}</p>}
        {render.state === "error" && <p role="alert" className="text-sm text-sale" data-testid="tryon-error">{render.message}</p>}
        {render.state === "done" && (
          <p className="text-xs text-muted" data-testid="tryon-done">Rendered {render.where === "browser" ? "in your browser" : "on our server"} in {(render.tookMs / 1000).toFixed(1)} s · model {render.modelVersion}. Drag the line, or use the arrow keys, to compare.</p>
        )}
      </aside>
    </div>
  );
}

function Stage({ person, render, elapsed, phase }: { person: ChosenPerson | null; render: Render; elapsed: number; phase: string }) {
  if (render.state === "done") return <CompareSlider before={render.before} after={render.image} alt="the chosen garments on the model" />;
  const share = Math.min(0.95, 1 - Math.exp(-elapsed / EXPECTED_MS));
  return (
    <div className="relative aspect-[3/4] w-full overflow-hidden bg-studio" data-testid="tryon-stage">
      {person ? (
        <img src={personImageOf(person)} alt="The model you chose" className={render.state === "rendering" ? "size-full object-contain opacity-60 blur-[1px] transition" : "size-full object-contain"} />
      ) : (
        <div className="flex size-full items-center justify-center px-10 text-center text-sm text-muted">Choose a model to see the garments on them here.</div>
      )}
      {render.state === "rendering" && (
        <div className="absolute inset-x-0 bottom-0 bg-paper/90 px-5 py-4" role="status" aria-live="polite">
          <p className="text-sm text-ink">{phase || (elapsed < 800 ? "Reading the pose…" : elapsed < 1800 ? "Fitting the garments…" : "Painting the fabric…")}</p>
          <div className="mt-2 h-1 w-full bg-line" aria-hidden="true">
            <div className="h-full bg-ink transition-[width] duration-100" style={{ width: `${share * 100}%` }} data-testid="tryon-progress" />
          </div>
        </div>
      )}
    </div>
  );
}
