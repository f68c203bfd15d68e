// What the production server does around Next for /api/ responses (scripts/api-responses.mjs): gzip once per body,
// whichever way the handler writes its response, and the public listing's response cache with its invalidation.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the server, without types
import { answerFromCache, clearApiCache, finishApiResponse } from "../../scripts/api-responses.mjs";

const big = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, title: "Relaxed linen shirt" })) });
const handlers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/api/json": (_req, res) => { res.setHeader("content-type", "application/json"); res.end(big); },
  "/api/chunks": (_req, res) => {
    res.writeHead(201, { "content-type": "application/json; charset=utf-8", "x-kept": "yes" });
    res.flushHeaders();
    res.write(big.slice(0, 100));
    res.write(Buffer.from(big.slice(100)));
    res.end();
  },
  "/api/small": (_req, res) => { res.setHeader("content-type", "application/json"); res.end('{"ok":true}'); },
  "/api/image": (_req, res) => { res.setHeader("content-type", "image/webp"); res.end(Buffer.alloc(4096, 7)); },
  "/api/empty": (_req, res) => { res.statusCode = 204; res.end(); },
  "/api/products?q=linen": (_req, res) => {
    calls++;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ items: Array.from({ length: 80 }, (_, i) => ({ id: `p${i}`, title: "Linen shirt", n: calls })), nextCursor: null }));
  },
  "/api/products?cursor=bad": (_req, res) => { calls++; res.statusCode = 400; res.setHeader("content-type", "application/json"); res.end('{"error":{}}'); },
  "/page": (req, res) => { res.setHeader("content-type", "text/html"); res.end(`seen: ${req.headers["accept-encoding"] ?? "none"}`); },
};

let base = "";
let calls = 0;
const server = createServer((req, res) => {
  if (answerFromCache(req, res)) return;
  finishApiResponse(req, res);
  handlers[req.url ?? ""](req, res);
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resolve();
})));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, encoding?: string): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(base + path, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

describe("gzip of API responses", () => {
  it("sends a JSON body gzipped with its length when the client accepts gzip", async () => {
    const res = await get("/api/json", "gzip, deflate, br");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(gunzipSync(res.body).toString()).toBe(big);
  });

  it("keeps the status and headers of a handler that writes its head and body in pieces", async () => {
    const res = await get("/api/chunks", "gzip");
    expect(res.status).toBe(201);
    expect(res.headers["x-kept"]).toBe("yes");
    expect(gunzipSync(res.body).toString()).toBe(big);
  });

  it("sends the body as it is without Accept-Encoding, for small bodies, images and empty answers", async () => {
    const plain = await get("/api/json");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(big);
    const small = await get("/api/small", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe('{"ok":true}');
    const image = await get("/api/image", "gzip");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.equals(Buffer.alloc(4096, 7))).toBe(true);
    const empty = await get("/api/empty", "gzip");
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
  });

  it("leaves pages to the app: their requests keep Accept-Encoding", async () => {
    const res = await get("/page", "gzip");
    expect(res.body.toString()).toBe("seen: gzip");
  });
});

describe("the public listing's response cache", () => {
  const holder = globalThis as typeof globalThis & { __atelierCatalogueChangedAt?: number };

  it("answers a repeated listing itself, gzipped or not as asked, until the catalogue changes", async () => {
    clearApiCache();
    calls = 0;
    const first = await get("/api/products?q=linen", "gzip");
    expect(first.headers["x-cache"]).toBeUndefined();
    const again = await get("/api/products?q=linen", "gzip");
    expect(again.headers["x-cache"]).toBe("hit");
    expect(again.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(again.body).toString()).toBe(gunzipSync(first.body).toString());
    const plain = await get("/api/products?q=linen");
    expect(plain.headers["x-cache"]).toBe("hit");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(gunzipSync(first.body).toString());
    expect(calls).toBe(1);

    holder.__atelierCatalogueChangedAt = Date.now() + 1; // a write, here or announced by another server process
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = await get("/api/products?q=linen", "gzip");
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(JSON.parse(gunzipSync(after.body).toString()).items[0].n).toBe(2);
    expect(calls).toBe(2);
  });

  it("keeps neither errors nor other API answers", async () => {
    clearApiCache();
    calls = 0;
    for (let i = 0; i < 2; i++) expect((await get("/api/products?cursor=bad", "gzip")).status).toBe(400);
    expect(calls).toBe(2);
    expect((await get("/api/json", "gzip")).headers["x-cache"]).toBeUndefined();
    expect((await get("/api/json", "gzip")).headers["x-cache"]).toBeUndefined();
  });
});
