// In-memory limiter for failed sign-ins, keyed by email + client IP: after MAX_FAILURES within WINDOW_MS the pair
// is locked for LOCK_MS. In memory on purpose (a restart forgiving counts is acceptable); under the clustered
// server every process records every failure and success (lib/server/cluster-bus.ts), so the limit is per
// deployment, not per process. Kept on globalThis so dev hot reload does not reset it.
import { publish, subscribe } from "../server/cluster-bus";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

const store = ((globalThis as { __atelierLoginFailures?: Map<string, Entry> }).__atelierLoginFailures ??= new Map());

export function limiterKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

/** Milliseconds until the pair may try again, or 0 when it may try now. */
export function lockedFor(key: string, now = Date.now()): number {
  const entry = store.get(key);
  return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
}

export function recordFailure(key: string, now = Date.now()): void {
  countFailure(key, now);
  publish({ type: "atelier:login-failure", key, now });
}

function countFailure(key: string, now: number): void {
  prune(now);
  const entry = store.get(key);
  if (!entry || now - entry.windowStart > WINDOW_MS) {
    store.set(key, { failures: 1, windowStart: now, lockedUntil: 0 });
    return;
  }
  entry.failures += 1;
  if (entry.failures >= MAX_FAILURES) entry.lockedUntil = now + LOCK_MS;
}

export function recordSuccess(key: string): void {
  store.delete(key);
  publish({ type: "atelier:login-success", key });
}

subscribe("atelier:login-failure", (m) => countFailure(String(m.key), Number(m.now)));
subscribe("atelier:login-success", (m) => store.delete(String(m.key)));

export function resetLoginLimiter(): void {
  store.clear();
}

/** Drops stale entries once the map grows, so a flood of distinct keys cannot exhaust memory. */
function prune(now: number): void {
  if (store.size < MAX_ENTRIES) return;
  for (const [key, entry] of store) {
    if (entry.lockedUntil <= now && now - entry.windowStart > WINDOW_MS) store.delete(key);
  }
  // Still full of live entries: forget the oldest rather than grow.
  while (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string);
}
