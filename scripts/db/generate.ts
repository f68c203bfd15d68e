// `npm run db:generate`: refreshes the PostgreSQL twin of prisma/schema.prisma, then generates both Prisma clients
// (lib/generated/prisma-sqlite and lib/generated/prisma-postgres, git-ignored). Works offline: `prisma generate`
// needs no engine binary with the query compiler, but the CLI still tries to download the schema engine unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and phones its telemetry host unless CHECKPOINT_DISABLE is set.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LAYOUTS, ROOT } from "./layout";
import { writePostgresTwin } from "./twin";

export function offlinePrismaEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Any existing file: generate never runs it, it only stops the CLI from fetching the native engine.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_HIDE_PREVIEW_FLAG_WARNINGS: "1",
  };
}

export function generateClients(): void {
  if (writePostgresTwin()) console.log("updated prisma/postgres/schema.prisma from prisma/schema.prisma");
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  for (const layout of Object.values(LAYOUTS)) {
    const schema = path.relative(ROOT, layout.schemaPath);
    const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], { cwd: ROOT, env: offlinePrismaEnv(), encoding: "utf8" });
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new Error(`prisma generate --schema ${schema} failed (exit ${result.status ?? result.signal})`);
    }
    const line = result.stdout.split("\n").find((l) => l.includes("Generated Prisma Client"));
    console.log(line?.trim() ?? `generated the client for ${schema}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    generateClients();
  } catch (error) {
    console.error(`db:generate failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
