// First-load JavaScript of shopper pages, gzipped, as a browser downloads it (SPEC §5: catalogue <= 250 kB).
// Usage: npm run bench:web [-- --base http://127.0.0.1:3000]  (against a running production server)
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://127.0.0.1:3000" } } });
const base = values.base!;
const pages = ["/", "/?category=dress&color=red", "/try-on", "/admin/login"];

const rows: { page: string; scripts: number; rawKb: number; gzipKb: number }[] = [];
for (const page of pages) {
  const html = await (await fetch(base + page)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  // Inline flight data is part of the first load too.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  raw += inline.length;
  gzip += gzipSync(Buffer.from(inline)).length;
  rows.push({ page, scripts: srcs.length, rawKb: raw / 1024, gzipKb: gzip / 1024 });
}
console.log(["page".padEnd(32), "scripts", "raw kB", "gzip kB"].join("\t"));
for (const r of rows) console.log([r.page.padEnd(32), r.scripts, r.rawKb.toFixed(1), r.gzipKb.toFixed(1)].join("\t"));
console.log(JSON.stringify({ bench: "web", firstLoadGzipKb: Object.fromEntries(rows.map((r) => [r.page, Math.round(r.gzipKb * 10) / 10])), bar: { catalogue: 250 } }));
