"use client";
// A debounced catalogue search for interactive pickers (the outfit builder, try-on's garment picker): GET
// `/api/products?<query>` 200 ms after the last change, the previous request aborted, results mapped by `map`
// (a module-level function, so the effect does not rerun for it). A null query clears the results.
import { useEffect, useState } from "react";

export type SearchStatus = "idle" | "loading" | "error";

export function useProductSearch<Raw, T>(query: string | null, map: (item: Raw) => T): { results: T[]; status: SearchStatus } {
  const [results, setResults] = useState<T[]>([]);
  const [status, setStatus] = useState<SearchStatus>("idle");

  useEffect(() => {
    if (query === null) return setResults([]);
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const response = await fetch(`/api/products?${query}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setResults(((await response.json()) as { items: Raw[] }).items.map(map));
        setStatus("idle");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("error");
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, map]);

  return { results, status };
}
