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

/**
 * When the catalogue last changed as this process knows it: set by every write here (lib/catalogue/changes.ts) and,
 * in the clustered server, by scripts/serve.mjs on another process's write. The global's name is shared with
 * scripts/api-responses.mjs, the server's response cache.
 */
export function catalogueChangedAt(): number {
  return holder.__atelierCatalogueChangedAt ?? 0;
}

/** Records a catalogue change in this process: every entry read before it is stale from now on. */
export function markCatalogueChanged(at = Date.now()): void {
  holder.__atelierCatalogueChangedAt = at;
  entries().clear();
}

// The database is part of the key: tests (and scripts) switch DATABASE_URL within one process.
const fullKey = (readKey: string) => `${process.env.DATABASE_URL ?? ""}|${readKey}`;

/** The entry for `key` if it is within the TTL and was read after the catalogue last changed. */
function freshEntry(key: string, now = Date.now()): Entry | undefined {
  const hit = entries().get(key);
  return hit && now - hit.at < TTL_MS && hit.at > catalogueChangedAt() ? hit : undefined;
}

function store(key: string, entry: Entry): void {
  const cache = entries();
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** The cached result for `key`, or `load()`'s, shared by concurrent callers; failures are not cached. */
export function cachedRead<T>(readKey: string, load: () => Promise<T>): Promise<T> {
  const key = fullKey(readKey);
  const cache = entries();
  const now = Date.now();
  const hit = freshEntry(key, now);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so the oldest entry is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = load();
  store(key, { at: now, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  return value;
}

/** The fresh cached value for `readKey`, or undefined (nothing is loaded). */
export function peekRead<T>(readKey: string): Promise<T> | undefined {
  return freshEntry(fullKey(readKey))?.value as Promise<T> | undefined;
}

/**
 * Stores a value read by a batched query under `readKey`, as if `cachedRead` had loaded it; `readAt` is when that
 * query began, so a write during it leaves the value stale.
 */
export function primeRead<T>(readKey: string, value: T, readAt: number): void {
  store(fullKey(readKey), { at: readAt, value: Promise.resolve(value) });
}

/** Forgets every cached read (in tests). */
export function clearReadCache(): void {
  entries().clear();
}
