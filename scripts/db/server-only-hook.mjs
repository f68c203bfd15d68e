// Lets Node scripts import lib/ modules that begin with `import "server-only"`. That marker package throws unless
// resolved under Next's "react-server" condition; outside Next (tsx scripts: seed, migrate, import CLI) this hook
// resolves it to an empty module and leaves every other import alone.
//   tsx --import ./scripts/db/server-only-hook.mjs scripts/seed.ts
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,export {};", shortCircuit: true } : next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
