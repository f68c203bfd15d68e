"use client";
// Where a try-on renders: in this browser (tryon.worker.ts, onnxruntime-web) when it can, else on the server
// (POST /api/tryon). "auto" tries the browser and falls back to the server on any failure there, so a browser
// without wasm, a model that will not load or an upload the browser could not parse never blocks the shopper.
import { useCallback, useEffect, useRef } from "react";
import type { TryOnRequest, TryOnResponse, WorkerPerson } from "./tryon-protocol";
import { personImageOf, type ChosenPerson, type Garment } from "./try-on-types";

export type EngineMode = "auto" | "browser" | "server";

export type RenderAnswer =
  | { ok: true; image: string; tookMs: number; modelVersion: string; where: "browser" | "server" }
  | { ok: false; message: string };

export function useTryOnEngine(mode: EngineMode) {
  const worker = useRef<Worker | null>(null);
  const next = useRef(1);
  useEffect(() => () => worker.current?.terminate(), []);

  const inBrowser = useCallback((person: WorkerPerson, garments: Garment[], onPhase: (text: string) => void) => {
    worker.current ??= new Worker(new URL("./tryon.worker.ts", import.meta.url), { type: "module" });
    const w = worker.current;
    const id = next.current++;
    return new Promise<RenderAnswer>((resolve, reject) => {
      const finish = () => {
        w.removeEventListener("message", listen);
        w.removeEventListener("error", failed);
      };
      const failed = () => {
        finish();
        reject(new Error("The in-browser try-on could not start."));
      };
      const listen = (event: MessageEvent<TryOnResponse>) => {
        const m = event.data;
        if (m.type === "progress") onPhase(`Downloading the try-on model… ${Math.round((100 * m.loaded) / m.total)}%`);
        else if (m.type === "result" && m.id === id) {
          finish();
          resolve({ ok: true, image: URL.createObjectURL(m.png), tookMs: m.tookMs, modelVersion: m.modelVersion, where: "browser" });
        } else if (m.type === "error" && (m.id === id || m.id === undefined)) {
          finish();
          reject(new Error(m.message));
        }
      };
      w.addEventListener("message", listen);
      w.addEventListener("error", failed);
      w.postMessage({ type: "render", id, person, garments: garments.map((g) => ({ slot: g.slot, imageUrl: g.imageUrl })) } satisfies TryOnRequest);
    });
  }, []);

  return useCallback(async (person: ChosenPerson, garments: Garment[], signal: AbortSignal, onPhase: (text: string) => void): Promise<RenderAnswer> => {
    const workerPerson: WorkerPerson | null =
      person.kind === "gallery" ? { kind: "gallery", id: person.person.id, imageUrl: personImageOf(person) } : person.body ? { kind: "upload", dataUrl: person.dataUrl, body: person.body } : null;
    if (mode !== "server" && workerPerson && typeof Worker !== "undefined") {
      try {
        return await inBrowser(workerPerson, garments, onPhase);
      } catch (error) {
        if (mode === "browser") return { ok: false, message: (error as Error).message };
        worker.current?.terminate();
        worker.current = null;
      }
    }
    onPhase("");
    return onServer(person, garments, signal);
  }, [mode, inBrowser]);
}

async function onServer(person: ChosenPerson, garments: Garment[], signal: AbortSignal): Promise<RenderAnswer> {
  const body = { ...(person.kind === "gallery" ? { personId: person.person.id } : { personImage: person.dataUrl }), productIds: garments.map((g) => g.id) };
  try {
    const response = await fetch("/api/tryon", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
    const json = await response.json().catch(() => null);
    if (!response.ok) return { ok: false, message: messageFor(response.status, json?.error) };
    return { ok: true, image: json.image, tookMs: json.tookMs, modelVersion: json.modelVersion, where: "server" };
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return { ok: false, message: "We couldn't reach Atelier. Check your connection and try again." };
  }
}

/** The API's message where it is written for the shopper; plain words for the statuses they cannot act on. */
function messageFor(status: number, error?: { code?: string; message?: string }): string {
  if (status === 503) return "Try-on is being set up and isn't available just yet. Please check back soon.";
  if (status === 413) return "That photo is too large. A copy under 10 MB works just as well.";
  if (status >= 500 || !error?.message) return "Something went wrong while rendering. Please try again.";
  return error.message;
}
