// The in-process read cache behind listings and product lookups (lib/catalogue/read-cache.ts).
import { afterEach, describe, expect, it } from "vitest";
import { cachedRead, clearReadCache } from "@/lib/catalogue/read-cache";

const holder = globalThis as typeof globalThis & { __atelierCatalogueChangedAt?: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  clearReadCache();
  delete holder.__atelierCatalogueChangedAt;
});

describe("read cache", () => {
  it("shares one load between concurrent and later callers", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cachedRead("k", load), cachedRead("k", load)]);
    expect(await cachedRead("k", load)).toBe(1);
    expect([a, b, loads]).toEqual([1, 1, 1]);
  });

  it("does not serve what was read before the catalogue changed, even where nothing cleared it", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedRead("k", load)).toBe(1);
    await sleep(2);
    // Another server process's write, as scripts/serve.mjs records it: the time only, no clear in this process.
    holder.__atelierCatalogueChangedAt = Date.now();
    await sleep(2);
    expect(await cachedRead("k", load)).toBe(2);
    expect(await cachedRead("k", load)).toBe(2);
  });

  it("does not keep failures", async () => {
    let loads = 0;
    await expect(cachedRead("k", async () => { loads++; throw new Error("database away"); })).rejects.toThrow("database away");
    expect(await cachedRead("k", async () => ++loads)).toBe(2);
  });
});
