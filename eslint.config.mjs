// Lint is part of `npm test` and must pass with zero warnings. The layer rules at the end encode DESIGN's
// "nevers"; change them only together with DESIGN.md.
import { createRequire } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// eslint-plugin-react's "detect" calls context.getFilename(), which ESLint 10 removed: name the version instead.
const reactVersion = createRequire(import.meta.url)("react/package.json").version;

/** A restriction applied to both spellings of a cross-folder import: `@/x/...` and `../x/...`. */
function layer(folders, message) {
  const alternatives = folders.map((f) => f.replaceAll("/", "\\/")).join("|");
  return { regex: `^(@\\/|(\\.\\.\\/)+)(${alternatives})(\\/|$)`, message };
}

const noUi = layer(["app", "components"], "server/ and db/ never import the UI (app/, components/): move the shared part to server/ or db/.");
const noServer = layer(["server"], "db/ imports nothing from server/: the schema owns its types; server/ imports them from db/.");
// Row types are shared vocabulary; the tables themselves are not. api-key-scopes and case-card hold no
// Drizzle (a constant list, the case card's zod shape), so their values may be imported anywhere.
const tablesOnly = { regex: "^(@\\/|(\\.\\.\\/)+)db\\/schema(?!\\/(api-key-scopes|case-card)$)(\\/|$)", allowTypeImports: true };

// Pages and route handlers may hand the process's database (server/db) to a service; they never query it.
const noQueriesInApp = [
  layer(["db/client"], "The UI never opens the database: call a server service."),
  { ...tablesOnly, message: "The UI never touches tables: import row types with `import type`, or call a server service." },
  { regex: "^(drizzle-orm|postgres|@electric-sql\\/.*)(\\/|$)", message: "The UI never queries the database: call a server service." },
];
// Components reach the server through tRPC, the chat stream, or data their page passes in.
const noDatabaseInComponents = [
  ...noQueriesInApp,
  layer(["server/db"], "Components never open the database: have the page call a server service and pass the result."),
];
const noTables = [
  { ...tablesOnly, message: "Routers never touch tables: parse input, call a service, return." },
  layer(["db/client", "server/db"], "Routers never open the database: call a service, which takes the db."),
  { regex: "^drizzle-orm(\\/|$)", message: "Routers never touch tables: parse input, call a service, return." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.strict,
  globalIgnores([".next/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/**"]),
  {
    settings: { react: { version: reactVersion } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "error",
      // tsconfig's noUncheckedIndexedAccess makes `xs[i]!` after a bounds check (or `[row]!` after an insert
      // that returns one row) the honest spelling; banning it would push those sites to `as` casts.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi, noServer] }] },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["server/routers/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi] }] },
  },
  {
    files: ["server/routers/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUi, ...noTables] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: noQueriesInApp }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: noDatabaseInComponents }] },
  },
  {
    // Integration tests drive route handlers and UI helpers end to end; the layer rules guard shipped code.
    files: ["**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
]);
