import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, each shown to refuse the import it exists for (and to let the
// allowed neighbour through), so a config edit cannot quietly turn one off.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    ["db/schema/x.ts", 'import { getConfig } from "@/server/env";\nexport const x = getConfig;\n', "db/ imports nothing from server/"],
    ["server/x/y.ts", 'import { useT } from "@/components/i18n/client";\nexport const x = useT;\n', "never import the UI"],
    ["server/x/y.ts", 'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n', "never import the UI"],
    ["server/routers/x.router.ts", 'import { users } from "@/db/schema";\nexport const x = users;\n', "Routers never touch tables"],
    ["server/routers/x.router.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n', "Routers never touch tables"],
    ["app/x/page.tsx", 'import { openDatabase } from "@/db/client";\nexport const x = openDatabase;\n', "never opens the database"],
    ["app/x/page.tsx", 'import { users } from "@/db/schema";\nexport const x = users;\n', "never touches tables"],
    ["components/x/y.tsx", 'import { getDatabase } from "@/server/db";\nexport const x = getDatabase;\n', "Components never open the database"],
    ["components/x/y.tsx", 'import { sql } from "drizzle-orm";\nexport const x = sql;\n', "never queries the database"],
  ])("%s: %s is refused", async (file, code, reason) => {
    expect((await restricted(file, code)).join("\n")).toContain(reason);
  });

  it.each([
    ["components/x/y.tsx", 'import type { AvatarSnapshot } from "@/db/schema";\nexport type X = AvatarSnapshot;\n'],
    ["components/x/y.tsx", 'import { API_KEY_SCOPES } from "@/db/schema/api-key-scopes";\nexport const x = API_KEY_SCOPES;\n'],
    ["server/routers/x.router.ts", 'import { caseCardSchema } from "@/db/schema/case-card";\nexport const x = caseCardSchema;\n'],
    ["app/x/page.tsx", 'import { getDatabase } from "@/server/db";\nexport const x = getDatabase;\n'],
    ["server/x/y.ts", 'import { translate } from "@/server/i18n/messages";\nexport const x = translate;\n'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
