// The production server: one Next.js server process per core, sharing one port (node:cluster), so that a
// 2-core machine answers two requests at once instead of queueing everything on one event loop.
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]        WEB_CONCURRENCY=N overrides the number of workers.
// Workers keep per-process state (listing cache, sign-in limiter, vector indexes, model sessions). What must agree
// travels as `atelier:*` messages that the primary relays to the other workers (lib/server/cluster-bus.ts): a
// merchandiser's edit shows on the next request, and sign-in failures count once per deployment.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { answerFromCache, finishApiResponse } from "./api-responses.mjs";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME_BIND ?? undefined;
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

if (cluster.isPrimary) {
  console.log(`Atelier: ${workers} server process${workers > 1 ? "es" : ""} on port ${port}`);
  let stopping = false;
  const slots = new Map(); // worker id -> { slot: its ATELIER_WORKER number, reused on replacement; at: fork time }
  const fork = (slot) => {
    const worker = cluster.fork({ ATELIER_WORKER: String(slot) });
    slots.set(worker.id, { slot, at: Date.now() });
    worker.on("message", (message) => {
      if (typeof message?.type !== "string" || !message.type.startsWith("atelier:")) return;
      for (const other of Object.values(cluster.workers ?? {})) if (other && other.id !== worker.id) other.send(message);
    });
  };
  // A larger young generation: each request allocates a few hundred kB that die young (Next's request objects,
  // streams, JSON), and with V8's default 16 MB semi-spaces that means a scavenge every few dozen requests.
  const tuned = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(" ")].some((a) => a.startsWith("--max-semi-space-size"));
  if (!tuned && process.env.ATELIER_SEMI_SPACE !== "default") cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  for (let slot = 1; slot <= workers; slot++) fork(slot);
  let running = workers;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (--running === 0) process.exit(0);
      return;
    }
    const { slot, at } = slots.get(worker.id);
    if (Date.now() - at < 15_000) { // it never came up: a missing build or a bad configuration, not a crash
      console.error(`server process ${worker.process.pid} failed to start (${signal ?? code}); stopping`);
      process.exit(1);
    }
    console.error(`server process ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    fork(slot);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.env.NODE_ENV = "production";
  // A catalogue write in another process (relayed by the primary) stamps this process's change time, which the read
  // cache (lib/catalogue/read-cache.ts) and the API response cache (./api-responses.mjs) compare their entries with:
  // this holds even before this process has loaded lib/catalogue/changes.ts, which subscribes to the same message.
  process.on("message", (message) => {
    if (message?.type === "atelier:catalogue-changed") globalThis.__atelierCatalogueChangedAt = Date.now();
  });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    if (answerFromCache(req, res)) return;
    finishApiResponse(req, res);
    return handle(req, res);
  }).listen(port, hostname);
  // Finish the requests in flight, then exit normally (so exit hooks such as --cpu-prof run).
  process.on("SIGTERM", () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
