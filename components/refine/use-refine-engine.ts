"use client";
// Where a refinement runs: in the shopper's browser (the worker composes the query, the server only searches) once
// the worker is ready, else on the server (POST /api/refine) — the fallback while the model downloads, when the
// worker fails, or when ?engine=server asks for it. The worker starts only when Refine is opened.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Product } from "@/lib/catalogue/types";
import type { WorkerResponse, WorkerSource } from "./worker-protocol";

export type EngineMode = "auto" | "server" | "browser";
export type EngineStatus = "off" | "loading" | "ready" | "failed";

export interface RefineItem {
  /** As the API returns it (SPEC §4). */
  product: Product;
  score: number;
}
export interface RefineResponse {
  items: RefineItem[];
  tookMs: number;
  modelVersion: string;
  ranIn: "browser" | "server";
}

export interface RefineRequest {
  source: { kind: "product"; productId: string } | { kind: "image"; file: Blob; dataUrl: string };
  text: string;
  category?: string;
  k?: number;
}

export class RefineError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

async function postJson(url: string, body: unknown): Promise<Omit<RefineResponse, "ranIn">> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new RefineError("We couldn't reach the shop. Check your connection and try again.", "network");
  }
  const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok || !json) throw new RefineError(json?.error?.message ?? "Something went wrong on our side. Please try again.", json?.error?.code ?? "internal");
  return json as Omit<RefineResponse, "ranIn">;
}

export function useRefineEngine(mode: EngineMode) {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, { resolve: (r: { query: Float32Array; modelVersion: string }) => void; reject: (e: Error) => void }>());
  const nextId = useRef(1);
  const [status, setStatus] = useState<EngineStatus>("off");
  const [progress, setProgress] = useState(0);

  useEffect(() => {
    if (mode === "server" || typeof Worker === "undefined") return;
    let w: Worker;
    try {
      w = new Worker(new URL("./refine.worker.ts", import.meta.url), { type: "module" });
    } catch {
      setStatus("failed");
      return;
    }
    worker.current = w;
    setStatus("loading");
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      if (m.type === "progress") setProgress(Math.min(1, m.loaded / m.total));
      else if (m.type === "ready") setStatus("ready");
      else if (m.type === "result") {
        pending.current.get(m.id)?.resolve(m);
        pending.current.delete(m.id);
      } else if (m.type === "error") {
        if (m.id === undefined) setStatus("failed");
        else {
          pending.current.get(m.id)?.reject(new RefineError(m.message, "browser"));
          pending.current.delete(m.id);
        }
      }
    };
    w.onerror = () => setStatus("failed");
    w.postMessage({ type: "load" });
    const waiting = pending.current;
    return () => {
      w.terminate();
      worker.current = null;
      for (const p of waiting.values()) p.reject(new RefineError("cancelled", "cancelled"));
      waiting.clear();
    };
  }, [mode]);

  const composeInBrowser = useCallback((source: WorkerSource, text: string) => {
    const id = nextId.current++;
    return new Promise<{ query: Float32Array; modelVersion: string }>((resolve, reject) => {
      pending.current.set(id, { resolve, reject });
      worker.current!.postMessage({ type: "compose", id, source, text });
    });
  }, []);

  const run = useCallback(
    async (request: RefineRequest, sourceCategory?: string): Promise<RefineResponse> => {
      const k = request.k ?? 24;
      if (status === "ready" && worker.current && mode !== "server") {
        try {
          const source: WorkerSource = request.source.kind === "product" ? request.source : { kind: "image", file: request.source.file };
          const { query, modelVersion } = await composeInBrowser(source, request.text);
          const excludeId = request.source.kind === "product" ? request.source.productId : undefined;
          const result = await postJson("/api/refine/search", { query: Array.from(query), modelVersion, text: request.text, k, category: request.category ?? sourceCategory, excludeId });
          return { ...result, ranIn: "browser" };
        } catch (error) {
          // The browser said the text means nothing: the server would say the same, so say it now.
          if (error instanceof RefineError && (error.code === "browser" && /mean anything/.test(error.message))) throw error;
          if (mode === "browser") throw error;
        }
      }
      if (mode === "browser" && status !== "ready") throw new RefineError("The in-browser model is still loading.", "browser_loading");
      const body = request.source.kind === "product" ? { productId: request.source.productId } : { image: request.source.dataUrl };
      return { ...(await postJson("/api/refine", { ...body, text: request.text, k, category: request.category })), ranIn: "server" };
    },
    [composeInBrowser, mode, status],
  );

  return { status, progress, run };
}
