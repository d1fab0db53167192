import { defineConfig } from "drizzle-kit";

// drizzle-kit is used to generate SQL migrations only; db/migrate.ts applies them on both engines.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
