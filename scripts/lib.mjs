// Helpers shared by `npm start` and `npm test`. Node built-ins only: these run before dependencies exist.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function step(title) {
  console.log(`\n▸ ${title}`);
}

/** Runs a command with inherited output; exits the process if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** Reads KEY=VALUE lines of a .env file into process.env without overriding what is set. */
export function loadDotEnv(file = ".env") {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2].replace(/^["']|["']$/g, "");
  }
}

export function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of any file below the given paths (skipping generated folders). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (!["node_modules", "generated", ".next"].includes(entry)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Installs npm dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  if (mtime("node_modules/.package-lock.json") >= mtime("package-lock.json")) return;
  // Not `npm ci`: the registry reachable here serves no macOS/Windows builds of Next's and Tailwind's native
  // optional packages, so the lockfile cannot list them and `npm ci` would refuse it as out of sync.
  step("Installing dependencies (npm install)");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

/** Installs Debian packages that are missing (CI and fresh machines run as root with apt). */
export function ensureDebianPackages(packages, check) {
  const missing = packages.filter((pkg) => !check(pkg));
  if (!missing.length) return;
  step(`Installing system packages: ${missing.join(", ")}`);
  const apt = { env: { DEBIAN_FRONTEND: "noninteractive" } };
  run("apt-get", ["update", "-qq"], apt);
  run("apt-get", ["install", "-y", "-qq", ...missing], apt);
}

export const SOURCE_PATHS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

export function prepareDatabase() {
  if (mtime("lib/generated/prisma-sqlite/client.ts") < mtime("prisma/schema.prisma")) {
    step("Generating the database client");
    run("npm", ["run", "--silent", "db:generate"]);
  }
  step(`Applying migrations to ${redact(process.env.DATABASE_URL ?? "file:./data/atelier.db")}`);
  run("npm", ["run", "--silent", "db:migrate"]);
}

export function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@");
}
