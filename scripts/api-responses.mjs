// What the production server (scripts/serve.mjs) does itself for /api/ responses, around Next:
//  - gzip once per body: every /api/ route answers with one finished body (JSON, or an image), so there is nothing to
//    stream; collecting the body and compressing it in one call costs ~0.1 ms, where Next's per-response gzip stream
//    cost ~0.5-0.9 ms of the ~1.8 ms a cached listing page took (bench:listing, with and without Accept-Encoding).
//    Pages keep Next's compression: they stream.
//  - a response cache for the public listing (GET /api/products: the same answer for every shopper), as a CDN or a
//    proxy's micro-cache would keep: a repeated listing is answered here without entering Next (~1 ms of routing,
//    request objects and the route). It forgets exactly when lib/catalogue/read-cache.ts does: on any catalogue write
//    in any server process (the write path sets globalThis.__atelierCatalogueChangedAt here and, through the cluster
//    bus, in the other processes; lib/catalogue/changes.ts), and after the same 10 s that bound how long a write from
//    outside the server (a CLI import) takes to show.
import { gunzipSync, gzipSync } from "node:zlib";

const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/([\w.+-]*\+)?json|text\/|image\/svg\+xml)/i;
const CACHEABLE = /^\/api\/products(\?|$)/;
const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

/** url -> { at: when the request that produced it began, status, type, vary, raw, gzipped (or null) } */
const cache = new Map();

const acceptsGzip = (req) => /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
const changedAt = () => globalThis.__atelierCatalogueChangedAt ?? 0;

/** Answers a cached public listing; false when the request is not one or its answer is not cached (or stale). */
export function answerFromCache(req, res) {
  if (req.method !== "GET" || !CACHEABLE.test(req.url ?? "")) return false;
  const entry = cache.get(req.url);
  if (!entry) return false;
  if (entry.at <= changedAt() || Date.now() - entry.at >= TTL_MS) {
    cache.delete(req.url);
    return false;
  }
  cache.delete(req.url); // refresh recency: the Map's first key is the least recently used
  cache.set(req.url, entry);
  const gzip = entry.gzipped && acceptsGzip(req);
  const body = gzip ? entry.gzipped : entry.raw;
  res.writeHead(entry.status, {
    "Content-Type": entry.type, Vary: entry.vary, "Content-Length": body.length, "X-Cache": "hit",
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(body);
  return true;
}

/**
 * Takes over an /api/ request's response from Next: hides the request's Accept-Encoding from Next (so it does not
 * compress), collects the body, and sends it with its Content-Length, gzipped when asked for, compressible and at
 * least 1 kB; remembers a public listing's answer. Other requests are left as they are.
 */
export function finishApiResponse(req, res) {
  if (!req.url?.startsWith("/api/")) return;
  const gzipWanted = acceptsGzip(req);
  delete req.headers["accept-encoding"];
  if (req.method === "HEAD") return;
  const startedAt = Date.now();
  const cacheable = req.method === "GET" && CACHEABLE.test(req.url);

  const original = { writeHead: res.writeHead, flushHeaders: res.flushHeaders, write: res.write, end: res.end };
  const chunks = [];
  const collect = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  // Headers stay open until the body is complete, so that the encoding and length can still be set.
  res.writeHead = function (status, reason, headers) {
    res.statusCode = status;
    const fields = typeof reason === "object" ? reason : headers;
    if (typeof reason === "string") res.statusMessage = reason;
    if (Array.isArray(fields)) for (let i = 0; i < fields.length; i += 2) res.appendHeader(fields[i], fields[i + 1]);
    else if (fields) for (const [name, value] of Object.entries(fields)) res.setHeader(name, value);
    return res;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, encoding, callback) {
    collect(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    collect(chunk, encoding);
    Object.assign(res, original);
    const raw = Buffer.concat(chunks);
    const empty = res.statusCode === 204 || res.statusCode === 304;
    const type = String(res.getHeader("content-type") ?? "");
    const gzipped = !empty && raw.length >= MIN_BYTES && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding") ? gzipSync(raw) : null;
    if (gzipped) {
      const vary = String(res.getHeader("vary") ?? "");
      if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    if (cacheable && res.statusCode === 200 && !res.getHeader("set-cookie") && startedAt > changedAt()) {
      cache.set(req.url, { at: startedAt, status: 200, type, vary: String(res.getHeader("vary") ?? "Accept-Encoding"), raw, gzipped });
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value);
    }
    const body = gzipped && gzipWanted ? gzipped : raw;
    if (body === gzipped) res.setHeader("Content-Encoding", "gzip");
    if (!empty) {
      res.removeHeader("Transfer-Encoding");
      res.setHeader("Content-Length", body.length);
    }
    return res.end(body, callback);
  };
}

/** Forgets every cached answer (tests). */
export function clearApiCache() {
  cache.clear();
}
