"use client";
// "Is there a whole person in this photo?" answered in the shopper's browser by the person-parsing worker, before
// anything is uploaded. When the worker cannot run here (no module workers, a model that fails to load), the answer
// is "unknown" and the server parses the photo instead, so the shopper is never blocked by the browser.
import { useCallback, useEffect, useRef } from "react";
import type { BodyModel } from "@/lib/tryon/body-model";
import type { ParsingRequest, ParsingResponse } from "./parsing-protocol";

/** tookMs: pose + segmentation + body model, in the worker (what bench:parsing-browser reports). */
export type FullBodyAnswer = { ok: true; body: BodyModel; tookMs: number; backend: string } | { ok: false; message: string } | { ok: "unknown" };

export function useFullBodyCheck(onProgress: (share: number | null) => void) {
  const worker = useRef<Worker | null>(null);
  const next = useRef(1);
  useEffect(() => () => worker.current?.terminate(), []);

  return useCallback(async (file: Blob): Promise<FullBodyAnswer> => {
    try {
      worker.current ??= new Worker(new URL("./parsing.worker.ts", import.meta.url), { type: "module" });
    } catch {
      return { ok: "unknown" };
    }
    const w = worker.current;
    const id = next.current++;
    return new Promise<FullBodyAnswer>((resolve) => {
      const done = (answer: FullBodyAnswer) => {
        w.removeEventListener("message", listen);
        w.removeEventListener("error", failed);
        onProgress(null);
        resolve(answer);
      };
      const failed = () => done({ ok: "unknown" });
      const listen = (event: MessageEvent<ParsingResponse>) => {
        const m = event.data;
        if (m.type === "progress") onProgress(m.total ? m.loaded / m.total : null);
        else if (m.type === "result" && m.id === id) done({ ok: true, body: m.body, tookMs: m.tookMs, backend: m.backend });
        else if (m.type === "error" && (m.id === id || m.id === undefined)) done(m.code === "no-full-body" ? { ok: false, message: m.message } : { ok: "unknown" });
      };
      w.addEventListener("message", listen);
      w.addEventListener("error", failed);
      w.postMessage({ type: "parse", id, image: file } satisfies ParsingRequest);
    });
  }, [onProgress]);
}
