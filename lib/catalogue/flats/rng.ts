// Seeded randomness for the flats' small variations (fold placement, pocket style, print offsets), built on
// the generator's PRNG so a drawing depends only on its spec.
import { createRng, hashString, type Rng } from "../generator/random";

export type { Rng };

/** One independent stream per purpose, so adding a draw in one place does not reshuffle the others. */
export function streamOf(seed: number, purpose: string): Rng {
  return createRng((seed ^ hashString(purpose)) >>> 0);
}

export function range(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

export function pickOf<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}
