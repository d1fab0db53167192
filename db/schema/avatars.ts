import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, orgId } from "./columns";
import { departments } from "./departments";
import { organizations } from "./orgs";

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
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("avatars_slug_key").on(t.slug), index("avatars_org_idx").on(t.orgId)],
);

/** The persona patients see, frozen at publish time; editing the avatar never changes it. */
export interface AvatarSnapshot {
  name: string;
  title: string;
  specialty: string;
  bio: string;
  greeting: string;
  language: "zh-CN" | "en";
  disclaimer: string;
  region: string;
}

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
    publishedBy: text("published_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("avatar_versions_number_key").on(t.avatarId, t.number)],
);
