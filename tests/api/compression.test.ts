// The server's gzip for /api/ responses (scripts/api-compression.mjs): what a client receives, whichever way the
// handler writes its response.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the server, without types
import { compressApiResponse } from "../../scripts/api-compression.mjs";

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
  "/page": (req, res) => { res.setHeader("content-type", "text/html"); res.end(`seen: ${req.headers["accept-encoding"] ?? "none"}`); },
};

let base = "";
const server = createServer((req, res) => {
  compressApiResponse(req, res);
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
