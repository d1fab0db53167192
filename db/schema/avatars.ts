import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt, id, orgId } from "./columns";
import { departments, organizations } from "./orgs";

export const avatarLanguage = pgEnum("avatar_language", ["zh-CN", "en"]);

export const avatars = pgTable(
  "avatars",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    specialty: text("specialty").notNull().default(""),
    bio: text("bio").notNull().default(""),
    greeting: text("greeting").notNull().default(""),
    language: avatarLanguage("language").notNull().default("zh-CN"),
    disclaimer: text("disclaimer").notNull().default(""),
    /** Region for emergency numbers: CN, US, UK or INTL. */
    region: text("region").notNull().default("CN"),
    publishedVersionId: text("published_version_id"),
    departmentId: text("department_id").references(() => departments.id, { onDelete: "set null" }),
    hospital: text("hospital").notNull().default(""),
    /** Languages the avatar answers in (one or both); `language` stays the main one. */
    languages: jsonb("languages").$type<AvatarLanguage[]>().notNull().default([]),
    /** The doctor's tone and persona instructions for a configured model. */
    tone: text("tone").notNull().default(""),
    topicsIn: jsonb("topics_in").$type<string[]>().notNull().default([]),
    /** Topics the avatar must not answer; a question about one gets outOfScopeText instead. */
    topicsOut: jsonb("topics_out").$type<string[]>().notNull().default([]),
    outOfScopeText: text("out_of_scope_text").notNull().default(""),
    suggestedQuestions: jsonb("suggested_questions").$type<string[]>().notNull().default([]),
    answerPolicy: text("answer_policy").$type<AnswerPolicy>().notNull().default("materials_only"),
    /** The doctor's own words when the materials have no answer; empty: the built-in text. */
    noAnswerText: text("no_answer_text").notNull().default(""),
    /** When the photo (in avatar_photos) last changed; null: no photo. Busts caches of the photo URL. */
    photoUpdatedAt: timestamp("photo_updated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("avatars_slug_key").on(t.slug), index("avatars_org_idx").on(t.orgId)],
);

export type AvatarLanguage = "zh-CN" | "en";
/** materials_only: refuse beyond the materials; materials_first: general knowledge allowed (with a model), labelled as such. */
export const ANSWER_POLICIES = ["materials_only", "materials_first"] as const;
export type AnswerPolicy = (typeof ANSWER_POLICIES)[number];

/** The persona patients see, frozen at publish time; editing the avatar never changes it. */
export interface AvatarSnapshot {
  name: string;
  title: string;
  specialty: string;
  bio: string;
  greeting: string;
  language: AvatarLanguage;
  disclaimer: string;
  region: string;
  hospital: string;
  languages: AvatarLanguage[];
  tone: string;
  topicsIn: string[];
  topicsOut: string[];
  outOfScopeText: string;
  suggestedQuestions: string[];
  answerPolicy: AnswerPolicy;
  noAnswerText: string;
  /** ISO time of the photo when published, or null: no photo. */
  photoUpdatedAt: string | null;
}

/**
 * The avatar's photos, kept apart from the avatar row so profile reads never carry the bytes. One row per
 * upload, named by its time: the draft shows avatars.photoUpdatedAt's, patients the published version's
 * (its snapshot's photoUpdatedAt), a pending review the one it was asked with; others are dropped.
 */
export const avatarPhotos = pgTable(
  "avatar_photos",
  {
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    orgId: orgId(),
    mime: text("mime").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.avatarId, t.updatedAt] })],
);

/** One document of a version's knowledge set, as it was when published. */
export interface VersionDocument {
  id: string;
  title: string;
  contentHash: string;
}

/**
 * One document's passages as a version serves them: the document (the avatar's own or a shared
 * corpus's), its content hash and the passage generation that was live when it was published or asked
 * for review. While the document keeps that content, its live generation serves (a re-index after an
 * embedder change is the same reviewed content); once it is replaced, the pinned generation does, and
 * outlives the replacement (server/knowledge/pins.ts).
 */
export interface PassagePin {
  documentId: string;
  generation: string;
  contentHash: string;
  /** Set for a shared corpus's document. */
  corpusId: string | null;
}

/** A consultation protocol as frozen into a version: its id and whatever the protocol holds. */
export type VersionProtocol = { id: string } & Record<string, unknown>;

export const avatarVersions = pgTable(
  "avatar_versions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    snapshot: jsonb("snapshot").$type<AvatarSnapshot>().notNull(),
    /** The consultation protocols as published (null: published before protocols were versioned). */
    protocols: jsonb("protocols").$type<VersionProtocol[]>(),
    /** The enabled documents at publish time; patients' retrieval is limited to them (null: before knowledge sets were versioned). */
    knowledge: jsonb("knowledge").$type<VersionDocument[]>(),
    /** The passages patients' retrieval uses: its documents' and its shared corpora's, as published (null: before pinning). */
    pins: jsonb("pins").$type<PassagePin[]>(),
    /** Set on a rollback: the number of the version whose content this one repeats. */
    restoredFrom: integer("restored_from"),
    /**
     * Hand-written curated answers written up to this time serve the version (flagged live ones always):
     * a reviewed request's time, so what was written after the review waits for the next one; null: createdAt.
     */
    curatedAsOf: timestamp("curated_as_of", { withTimezone: true }),
    publishedBy: text("published_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("avatar_versions_number_key").on(t.avatarId, t.number)],
);
