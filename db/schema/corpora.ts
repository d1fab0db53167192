import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { createdAt, id, orgId } from "./columns";
import { departments, organizations } from "./orgs";

/**
 * Shared knowledge: the organization's corpus (department_id null: hospital policies, the clinic
 * schedule and booking link) and one per department (its guidelines). Its documents go through the same
 * ingestion as an avatar's (documents.corpus_id instead of avatar_id), and the avatars that include it
 * search its passages alongside their doctor's own.
 */
export const corpora = pgTable(
  "corpora",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    departmentId: text("department_id").references(() => departments.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("corpora_org_key").on(t.orgId).where(sql`department_id is null`),
    uniqueIndex("corpora_department_key").on(t.departmentId),
  ],
);

/**
 * A doctor's choice for one shared corpus on one avatar. Without a row the default holds: the
 * organization's corpus is included in every avatar of the organization, a department's corpus in the
 * avatars of that department.
 */
export const avatarCorpora = pgTable(
  "avatar_corpora",
  {
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    corpusId: text("corpus_id")
      .notNull()
      .references(() => corpora.id, { onDelete: "cascade" }),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    included: boolean("included").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.avatarId, t.corpusId] }), index("avatar_corpora_corpus_idx").on(t.corpusId)],
);
