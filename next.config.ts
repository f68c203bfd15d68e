import type { NextConfig } from "next";

// Each engineer (and the e2e run) may build into its own folder so parallel builds never clash.
const nextConfig: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and wasm packages stay outside the server bundle and load from node_modules (TF.js finds its .wasm
  // files and the person-parsing models there, lib/tryon/parsing/).
  serverExternalPackages: ["sharp", "better-sqlite3", "onnxruntime-node", "pino", "@prisma/client", "@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"],
  images: { unoptimized: true },
  // The console's product form sends its image (up to 10 MB, lib/images/validate.ts) through a server action.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // A git worktree whose node_modules is a symlink to another checkout needs Turbopack's root to hold both.
  ...(process.env.NEXT_TURBOPACK_ROOT ? { turbopack: { root: process.env.NEXT_TURBOPACK_ROOT } } : {}),
};

export default nextConfig;
