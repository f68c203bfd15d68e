// Prisma CLI configuration. The project migrates with its own `npm run db:migrate` (Prisma's schema engine as
// WebAssembly); this file makes the stock CLI agree with it where the native engine exists: DATABASE_URL picks the
// provider's schema and migrations folder, so `prisma migrate deploy` applies the same files.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || "file:./data/atelier.db";
const postgres = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});
