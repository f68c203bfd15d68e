// A bounded HTTP load generator for benchmarks against a local server: N concurrent clients loop over a
// list of requests until a request count or a time bound is reached; prints p50/p95/p99 per request kind.
// Latency is from sending the request to the last byte of the response. The clients share the server's cores, so
// they use node:http on keep-alive sockets (as wrk or autocannon do) rather than fetch, which cost ~30% of a core at
// these rates, mostly in its own bookkeeping and in decompressing bodies that the benchmark never reads.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export interface LoadRequest { kind: string; url: string; init?: { method?: string; headers?: Record<string, string>; body?: string } }

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request as a browser sends it (gzip accepted); true on a 2xx/3xx answer, once the whole body has arrived. */
function send({ url, init }: LoadRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.request(url, { agent, method: init?.method ?? "GET", headers: { "accept-encoding": "gzip", ...init?.headers } }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve((response.statusCode ?? 500) < 400));
      response.on("error", () => resolve(false));
    });
    request.on("error", () => resolve(false));
    request.end(init?.body);
  });
}

export interface LoadResult { kind: string; count: number; errors: number; p50: number; p95: number; p99: number; max: number }

export async function runLoad(requests: () => LoadRequest, { clients = 8, total = 2000, seconds = 60 } = {}): Promise<LoadResult[]> {
  const samples = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const deadline = Date.now() + seconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total && Date.now() < deadline) {
        issued++;
        const request = requests();
        const started = performance.now();
        const ok = await send(request);
        const ms = performance.now() - started;
        if (!ok) errors.set(request.kind, (errors.get(request.kind) ?? 0) + 1);
        if (!samples.has(request.kind)) samples.set(request.kind, []);
        samples.get(request.kind)!.push(ms);
      }
    }),
  );
  const all = [...samples.values()].flat();
  const rows = [...samples.entries()].map(([kind, ms]) => summarise(kind, ms, errors.get(kind) ?? 0));
  rows.push(summarise("ALL", all, [...errors.values()].reduce((a, b) => a + b, 0)));
  return rows;
}

function summarise(kind: string, ms: number[], errors: number): LoadResult {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { kind, count: ms.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export function printTable(rows: LoadResult[]): void {
  console.log(["kind".padEnd(22), "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"].join("\t"));
  for (const r of rows) {
    console.log([r.kind.padEnd(22), r.count, r.errors, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1)].join("\t"));
  }
}

export function round(x: number, digits = 1): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** Polls a URL until it answers 200 (a production server starting), for up to `seconds`. */
export async function waitUp(url: string, seconds = 120): Promise<void> {
  for (let t = 0; t < seconds * 2; t++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start (${url})`);
}

/**
 * The production server (scripts/serve.mjs: NODE_ENV production, warnings only) on `port`, with `env` on top of this
 * process's, once it answers /api/health; stop() ends it and its worker processes.
 */
export interface BenchServer {
  base: string;
  stop: () => void;
  /** CPU time (user + system, ms) the server's processes have used so far: the cost of the requests, without the queueing. */
  cpuMs: () => number;
}

/** CPU milliseconds used by the processes of a process group (Linux /proc; clock ticks of 10 ms). */
export function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the ")" that ends the command name: state ppid pgrp ... utime(14) stime(15), 1-based overall.
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks * 10;
}

/**
 * runLoad, plus the server's CPU time per request over the run (null when the server is not one startServer started,
 * e.g. a --base server).
 */
export async function runLoadMeasured(server: BenchServer | undefined, requests: () => LoadRequest, options: Parameters<typeof runLoad>[1]): Promise<{ rows: LoadResult[]; cpuPerRequest: number | null }> {
  const before = server?.cpuMs();
  const rows = await runLoad(requests, options);
  const count = rows.find((r) => r.kind === "ALL")!.count;
  return { rows, cpuPerRequest: server ? (server.cpuMs() - before!) / count : null };
}

/** The line the benchmarks print under their table. */
export function printCpuPerRequest(cpuPerRequest: number | null): void {
  if (cpuPerRequest !== null) console.log(`server CPU per request: ${cpuPerRequest.toFixed(2)} ms (user + system, all server processes)`);
}

export async function startServer(port: string, env: Record<string, string | undefined> = {}): Promise<BenchServer> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`Build the app first into ${distDir} (npm start builds it, or npx next build; NEXT_DIST_DIR picks the folder).`);
  // BENCH_CPU_PROF=<dir>: every server process writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  // Used with bench:listing and bench:complete; under bench:refine (onnxruntime sessions in the server) a profiled
  // server once stopped answering mid-run, so profile that path in-process instead.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const server = spawn("node", [...profile, "scripts/serve.mjs", "-p", port], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => process.kill(-server.pid!, "SIGTERM");
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(`${base}/api/health`);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop, cpuMs: () => groupCpuMs(server.pid!) };
}
