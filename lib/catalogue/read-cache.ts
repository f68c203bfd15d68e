// A small in-process cache for the catalogue's hot read paths (listing pages and counts), keyed by the canonical
// filter. A write through lib/catalogue/write.ts clears it at once in this process and in the other server
// processes (lib/catalogue/changes.ts); the TTL bounds how stale a CLI import can leave it. Listing at 100k products is otherwise dominated by the
// query itself: every request would pay Prisma's and SQLite's few milliseconds on the one event loop.
const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const holder = globalThis as typeof globalThis & { __atelierReadCache?: Map<string, Entry>; __atelierCatalogueChangedAt?: number };

function entries(): Map<string, Entry> {
  return (holder.__atelierReadCache ??= new Map());
}

/** The cached result for `key`, or `load()`'s, shared by concurrent callers; failures are not cached. */
export function cachedRead<T>(readKey: string, load: () => Promise<T>): Promise<T> {
  // The database is part of the key: tests (and scripts) switch DATABASE_URL within one process.
  const key = `${process.env.DATABASE_URL ?? ""}|${readKey}`;
  const cache = entries();
  const now = Date.now();
  const hit = cache.get(key);
  // An entry read before the catalogue last changed is stale even if this process was not told to clear (the change
  // time is set by every write here and, in the clustered server, by scripts/serve.mjs on another process's write).
  if (hit && now - hit.at < TTL_MS && hit.at > (holder.__atelierCatalogueChangedAt ?? 0)) {
    // Refresh recency: Map keeps insertion order, so the oldest entry is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = load();
  cache.set(key, { at: now, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/** The fresh cached value for `readKey`, or undefined (nothing is loaded). */
export function peekRead<T>(readKey: string): Promise<T> | undefined {
  const hit = entries().get(`${process.env.DATABASE_URL ?? ""}|${readKey}`);
  const fresh = hit && Date.now() - hit.at < TTL_MS && hit.at > (holder.__atelierCatalogueChangedAt ?? 0);
  return fresh ? (hit.value as Promise<T>) : undefined;
}

/**
 * Stores a value read by a batched query under `readKey`, as if `cachedRead` had loaded it; `readAt` is when that
 * query began, so a write during it leaves the value stale.
 */
export function primeRead<T>(readKey: string, value: T, readAt: number): void {
  const cache = entries();
  cache.set(`${process.env.DATABASE_URL ?? ""}|${readKey}`, { at: readAt, value: Promise.resolve(value) });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** Forgets every cached read (after a catalogue write, and in tests). */
export function clearReadCache(): void {
  entries().clear();
}
