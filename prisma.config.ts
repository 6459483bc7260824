import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a schema engine for most commands, which fails offline. `generate`,
// `validate` and `format` do not need it, so point the variable at a stub that refuses clearly.
// Migrations are applied by our own migrator (lib/db/migrator.ts), never by `prisma migrate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
