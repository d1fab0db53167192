import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { listCorpora } from "@/server/knowledge/corpus.service";
import { addDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";

const SCHEDULE = { file: "clinic-schedule.md", title: "门诊时间与预约 Clinic hours and appointments" };

/**
 * The demo hospital's shared knowledge: its clinic schedule and booking link in the organization's
 * corpus, so every demo avatar answers appointment questions from it instead of inventing details.
 * Safe to run again: identical content is recognised and costs nothing.
 */
export async function seedDemoSharedKnowledge(db: Db, embedder: Embedder, orgSlug: string): Promise<void> {
  const [admin] = await db
    .select({ userId: memberships.userId, orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(organizations.slug, orgSlug), eq(memberships.role, "admin")))
    .limit(1);
  if (!admin) return;
  const actor = { kind: "staff" as const, userId: admin.userId, orgId: admin.orgId, role: "admin" as const };
  const orgCorpus = (await listCorpora(db, actor)).find((c) => c.kind === "organization")!;
  const bytes = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "server", "demo", "corpus", SCHEDULE.file)));
  const { duplicate } = await addDocument(
    db,
    actor,
    { corpusId: orgCorpus.id, title: SCHEDULE.title, filename: SCHEDULE.file, format: "markdown", bytes, provenance: { sourceKind: "other", sourceName: "分身示范医院 Fenshen Demo Hospital" } },
    { maxBytes: 1 << 20 },
  );
  if (!duplicate) await drainIngestionQueue(db, embedder);
}
