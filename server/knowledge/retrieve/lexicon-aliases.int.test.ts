import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { termAssociations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { deleteDocument, pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { queryTokens, keywordTokens } from "@/server/knowledge/text/tokenize";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { getAvatarStats } from "./avatar-stats";
import { retrievePassages } from "./retrieve";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;
let glossaryId: string;

const DIARRHOEA = "腹泻期间要多喝水，补充电解质，必要时口服补液盐。";
const LASER = "People with HHT may need laser therapy for nosebleeds.";

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Words"))).id;
  const paste = async (title: string, text: string) => (await pasteDocument(database.db, doctor, { avatarId, title, text }, limits)).document.id;
  await paste("消化", `# 腹泻\n\n${DIARRHOEA}\n\n# 胃痛\n\n胃痛反复发作时，建议先做胃镜检查。`);
  await paste("Nosebleeds", `# Nosebleeds\n\n${LASER}\n\n# Dry air\n\nA humidifier at night keeps the nose from drying out.`);
  // The glossary is the only place that says HHT and the full name are one thing.
  glossaryId = await paste("Glossary", "# Glossary\n\nHereditary hemorrhagic telangiectasia (HHT) is an inherited disorder of the blood vessels.");
  await paste("Sleep", "# Sleep\n\nAdults need seven hours of sleep. Keep the bedroom dark and quiet.");
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

const contents = async (query: string) => (await retrievePassages(database.db, { avatarId, query, embedder, limit: 5 })).map((p) => p.content);

describe("the lay <-> clinical lexicon in retrieval", () => {
  it("finds the doctor's 腹泻 passage for a patient's 拉肚子, which shares no word with it", async () => {
    const query = "拉肚子了该怎么办";
    const shared = queryTokens(query).filter((t) => keywordTokens(DIARRHOEA).includes(t));
    expect(shared).toEqual([]);
    expect((await contents(query))[0]).toContain(DIARRHOEA);
  });
});

describe("associations learned from the avatar's own documents", () => {
  it("stores the alias pairs a document states, per document", async () => {
    const rows = await database.db.select().from(termAssociations).where(eq(termAssociations.documentId, glossaryId));
    expect(rows.map((r) => [r.term, r.alias])).toEqual([["Hereditary hemorrhagic telangiectasia", "HHT"]]);
    expect(rows[0]).toMatchObject({ avatarId, orgId: doctor.orgId });
  });

  it("finds a passage that only uses the abbreviation for a question that uses the full name", async () => {
    expect((await getAvatarStats(database.db, avatarId)).associations).toContainEqual({ term: "Hereditary hemorrhagic telangiectasia", alias: "HHT" });
    expect(await contents("What is hereditary hemorrhagic telangiectasia?")).toContain(LASER);
  });

  it("forgets them when the document that taught them is removed", async () => {
    await deleteDocument(database.db, doctor, glossaryId);
    expect(await database.db.select().from(termAssociations).where(eq(termAssociations.documentId, glossaryId))).toEqual([]);
    expect((await getAvatarStats(database.db, avatarId)).associations).toEqual([]);
    expect(await contents("What is hereditary hemorrhagic telangiectasia?")).not.toContain(LASER);
  });
});
