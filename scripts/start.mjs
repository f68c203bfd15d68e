// `npm start` on a fresh clone: install what is missing, prepare the database, seed the default catalogue on
// first run, build when the sources changed since the last build, then serve on PORT (default 3000).
import { existsSync } from "node:fs";
import { ensureDependencies, loadDotEnv, mtime, newestMtime, prepareDatabase, run, SOURCE_PATHS, step } from "./lib.mjs";

loadDotEnv();
ensureDependencies();
prepareDatabase();

step("Preparing the catalogue and the first merchandiser");
run("npx", ["tsx", "--import", "./scripts/db/server-only-hook.mjs", "scripts/setup.ts"]);

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
if (!existsSync(`${distDir}/BUILD_ID`) || mtime(`${distDir}/BUILD_ID`) < newestMtime(SOURCE_PATHS)) {
  step("Building the app (next build)");
  run("node", ["scripts/copy-ort.mjs"]);
  run("node", ["scripts/copy-tfjs.mjs"]);
  run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}

const port = process.env.PORT ?? "3000";
step(`Serving Atelier on http://localhost:${port}`);
run("node", ["scripts/serve.mjs", "-p", port], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
