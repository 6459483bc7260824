import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  poweredByHeader: false,
  // A second build beside the main one (a developer's check while the test suite holds .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default config;
