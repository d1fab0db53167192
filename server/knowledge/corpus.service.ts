/**
 * Shared knowledge: the organization's corpus and one per department (db/schema/corpora.ts). Admins
 * manage their documents (the same upload and ingestion as an avatar's); every member reads them; a
 * doctor sees which corpora their avatar includes and may switch one off or on. Retrieval searches the
 * included corpora alongside the avatar's own documents (includedCorpusIds): a change in a corpus
 * reaches every draft that includes it at once, and a published version through its next publish
 * (reviewed where the organization requires it), which pins the corpus's passages (pins.ts).
 */
import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { avatarCorpora, avatars, corpora, departments, documents, organizations } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";

export type CorpusKind = "organization" | "department";

export interface CorpusSummary {
  id: string;
  kind: CorpusKind;
  departmentId: string | null;
  /** The organization's or the department's name. */
  name: string;
  documents: number;
  passages: number;
}

/** The organization's corpus and one per department, created on first use. */
async function ensureCorpora(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`
    insert into ${corpora} (org_id, department_id)
    select ${orgId}, null where not exists (select 1 from ${corpora} where org_id = ${orgId} and department_id is null)
    union all
    select ${orgId}, d.id from ${departments} d
    where d.org_id = ${orgId} and not exists (select 1 from ${corpora} c where c.department_id = d.id)
    on conflict do nothing`);
}

const summaryColumns = {
  id: corpora.id,
  departmentId: corpora.departmentId,
  orgName: organizations.name,
  departmentName: departments.name,
  documents: sql<number>`(select count(*)::int from ${documents} d where d.corpus_id = ${corpora.id} and d.replaces_document_id is null)`,
  passages: sql<number>`(select coalesce(sum(d.passage_count), 0)::int from ${documents} d where d.corpus_id = ${corpora.id} and d.enabled and d.replaces_document_id is null)`,
};

type SummaryRow = { id: string; departmentId: string | null; orgName: string; departmentName: string | null; documents: number; passages: number };

function toSummary(r: SummaryRow): CorpusSummary {
  return {
    id: r.id,
    kind: r.departmentId ? "department" : "organization",
    departmentId: r.departmentId,
    name: r.departmentName ?? r.orgName,
    documents: Number(r.documents),
    passages: Number(r.passages),
  };
}

async function summaries(db: Db, orgId: string, where?: SQL): Promise<CorpusSummary[]> {
  await ensureCorpora(db, orgId);
  const rows = await db
    .select(summaryColumns)
    .from(corpora)
    .innerJoin(organizations, eq(organizations.id, corpora.orgId))
    .leftJoin(departments, eq(departments.id, corpora.departmentId))
    .where(and(eq(corpora.orgId, orgId), where))
    .orderBy(sql`${corpora.departmentId} is not null`, asc(departments.name));
  return rows.map(toSummary);
}

/** The organization's shared corpora: its own first, then its departments' by name. */
export async function listCorpora(db: Db, actor: Principal<"staff">): Promise<CorpusSummary[]> {
  assertCan(actor, "corpus.read");
  return summaries(db, actor.orgId);
}

/** A corpus of the actor's organization; "edit" needs the right to manage shared knowledge. */
export async function getCorpusOrThrow(db: Db, actor: Principal<"staff">, unverifiedCorpusId: string, mode: "read" | "edit"): Promise<CorpusSummary> {
  assertCan(actor, mode === "edit" ? "corpus.manage" : "corpus.read");
  const [corpus] = await summaries(db, actor.orgId, eq(corpora.id, unverifiedCorpusId));
  if (!corpus) throw new AppError("not_found", "No such shared corpus in your organization.");
  return corpus;
}

/** Whether a corpus is in an avatar by default: the organization's always, a department's for its avatars. */
const includedByDefault = (corpus: { departmentId: string | null }, avatar: { departmentId: string | null }) =>
  corpus.departmentId === null || corpus.departmentId === avatar.departmentId;

export interface AvatarCorpus extends CorpusSummary {
  included: boolean;
  includedByDefault: boolean;
}

/**
 * The shared corpora an avatar may draw on: the organization's, its department's, and any other
 * department's the doctor switched on; each with whether it is included now.
 */
export async function listAvatarCorpora(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string): Promise<AvatarCorpus[]> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  const all = await summaries(db, avatar.orgId);
  const choices = new Map(
    (await db.select().from(avatarCorpora).where(eq(avatarCorpora.avatarId, avatar.id))).map((c) => [c.corpusId, c.included]),
  );
  return all
    .map((c) => {
      const byDefault = includedByDefault(c, avatar);
      return { ...c, includedByDefault: byDefault, included: choices.get(c.id) ?? byDefault };
    })
    .filter((c) => c.kind === "organization" || c.includedByDefault || choices.has(c.id) || c.documents > 0);
}

/** The doctor's choice for one shared corpus on their avatar. */
export async function setAvatarCorpus(db: Db, actor: Principal<"staff">, input: { avatarId: string; corpusId: string; included: boolean }): Promise<AvatarCorpus> {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  const [corpus] = await summaries(db, avatar.orgId, eq(corpora.id, input.corpusId));
  if (!corpus) throw new AppError("not_found", "No such shared corpus in your organization.");
  await db
    .insert(avatarCorpora)
    .values({ avatarId: avatar.id, corpusId: corpus.id, orgId: avatar.orgId, included: input.included })
    .onConflictDoUpdate({ target: [avatarCorpora.avatarId, avatarCorpora.corpusId], set: { included: input.included, updatedAt: new Date() } });
  return { ...corpus, includedByDefault: includedByDefault(corpus, avatar), included: input.included };
}

/** The corpora retrieval searches for this avatar (its organization's only), without any actor: the patient's path. */
export async function includedCorpusIds(db: Pick<Db, "execute">, avatarId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`${includedCorpora(avatarId)} order by c.id`));
  return rows.map((r) => r.id);
}

/** The query of includedCorpusIds (one column, id), for a statement that reads them along with other things. */
export function includedCorpora(avatarId: string): SQL {
  return sql`
      select c.id from ${avatars} a
      join ${corpora} c on c.org_id = a.org_id
      left join ${avatarCorpora} ac on ac.avatar_id = a.id and ac.corpus_id = c.id
      where a.id = ${avatarId}
        and coalesce(ac.included, c.department_id is null or c.department_id = a.department_id)`;
}

/** Who a shared document belongs to, for citations ("the hospital's", "the department's"). */
export async function corpusOwners(db: Db, corpusIds: string[]): Promise<Map<string, { kind: CorpusKind; name: string }>> {
  if (corpusIds.length === 0) return new Map();
  const rows = await db
    .select({ id: corpora.id, departmentId: corpora.departmentId, orgName: organizations.name, departmentName: departments.name })
    .from(corpora)
    .innerJoin(organizations, eq(organizations.id, corpora.orgId))
    .leftJoin(departments, eq(departments.id, corpora.departmentId))
    .where(inArray(corpora.id, [...new Set(corpusIds)]));
  return new Map(rows.map((r) => [r.id, { kind: r.departmentId ? "department" : "organization", name: r.departmentName ?? r.orgName }]));
}
